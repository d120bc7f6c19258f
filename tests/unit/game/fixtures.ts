/** Review builders for the game-rule tests. Times are built from UTC so tests pass in any zone. */
import type { Review, ReviewRating } from '../../../src/lib/core/log/review';
import { rng, shuffle } from '../../../src/lib/core/random';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Epoch ms of a UTC wall-clock time. */
export const utc = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);

/** A quiz answer; the item is the question id unless given. */
export function quiz(at: number, questionId = 'next_state:CLOSING:recv_ack', correct = true, extra: Partial<Review> = {}): Review {
	return {
		id: `${questionId}@${at}${extra.id ?? ''}`,
		itemId: questionId,
		questionId,
		kind: 'quiz',
		correct,
		durationMs: 8000,
		at,
		appVersion: '0.1.0',
		...extra
	};
}

export function card(at: number, family: string, rating: ReviewRating, extra: Partial<Review> = {}): Review {
	return {
		id: `${family}@${at}${extra.id ?? ''}`,
		itemId: family,
		questionId: `flashcard:${family}`,
		kind: 'flashcard',
		rating,
		durationMs: 5000,
		at,
		appVersion: '0.1.0',
		...extra
	};
}

export function undo(at: number, of: Review): Review {
	return { id: `undo:${of.id}`, itemId: of.itemId, kind: 'undo', undoes: of.id, durationMs: 0, at, appVersion: '0.1.0' };
}

/** A seeded shuffle (the app's own mulberry32), so a failing order can be replayed. */
export const shuffled = <T>(items: readonly T[], seed: number): T[] => shuffle(items, rng(seed));
