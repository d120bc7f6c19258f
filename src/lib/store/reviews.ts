import { effectiveReviews, reviewProblem, type Review } from '../progress/review';
import type { ProgressDB } from './db';

/**
 * Append one review. `add` (never `put`): a record with an existing id is an error, not an
 * overwrite, so the log stays append-only even with two tabs open. Malformed records are refused
 * before they reach the log.
 */
export async function appendReview(db: ProgressDB, review: Review): Promise<void> {
	const problem = reviewProblem(review);
	if (problem) throw new Error(`Invalid review: ${problem.en}`);
	await db.add('reviews', review);
}

/** The whole log, in key (id) order; use effectiveReviews for time order. */
export function allReviews(db: ProgressDB): Promise<Review[]> {
	return db.getAll('reviews');
}

/**
 * Cancel the latest effective review by appending an undo record (at `now`); returns the review
 * cancelled, or null when there is nothing to undo. Read and write share one transaction so two
 * tabs cannot both decide on the same "last" review from stale reads.
 */
export async function undoLastReview(
	db: ProgressDB,
	now: number,
	appVersion = 'unknown'
): Promise<Review | null> {
	const tx = db.transaction('reviews', 'readwrite');
	const last = effectiveReviews(await tx.store.getAll()).at(-1);
	if (last) {
		await tx.store.add({
			id: crypto.randomUUID(),
			itemId: last.itemId,
			kind: 'undo',
			undoes: last.id,
			durationMs: 0,
			at: now,
			appVersion
		});
	}
	await tx.done;
	return last ?? null;
}

/** Forget all progress. Settings are kept: they are preferences, not progress. */
export function resetProgress(db: ProgressDB): Promise<void> {
	return db.clear('reviews');
}
