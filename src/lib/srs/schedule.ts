import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS } from 'ts-fsrs';
import { effectiveReviews, type Review } from '../progress/review';
import { clampRetention } from '../progress/settings';
import { gradeOf } from './grade';

/** Where one item stands after replaying its reviews. */
export interface ItemState {
	itemId: string;
	/** The ts-fsrs card: due, stability, difficulty, state, reps, lapses, last_review. */
	card: Card;
	firstReviewAt: number;
	lastReviewAt: number;
}

/** No fuzz: the same log must always give the same schedule, on every device. */
export function schedulerFor(retention: number): FSRS {
	return fsrs(generatorParameters({ request_retention: clampRetention(retention), enable_fuzz: false }));
}

/**
 * Every reviewed item's state, derived by replaying the effective log in (at, id) order, each review
 * at its own timestamp. Cram practice is skipped: it must not move a due date. Nothing here reads
 * the clock, so the result depends only on the log and the retention.
 */
export function buildSchedule(log: readonly Review[], retention: number): Map<string, ItemState> {
	const scheduler = schedulerFor(retention);
	const states = new Map<string, ItemState>();
	for (const review of effectiveReviews(log)) {
		const grade = gradeOf(review);
		if (review.cram || grade === null) continue;
		const before = states.get(review.itemId);
		const at = new Date(review.at);
		const card = scheduler.next(before?.card ?? createEmptyCard(at), at, grade).card;
		states.set(review.itemId, {
			itemId: review.itemId,
			card,
			firstReviewAt: before?.firstReviewAt ?? review.at,
			lastReviewAt: review.at
		});
	}
	return states;
}
