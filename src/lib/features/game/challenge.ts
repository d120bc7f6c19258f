/**
 * Scoring of a timed challenge round, as a pure reducer: the page owns the clock and calls
 * `answer` with how long the learner took, or `timeOut` when the countdown ran out.
 *
 * A right answer earns 100 points at 0 s, falling linearly to 50 at the last instant: speed earns a
 * bonus, but a slow right answer is always worth at least half, and understanding beats guessing
 * fast. After the time limit an answer is a time-out. Right answers in a row add 10 points each
 * after the first, up to +50. A wrong answer or a time-out costs one of three lives; the round ends
 * when the lives or the questions run out.
 */

export const CHALLENGE = Object.freeze({
	limitMs: 20_000,
	lives: 3,
	questions: 10,
	points: 100,
	streakStep: 10,
	streakMaxBonus: 50
});

export type Outcome = 'right' | 'wrong' | 'timeout';

export interface RoundState {
	roundType: string;
	limitMs: number;
	livesAtStart: number;
	lives: number;
	questions: number;
	asked: number;
	right: number;
	score: number;
	/** Right answers in a row, up to now. */
	streak: number;
	bestStreak: number;
	/** What the last question earned, for the feedback line. */
	last?: { outcome: Outcome; points: number; bonus: number };
}

export interface RoundOptions {
	limitMs?: number;
	lives?: number;
	questions?: number;
}

export function startRound(roundType: string, options: RoundOptions = {}): RoundState {
	const lives = options.lives ?? CHALLENGE.lives;
	return {
		roundType,
		limitMs: options.limitMs ?? CHALLENGE.limitMs,
		livesAtStart: lives,
		lives,
		questions: options.questions ?? CHALLENGE.questions,
		asked: 0,
		right: 0,
		score: 0,
		streak: 0,
		bestStreak: 0
	};
}

/** Points for a right answer after `elapsedMs`: full at 0, half at the limit, 0 after it. */
export function speedPoints(elapsedMs: number, limitMs: number = CHALLENGE.limitMs): number {
	const elapsed = Math.max(0, elapsedMs);
	if (elapsed > limitMs) return 0;
	return Math.round(CHALLENGE.points * (1 - elapsed / (2 * limitMs)));
}

/** Bonus for the `streak`-th right answer in a row. */
export const streakBonus = (streak: number): number => Math.min(CHALLENGE.streakMaxBonus, Math.max(0, streak - 1) * CHALLENGE.streakStep);

export const isOver = (s: RoundState): boolean => s.lives <= 0 || s.asked >= s.questions;

function miss(s: RoundState, outcome: Outcome): RoundState {
	return { ...s, asked: s.asked + 1, lives: s.lives - 1, streak: 0, last: { outcome, points: 0, bonus: 0 } };
}

export function answer(s: RoundState, a: { correct: boolean; elapsedMs: number }): RoundState {
	if (isOver(s)) return s;
	if (a.elapsedMs > s.limitMs) return miss(s, 'timeout');
	if (!a.correct) return miss(s, 'wrong');
	const streak = s.streak + 1;
	const points = speedPoints(a.elapsedMs, s.limitMs);
	const bonus = streakBonus(streak);
	return {
		...s,
		asked: s.asked + 1,
		right: s.right + 1,
		score: s.score + points + bonus,
		streak,
		bestStreak: Math.max(s.bestStreak, streak),
		last: { outcome: 'right', points, bonus }
	};
}

export const timeOut = (s: RoundState): RoundState => (isOver(s) ? s : miss(s, 'timeout'));

/** A finished round, as stored for personal bests. */
export interface RoundResult {
	id: string;
	roundType: string;
	score: number;
	asked: number;
	right: number;
	livesLost: number;
	/** All questions answered before the lives ran out. */
	survived: boolean;
	bestStreak: number;
	at: number;
}

export function roundResult(s: RoundState, id: string, at: number): RoundResult {
	return {
		id,
		roundType: s.roundType,
		score: s.score,
		asked: s.asked,
		right: s.right,
		livesLost: s.livesAtStart - s.lives,
		survived: s.lives > 0 && s.asked >= s.questions,
		bestStreak: s.bestStreak,
		at
	};
}

/** The best round of a type: highest score, the earliest on a tie, so merged results agree. */
export function personalBest(results: readonly RoundResult[], roundType: string): RoundResult | undefined {
	let best: RoundResult | undefined;
	for (const r of results) {
		if (r.roundType !== roundType) continue;
		if (!best || r.score > best.score || (r.score === best.score && (r.at < best.at || (r.at === best.at && r.id < best.id)))) best = r;
	}
	return best;
}
