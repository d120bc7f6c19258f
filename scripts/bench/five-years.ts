/**
 * The bench's big log: five years of daily study over the bank's items — flashcards (some cram),
 * quizzes, challenges and a few undos — from a fixed seed, so every run and every bench part
 * (the browser's, the optimizer's) works on the same 200,000 reviews.
 */
import type { Review } from '../../src/lib/core/log';

const DAY = 86_400_000;

export function fiveYearsOfStudy(cards: readonly string[], quiz: readonly string[], total: number, years: number, now: number): Review[] {
	let s = 42;
	const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
	const days = Math.round(years * 365.25);
	const start = now - days * DAY;
	const out: Review[] = [];
	let last: Review | null = null;
	for (let i = 0; i < total; i++) {
		const day = Math.floor((i / total) * days);
		const at = start + day * DAY + 8 * 3_600_000 + (i % 120) * 20_000;
		const roll = rand();
		const id = `seed-${i}`;
		let r: Review;
		if (roll < 0.01 && last) r = { id, itemId: last.itemId, kind: 'undo', undoes: last.id, durationMs: 0, at, appVersion: 'seed' };
		else if (roll < 0.6)
			r = { id, itemId: cards[Math.floor(rand() * cards.length)]!, kind: 'flashcard', rating: (1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4, durationMs: 4000, at, appVersion: 'seed', ...(roll < 0.04 ? { cram: true } : {}) };
		else if (roll < 0.93) r = { id, itemId: quiz[Math.floor(rand() * quiz.length)]!, kind: 'quiz', correct: rand() < 0.8, answer: ['a'], durationMs: 6000, at, appVersion: 'seed', session: `quiz:${day}` };
		else r = { id, itemId: quiz[Math.floor(rand() * quiz.length)]!, kind: 'challenge', correct: rand() < 0.7, answer: ['a'], durationMs: 3000, at, appVersion: 'seed', session: `challenge:mixed:${day}` };
		if (r.kind !== 'undo') last = r;
		out.push(r);
	}
	return out;
}

/** The bank's flashcard families and question families, as the generator needs them. */
export function familiesOf(questions: readonly { family: string }[]): { cards: string[]; quiz: string[] } {
	const cards = [...new Set(questions.filter((q) => q.family.startsWith('card:')).map((q) => q.family))];
	const quiz = [...new Set(questions.filter((q) => !q.family.startsWith('card:')).map((q) => q.family))];
	return { cards, quiz };
}
