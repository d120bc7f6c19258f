/**
 * Whether the learner's answers are saved: the outbox written to the store, and storage trouble
 * said once (`storage`), never thrown at a page.
 */
import type { ZoneChange } from '$lib/features/game';
import type { Review } from '$lib/core/log';
import * as store from '$lib/store';
import type { ProgressDB, ScheduleChange, StorageFailure } from '$lib/store';
import type { Outbox } from './outbox';
import type { TabMessage } from './tab-sync';

export interface SaveState {
	/** Storage trouble the learner must hear about; null when all is saved. */
	storage: StorageFailure | null;
	/** Answers in the outbox. */
	pendingCount: number;
}

/** Say why storage failed; a newer version that replaced this one keeps saying so. */
export function noteFailure(state: SaveState, e: unknown): void {
	if (state.storage !== 'replaced') state.storage = store.storageFailure(e);
	console.warn('storage failed', e);
}

/** Try to save what is pending, in one transaction; the schedule change, or undefined when it stays in memory. Never rejects. */
export async function savePending(state: SaveState, db: ProgressDB | null, outbox: Outbox, zones: () => ZoneChange[], tell: (message: TabMessage) => void): Promise<ScheduleChange | undefined> {
	try {
		if (!db || state.storage === 'replaced' || outbox.size === 0) return undefined;
		const known = zones();
		let saved: Review[] = [];
		const change = await outbox.flush((batch) => store.appendReviews(db, (saved = batch), { skipKnown: true, zones: known }));
		state.storage = null;
		tell({ kind: 'appended', reviews: saved });
		return change;
	} catch (e) {
		noteFailure(state, e);
		return undefined;
	} finally {
		state.pendingCount = outbox.size;
	}
}
