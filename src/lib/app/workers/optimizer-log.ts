/** The log an optimizer request is about: the one it carries, else the one in IndexedDB (read in slices, then the connection closed). */
import type { Review } from '$lib/core/log';
import { readLogChunked, type ProgressDB } from '$lib/store';
import type { OptimizeRequest } from './optimizer-protocol';

export async function requestedLog(request: Pick<OptimizeRequest, 'log'>, open: () => Promise<ProgressDB>): Promise<Review[]> {
	if (request.log) return request.log;
	// A connection for this read only, so it never holds up another tab's upgrade.
	const db = await open();
	try {
		return await readLogChunked(db);
	} finally {
		db.close();
	}
}
