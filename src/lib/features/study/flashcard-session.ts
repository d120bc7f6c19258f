import type { ReviewRating } from '../../core/log';
import type { Question } from '../quiz/types';
import { requeue } from './sessions';

/** A flashcard session as data: what is next, what was rated, and how to step back. */
export interface FlashcardSession {
	queue: readonly Question[];
	index: number;
	rated: number;
	again: number;
	/** Cards already sent to the back once: a second "Again" does not loop forever. */
	requeued: readonly string[];
	/** Earlier sessions states, for undo. */
	history: readonly Omit<FlashcardSession, 'history'>[];
}

export function startSession(queue: readonly Question[]): FlashcardSession {
	return { queue, index: 0, rated: 0, again: 0, requeued: [], history: [] };
}

export const currentCard = (s: FlashcardSession): Question | undefined => s.queue[s.index];
export const isFinished = (s: FlashcardSession) => s.index >= s.queue.length;

/** Rate the current card. "Again" shows it once more a few cards later. */
export function rate(s: FlashcardSession, rating: ReviewRating): FlashcardSession {
	const card = currentCard(s);
	if (!card) return s;
	const { history, ...before } = s;
	const again = rating === 1 && !s.requeued.includes(card.id);
	return {
		queue: again ? requeue(s.queue, s.index, card) : s.queue,
		index: s.index + 1,
		rated: s.rated + 1,
		again: s.again + (rating === 1 ? 1 : 0),
		requeued: again ? [...s.requeued, card.id] : s.requeued,
		history: [...history, before]
	};
}

/** Step back to the card before the last rating; the caller undoes the stored review. */
export function undoRating(s: FlashcardSession): FlashcardSession {
	const previous = s.history.at(-1);
	return previous ? { ...previous, history: s.history.slice(0, -1) } : s;
}
