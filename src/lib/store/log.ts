/**
 * The review log in pages (see LogPage in db.ts), numbered from 0. Appends fill the last page, then
 * open new ones, so every page but the last is full and the log's size follows from the last page.
 * Records are never changed.
 */
import type { IDBPTransaction } from 'idb';
import type { Review } from '../core/log/review';
import { LOG_PAGE, type LogPage, type ProgressDB, type ProgressSchema } from './db';

/** The log and what is derived from it move together: every write that touches one spans them all. */
type LogStore = 'log' | 'schedule' | 'meta' | 'totals' | 'days';
export const LOG_STORES: LogStore[] = ['log', 'schedule', 'meta', 'totals', 'days'];
export type LogTransaction = IDBPTransaction<ProgressSchema, LogStore[], 'readwrite'>;
export type AnyLogTransaction = IDBPTransaction<ProgressSchema, LogStore[], IDBTransactionMode>;
/** Any transaction that spans the log (and maybe more stores), for reads of it alone. */
type LogReader = Pick<IDBPTransaction<ProgressSchema, ['log'], IDBTransactionMode>, 'objectStore'>;

export type Progress = (done: number, total: number) => void;
/** Pages read per request when reading the whole log: short enough not to hold the page. */
const READ_PAGES = 5;
/** Let the page paint and handle input between slices of long work (costs nothing in a worker). */
export const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The number of reviews in the log, from its last page (every page before it is full). */
export async function logCount(tx: LogReader): Promise<number> {
	const last = (await tx.objectStore('log').openCursor(null, 'prev'))?.value;
	return last ? last.n * LOG_PAGE + last.reviews.length : 0;
}

/** Write reviews to the end of the log (the caller has checked them and their ids). */
export async function appendToLog(tx: LogTransaction, reviews: readonly Review[], onProgress?: Progress): Promise<void> {
	if (reviews.length === 0) return;
	const log = tx.objectStore('log');
	const cursor = await log.openCursor(null, 'prev');
	let page: LogPage = cursor && cursor.value.reviews.length < LOG_PAGE ? cursor.value : { n: cursor ? cursor.value.n + 1 : 0, maxAt: -Infinity, reviews: [] };
	const writes: Promise<unknown>[] = [];
	for (let i = 0; i < reviews.length; ) {
		const room = LOG_PAGE - page.reviews.length;
		const chunk = reviews.slice(i, i + room);
		page = { n: page.n, maxAt: latestAt(chunk, page.maxAt), reviews: [...page.reviews, ...chunk] };
		writes.push(log.put(page));
		i += chunk.length;
		onProgress?.(i, reviews.length);
		if (i < reviews.length) page = { n: page.n + 1, maxAt: -Infinity, reviews: [] };
	}
	await Promise.all(writes);
}

/** Reviews on pages that may hold something at or after `since` (not filtered). */
export async function pagesSince(tx: LogReader, since: number): Promise<Review[]> {
	const pages = await tx.objectStore('log').index('by-max-at').getAll(IDBKeyRange.lowerBound(since));
	return pages.flatMap((p) => p.reviews);
}

/** The whole log, read in slices of pages (each its own request) so no single read holds the page. */
export async function readLogChunked(db: ProgressDB, onProgress?: Progress): Promise<Review[]> {
	const last = (await db.transaction('log').store.openCursor(null, 'prev'))?.key ?? -1;
	const out: Review[] = [];
	for (let n = 0; n <= last; n += READ_PAGES) {
		const pages = await db.getAll('log', IDBKeyRange.bound(n, n + READ_PAGES - 1));
		for (const page of pages) for (const r of page.reviews) out.push(r);
		onProgress?.(Math.min(n + READ_PAGES, last + 1), last + 1);
		if (n + READ_PAGES <= last) await breathe();
	}
	return out;
}

/** The whole log inside a transaction (one request). */
export async function readLogIn(tx: AnyLogTransaction): Promise<Review[]> {
	return (await tx.objectStore('log').getAll()).flatMap((p) => p.reviews);
}

/** The earliest and latest `at` among reviews, by a loop: spreading 100,000 arguments overflows the stack. */
export function earliestAt(reviews: readonly Review[]): number {
	let min = Infinity;
	for (const r of reviews) if (r.at < min) min = r.at;
	return min;
}
export function latestAt(reviews: readonly Review[], from = -Infinity): number {
	let max = from;
	for (const r of reviews) if (r.at > max) max = r.at;
	return max;
}

/**
 * The log's records that could share an id with `reviews`: the same record has the same `at`, so
 * only pages whose latest review is at or after the earliest of them are read — a sync's pull or a
 * recent backup reads the last pages, never five years of log.
 */
export async function logAround(tx: AnyLogTransaction, reviews: readonly Review[]): Promise<Review[]> {
	return reviews.length === 0 ? [] : pagesSince(tx, earliestAt(reviews));
}

/** The ids already in the log among `reviews` (only pages recent enough to hold them are read). */
export async function knownIds(tx: AnyLogTransaction, reviews: readonly Review[]): Promise<Set<string>> {
	const wanted = new Set(reviews.map((r) => r.id));
	return new Set((await logAround(tx, reviews)).filter((r) => wanted.has(r.id)).map((r) => r.id));
}
