import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS } from 'ts-fsrs';
import { effectiveRecords, isControl, type Review } from '../log/review';
import { clampRetention } from '../log/settings';
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
	/** Suspended from the card browser: never due until unsuspended. */
	suspended?: true;
	/** Buried at this time (epoch ms): not due again before the next local day (see srs/controls.ts). */
	buriedAt?: number;
	/** Never graded: the state exists only to carry a suspension or burial of a new item. */
	fresh?: true;
}

/** Every scheduled item's state, by item id: what the log folds into. */
export type Schedule = ReadonlyMap<string, ItemState>;

/** Whether an item has been graded since it was new (a state can exist for a suspended new item). */
export const isStudied = (state: ItemState | undefined): state is ItemState => state !== undefined && !state.fresh;

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
	for (const review of effectiveRecords(log)) {
		const state = foldReview(states.get(review.itemId), review, scheduler);
		if (state) states.set(review.itemId, state);
		else states.delete(review.itemId);
	}
	return states;
}

/** Whether review `r` comes after an item's last folded review, in the log's (at, id) order. */
export function isAfter(r: Pick<Review, 'at' | 'id'>, state: Pick<ItemState, 'lastReviewAt' | 'lastId'>): boolean {
	return r.at !== state.lastReviewAt ? r.at > state.lastReviewAt : r.id > (state.lastId ?? '');
}

/** Whether a record can change an item's state: graded answers outside cram, and controls. */
export const movesSchedule = (r: Review): boolean => isControl(r) || (!r.cram && gradeOf(r) !== null);

/** A control applied: suspension and burial are marks on the state; reset forgets the item. */
function foldControl(state: ItemState | undefined, review: Review): ItemState | undefined {
	if (review.kind === 'reset') return undefined;
	const at = new Date(review.at);
	const base: ItemState = state ?? { itemId: review.itemId, card: createEmptyCard(at), firstReviewAt: review.at, lastReviewAt: review.at, fresh: true };
	const next: ItemState = { ...base, lastReviewAt: review.at, lastId: review.id };
	if (review.kind === 'suspend') next.suspended = true;
	if (review.kind === 'unsuspend') delete next.suspended;
	if (review.kind === 'bury') next.buriedAt = review.at;
	// A new item with no mark left is simply new again: no state, as if never touched.
	return !next.fresh || next.suspended || next.buriedAt !== undefined ? next : undefined;
}

/**
 * Fold one more record into an item's state, as buildSchedule would if it came last. Returns the
 * state unchanged for records that do not schedule (cram, undo, ungraded), and undefined when a
 * control leaves the item new.
 */
export function foldReview(
	state: ItemState | undefined,
	review: Review,
	scheduler: FSRS
): ItemState | undefined {
	if (isControl(review)) return foldControl(state, review);
	const grade = gradeOf(review);
	if (review.cram || grade === null) return state;
	const at = new Date(review.at);
	const studied = isStudied(state);
	const card = scheduler.next(studied ? state.card : createEmptyCard(at), at, grade).card;
	// Graded again: a burial has done its work; a suspension stays until lifted.
	return {
		itemId: review.itemId,
		card,
		firstReviewAt: studied ? state.firstReviewAt : review.at,
		lastReviewAt: review.at,
		lastId: review.id,
		...(state?.suspended ? { suspended: true as const } : {})
	};
}
