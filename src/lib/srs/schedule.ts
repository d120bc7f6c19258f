import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS } from 'ts-fsrs';
import { effectiveReviews, type Review } from '../progress/review';
import { clampRetention } from '../progress/settings';
import { gradeOf } from './grade';
import type { Weights } from './weights';

/** Where one item stands after replaying its reviews. */
export interface ItemState {
	itemId: string;
	/** The ts-fsrs card: due, stability, difficulty, state, reps, lapses, last_review. */
	card: Card;
	firstReviewAt: number;
	lastReviewAt: number;
	/** Id of the last review folded in: with lastReviewAt, where this state stands in the log. */
	lastId?: string;
}

/**
 * No fuzz: the same log must always give the same schedule, on every device. `weights` are the
 * learner's own (Settings.weights); null means FSRS's defaults.
 */
export function schedulerFor(retention: number, weights: Weights | null = null): FSRS {
	return fsrs(generatorParameters({ request_retention: clampRetention(retention), enable_fuzz: false, ...(weights ? { w: [...weights] } : {}) }));
}

/**
 * Every reviewed item's state, derived by replaying the effective log in (at, id) order, each review
 * at its own timestamp. Cram practice is skipped: it must not move a due date. Nothing here reads
 * the clock, so the result depends only on the log, the retention and the weights.
 */
export function buildSchedule(log: readonly Review[], retention: number, weights: Weights | null = null): Map<string, ItemState> {
	const scheduler = schedulerFor(retention, weights);
	const states = new Map<string, ItemState>();
	for (const review of effectiveReviews(log)) {
		const state = foldReview(states.get(review.itemId), review, scheduler);
		if (state) states.set(review.itemId, state);
	}
	return states;
}

/** Whether review `r` comes after an item's last folded review, in the log's (at, id) order. */
export function isAfter(r: Pick<Review, 'at' | 'id'>, state: Pick<ItemState, 'lastReviewAt' | 'lastId'>): boolean {
	return r.at !== state.lastReviewAt ? r.at > state.lastReviewAt : r.id > (state.lastId ?? '');
}

/**
 * Fold one more review into an item's state, as buildSchedule would if it came last. Returns the
 * state unchanged for reviews that do not schedule (cram, undo, ungraded).
 */
export function foldReview(
	state: ItemState | undefined,
	review: Review,
	scheduler: FSRS
): ItemState | undefined {
	const grade = gradeOf(review);
	if (review.cram || grade === null) return state;
	const at = new Date(review.at);
	const card = scheduler.next(state?.card ?? createEmptyCard(at), at, grade).card;
	return {
		itemId: review.itemId,
		card,
		firstReviewAt: state?.firstReviewAt ?? review.at,
		lastReviewAt: review.at,
		lastId: review.id
	};
}
