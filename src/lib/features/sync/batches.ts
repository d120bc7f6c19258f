/**
 * The review log on a sync server: write-once batches `b:<deviceId>:<counter>` of up to BATCH_SIZE
 * reviews, each written by one device only. A device never reuses a counter, and a wiped local
 * database starts with a new device id, so a batch id names one set of reviews forever — which is
 * what lets the server refuse any change to a batch (see design.ts).
 */
import { reviewProblem, type Review } from '../../core/log/review';

/** 500 reviews are about 100 KB of JSON: 200,000 reviews travel in 400 documents. */
export const BATCH_SIZE = 500;
export const BATCH_PREFIX = 'b:';
/** Device ids are random (UUID) — letters, digits and dashes only, so `:` splits a batch id. */
const DEVICE = /^[0-9a-z-]{8,64}$/;

export interface BatchDoc {
	_id: string;
	_rev?: string;
	device: string;
	counter: number;
	reviews: Review[];
}

export const batchId = (device: string, counter: number): string => {
	if (!DEVICE.test(device) || !Number.isSafeInteger(counter) || counter < 0) throw new Error(`bad batch id parts: ${device} ${counter}`);
	return `${BATCH_PREFIX}${device}:${String(counter).padStart(8, '0')}`;
};

/** The device and counter of a batch id, or null for any other document. */
export function parseBatchId(id: string): { device: string; counter: number } | null {
	const m = /^b:([0-9a-z-]{8,64}):(\d{8,15})$/.exec(id);
	return m?.[1] !== undefined ? { device: m[1], counter: Number(m[2]) } : null;
}

/** The next counter for `device`: one past the largest it ever used among `ids`. */
export function nextCounter(ids: readonly string[], device: string): number {
	let next = 0;
	for (const id of ids) {
		const b = parseBatchId(id);
		if (b && b.device === device) next = Math.max(next, b.counter + 1);
	}
	return next;
}

/** New reviews cut into batches from counter `first` on. */
export function toBatches(reviews: readonly Review[], device: string, first: number, size = BATCH_SIZE): BatchDoc[] {
	const out: BatchDoc[] = [];
	for (let i = 0, counter = first; i < reviews.length; i += size, counter++)
		out.push({ _id: batchId(device, counter), device, counter, reviews: reviews.slice(i, i + size) });
	return out;
}

/** Why a document from the server is not a batch this app can merge, or null. Any bad record refuses the whole batch. */
export function batchProblem(doc: unknown): string | null {
	if (typeof doc !== 'object' || doc === null) return 'not an object';
	const d = doc as Partial<BatchDoc>;
	const parts = typeof d._id === 'string' ? parseBatchId(d._id) : null;
	if (!parts) return 'not a batch id';
	if (d.device !== parts.device || d.counter !== parts.counter) return 'device or counter differ from the id';
	if (!Array.isArray(d.reviews) || d.reviews.length === 0 || d.reviews.length > 4 * BATCH_SIZE) return 'no list of reviews';
	for (const [i, r] of d.reviews.entries()) {
		const problem = reviewProblem(r);
		if (problem) return `review ${i + 1}: ${problem.en}`;
	}
	return null;
}

/** The reviews of well-formed batches and those batches' ids (refused ones are counted, never half taken). */
export function reviewsOf(docs: readonly unknown[]): { reviews: Review[]; refused: string[]; batches: string[] } {
	const reviews: Review[] = [];
	const refused: string[] = [];
	const batches: string[] = [];
	for (const doc of docs) {
		const id = (doc as { _id?: unknown })?._id;
		if (typeof id !== 'string' || !id.startsWith(BATCH_PREFIX)) continue;
		if (batchProblem(doc)) refused.push(id);
		else {
			batches.push(id);
			for (const r of (doc as BatchDoc).reviews) reviews.push(r);
		}
	}
	return { reviews, refused, batches };
}

/** The reviews not yet in any batch, in log order (ids already synced, pushed or pulled, are skipped). */
export function unsynced(log: readonly Review[], synced: ReadonlySet<string>): Review[] {
	const seen = new Set<string>();
	return log.filter((r) => !synced.has(r.id) && !seen.has(r.id) && (seen.add(r.id), true));
}
