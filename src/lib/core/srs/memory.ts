/**
 * One item's memory as the card browser shows it: FSRS's stability (days until recall falls to
 * 90 %), difficulty (1–10), the probability of recalling it now, and the next due date; and its
 * history from the log, undone records included and marked (the log keeps them).
 */
import { compareReviews, type Review } from '../log/review';
import { isStudied, schedulerFor, type ItemState } from './schedule';
import type { Weights } from './weights';

export interface Memory {
	stability: number;
	difficulty: number;
	/** 0–1: the chance of recalling the item at `now`. */
	retrievability: number;
	/** Epoch ms. */
	due: number;
	reps: number;
	lapses: number;
}

/** Null for an item never graded (or reset): FSRS holds no memory of it. */
export function memoryOf(state: ItemState | undefined, now: number, retention: number, weights: Weights | null = null): Memory | null {
	if (!isStudied(state)) return null;
	const { card } = state;
	const retrievability = schedulerFor(retention, weights).get_retrievability(card, new Date(now), false);
	return { stability: card.stability, difficulty: card.difficulty, retrievability, due: card.due.getTime(), reps: card.reps, lapses: card.lapses };
}

export interface HistoryEntry {
	review: Review;
	/** Cancelled by a later undo: shown struck through, not counted. */
	undone: boolean;
}

/** Every record of one item, oldest first; undo records themselves are folded into `undone`. */
export function itemHistory(log: readonly Review[], itemId: string): HistoryEntry[] {
	const undone = new Set(log.filter((r) => r.kind === 'undo' && r.undoes !== undefined).map((r) => r.undoes!));
	const seen = new Set<string>();
	return log
		.filter((r) => r.itemId === itemId && r.kind !== 'undo' && !seen.has(r.id) && seen.add(r.id))
		.sort(compareReviews)
		.map((review) => ({ review, undone: undone.has(review.id) }));
}
