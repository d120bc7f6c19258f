import { Rating, type Grade } from 'ts-fsrs';
import type { Review } from '../progress/review';

/**
 * The grade a review gives its item: a flashcard's own rating; for answered questions, right is
 * Good and wrong is Again (a quiz cannot tell "hard" from "easy", so it does not pretend to).
 * Undo records grade nothing.
 */
export function gradeOf(review: Review): Grade | null {
	switch (review.kind) {
		case 'flashcard':
			return review.rating ?? null;
		case 'quiz':
		case 'challenge':
		case 'predict':
			return review.correct === undefined ? null : review.correct ? Rating.Good : Rating.Again;
		case 'undo':
			return null;
	}
}
