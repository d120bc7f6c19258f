import { Rating, type Grade } from 'ts-fsrs';
import type { Review } from '../log/review';

/**
 * A typed answer that took longer than this was dug out, not recalled: Hard rather than Good.
 * Reading a prompt takes some 10 s and typing a name some 5–10 s; past 25 s the learner searched.
 */
export const TYPED_SLOW_MS = 25_000;

/**
 * The grade a review gives its item: a flashcard's own rating; for answered questions, right is
 * Good and wrong is Again (a quiz cannot tell "hard" from "easy", so it does not pretend to),
 * except a typed answer that came slowly, which is Hard. Undo and control records grade nothing.
 */
export function gradeOf(review: Review): Grade | null {
	switch (review.kind) {
		case 'flashcard':
			return review.rating ?? null;
		case 'quiz':
		case 'challenge':
		case 'predict':
			if (review.correct === undefined) return null;
			if (!review.correct) return Rating.Again;
			return review.typed !== undefined && review.durationMs > TYPED_SLOW_MS ? Rating.Hard : Rating.Good;
		case 'undo':
		case 'suspend':
		case 'unsuspend':
		case 'bury':
		case 'reset':
			return null;
	}
}
