import { compareReviews, reviewProblem, type Review } from '../core/log/review';
import type { ItemState } from '../core/srs/schedule';
import { LOG_PAGE, SCHEDULE_META, type ProgressDB } from './db';
import { appendToLog, knownIds, LOG_STORES, logCount, pagesSince, readLogChunked } from './log';
import { foldIntoCache } from './schedule-cache';
import { clearTotals, foldIntoTotals, type TotalsFoldOptions } from './totals-cache';

/** What a write changed in the schedule cache; null when the cache is out of date (rebuild it). */
export type ScheduleChange = Map<string, ItemState | undefined> | null;

/**
 * Append reviews, and fold them into the schedule cache, in ONE transaction: a crash, a full disk or
 * a closed tab leaves either all of it or none of it. A review whose id is already in the log is
 * refused (the log is append-only, even with two tabs open) — or, with `skipKnown`, skipped: the
 * same id is the same answer, e.g. saved by another tab from a stash. Malformed records are refused
 * before they reach the log.
 */
export async function appendReviews(db: ProgressDB, reviews: readonly Review[], { skipKnown = false, ...totals }: { skipKnown?: boolean } & TotalsFoldOptions = {}): Promise<ScheduleChange> {
	for (const review of reviews) {
		const problem = reviewProblem(review);
		if (problem) throw new Error(`Invalid review: ${problem.en}`);
	}
	const tx = db.transaction(LOG_STORES, 'readwrite');
	const done = tx.done;
	try {
		const known = await knownIds(tx, reviews);
		if (known.size > 0 && !skipKnown) throw new DOMException(`A review with id ${[...known][0]} is already in the log`, 'ConstraintError');
		const added = reviews.filter((r) => !known.has(r.id));
		await appendToLog(tx, added);
		const change = await foldIntoCache(tx, added);
		await foldIntoTotals(tx, added, totals);
		await done;
		return change;
	} catch (e) {
		// Nothing of a failed write may land; report the first cause, not the abort.
		done.catch(() => {});
		try {
			tx.abort();
		} catch {
			// Already finished or aborted.
		}
		throw e;
	}
}


/** The whole log (in the order written; use effectiveReviews for time order). */
export function allReviews(db: ProgressDB): Promise<Review[]> {
	return readLogChunked(db);
}

/** Reviews at or after `since` (epoch ms), in (at, id) order. Reads only the recent pages. */
export async function reviewsSince(db: ProgressDB, since: number): Promise<Review[]> {
	const recent = await pagesSince(db.transaction(LOG_STORES), since);
	return recent.filter((r) => r.at >= since).sort(compareReviews);
}

/**
 * The log's records from position `from` on (in the order written) and the log's length, read
 * together: only the pages from `from` on are read (every page before the last is full, so page n
 * starts at n × LOG_PAGE). Positions never move, the log being append-only, until a reset empties it.
 */
export async function reviewsFrom(db: ProgressDB, from: number): Promise<{ count: number; reviews: Review[] }> {
	const tx = db.transaction(LOG_STORES);
	const first = Math.floor(Math.max(0, from) / LOG_PAGE);
	const [count, pages] = await Promise.all([logCount(tx), tx.objectStore('log').getAll(IDBKeyRange.lowerBound(first))]);
	const start = Math.max(0, from) - first * LOG_PAGE;
	return { count, reviews: pages.flatMap((p) => p.reviews).slice(start) };
}

export function countReviews(db: ProgressDB): Promise<number> {
	return logCount(db.transaction(LOG_STORES));
}

/**
 * Cancel the latest effective review by appending an undo record (at `now`). Pages are walked
 * back from the most recent (no whole-log read), and read and write share one transaction so two
 * tabs cannot both decide on the same "last" review from stale reads.
 */
export async function undoLast(
	db: ProgressDB,
	now: number,
	appVersion = 'unknown'
): Promise<{ undone: Review | null; record: Review | null; change: ScheduleChange }> {
	const tx = db.transaction(LOG_STORES, 'readwrite');
	const undone = new Set<string>();
	let last: Review | null = null;
	// Pages overlap in time (a backup merges old reviews in late): a review is surely the latest
	// left only once no page still unread can hold a later one.
	let pending: Review[] = [];
	let cursor = await tx.objectStore('log').index('by-max-at').openCursor(null, 'prev');
	while (!last && (cursor || pending.length)) {
		if (cursor) pending.push(...cursor.value.reviews);
		cursor = cursor ? await cursor.continue() : null;
		const bound = cursor ? cursor.value.maxAt : -Infinity;
		pending.sort((a, b) => compareReviews(b, a));
		let settled = 0;
		for (const r of pending) {
			if (r.at <= bound) break;
			settled++;
			if (r.kind === 'undo') {
				if (r.undoes !== undefined) undone.add(r.undoes);
			} else if (!undone.has(r.id)) {
				last = r;
				break;
			}
		}
		pending = pending.slice(settled);
	}
	let change: ScheduleChange = null;
	let record: Review | null = null;
	if (last) {
		record = { id: crypto.randomUUID(), itemId: last.itemId, kind: 'undo', undoes: last.id, durationMs: 0, at: now, appVersion };
		await appendToLog(tx, [record]);
		change = await foldIntoCache(tx, [record], { undone: last });
		await foldIntoTotals(tx, [record], { now });
	}
	await tx.done;
	return { undone: last, record, change };
}

/** Forget all progress (and its cache). Settings are kept: they are preferences, not progress. */
export async function resetProgress(db: ProgressDB): Promise<void> {
	const tx = db.transaction(LOG_STORES, 'readwrite');
	const meta = tx.objectStore('meta');
	const schedule = await meta.get(SCHEDULE_META);
	await Promise.all([
		tx.objectStore('log').clear(),
		tx.objectStore('schedule').clear(),
		schedule ? meta.put({ ...schedule, reviews: 0 }, SCHEDULE_META) : undefined,
		clearTotals(tx),
		tx.done
	]);
}
