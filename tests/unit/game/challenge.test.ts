import { describe, expect, it } from 'vitest';
import {
	CHALLENGE,
	answer,
	isOver,
	personalBest,
	roundResult,
	speedPoints,
	startRound,
	streakBonus,
	timeOut,
	type RoundResult,
	type RoundState
} from '../../../src/lib/features/game';

const LIMIT = CHALLENGE.limitMs;
const play = (s: RoundState, moves: ({ correct: boolean; elapsedMs: number } | 'timeout')[]) =>
	moves.reduce((state, m) => (m === 'timeout' ? timeOut(state) : answer(state, m)), s);

describe('points for one answer', () => {
	it('gives full points at 0 s, half at the last instant, none after the time-out', () => {
		expect(speedPoints(0)).toBe(100);
		expect(speedPoints(LIMIT / 2)).toBe(75);
		expect(speedPoints(LIMIT)).toBe(50);
		expect(speedPoints(LIMIT + 1)).toBe(0);
		expect(speedPoints(-50)).toBe(100);
	});

	it('never gives a right answer in time less than half', () => {
		for (let ms = 0; ms <= LIMIT; ms += 250) expect(speedPoints(ms)).toBeGreaterThanOrEqual(50);
	});

	it('scores the first answer of a round at the edges', () => {
		const s = startRound('mixed');
		expect(answer(s, { correct: true, elapsedMs: 0 })).toMatchObject({ score: 100, right: 1, lives: 3, streak: 1 });
		expect(answer(s, { correct: true, elapsedMs: LIMIT })).toMatchObject({ score: 50, right: 1, lives: 3 });
		const late = answer(s, { correct: true, elapsedMs: LIMIT + 1 });
		expect(late).toMatchObject({ score: 0, right: 0, lives: 2, streak: 0, asked: 1, last: { outcome: 'timeout' } });
		expect(timeOut(s)).toEqual(late);
		expect(answer(s, { correct: false, elapsedMs: 100 })).toMatchObject({ score: 0, lives: 2, last: { outcome: 'wrong' } });
	});
});

describe('a round', () => {
	it('adds an answer-streak bonus of 10 per answer after the first, up to 50', () => {
		expect([1, 2, 3, 6, 7, 20].map(streakBonus)).toEqual([0, 10, 20, 50, 50, 50]);
		const s = play(startRound('mixed'), [
			{ correct: true, elapsedMs: 0 },
			{ correct: true, elapsedMs: 0 },
			{ correct: true, elapsedMs: 0 },
			{ correct: false, elapsedMs: 0 },
			{ correct: true, elapsedMs: 0 }
		]);
		expect(s.score).toBe(100 + 110 + 120 + 0 + 100);
		expect(s.bestStreak).toBe(3);
	});

	it('ends when three lives are lost, and ignores answers after that', () => {
		const s = play(startRound('mixed'), [{ correct: false, elapsedMs: 1 }, 'timeout', { correct: true, elapsedMs: 1 }, { correct: true, elapsedMs: LIMIT + 5 }]);
		expect(s.lives).toBe(0);
		expect(isOver(s)).toBe(true);
		expect(answer(s, { correct: true, elapsedMs: 0 })).toBe(s);
		expect(timeOut(s)).toBe(s);
		expect(roundResult(s, 'r1', 5)).toMatchObject({ livesLost: 3, survived: false, right: 1, asked: 4 });
	});

	it('ends after the last question', () => {
		const s = play(
			startRound('states', { questions: 3 }),
			Array.from({ length: 3 }, () => ({ correct: true, elapsedMs: LIMIT / 2 }))
		);
		expect(isOver(s)).toBe(true);
		expect(s.score).toBe(75 + 85 + 95);
		expect(roundResult(s, 'r2', 7)).toMatchObject({ survived: true, livesLost: 0, score: 255, roundType: 'states', at: 7 });
	});
});

describe('personal best', () => {
	const r = (id: string, roundType: string, score: number, at: number): RoundResult => ({
		id,
		roundType,
		score,
		at,
		asked: 10,
		right: 5,
		livesLost: 0,
		survived: true,
		bestStreak: 3
	});
	const results = [r('a', 'mixed', 500, 10), r('b', 'mixed', 700, 30), r('c', 'states', 900, 5), r('d', 'mixed', 700, 20)];

	it('is the highest score of that round type, the earliest on a tie, whatever the order', () => {
		expect(personalBest(results, 'mixed')?.id).toBe('d');
		expect(personalBest([...results].reverse(), 'mixed')?.id).toBe('d');
		expect(personalBest(results, 'states')?.score).toBe(900);
		expect(personalBest(results, 'params')).toBeUndefined();
	});
});
