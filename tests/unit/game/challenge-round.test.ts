import { describe, expect, it } from 'vitest';
import { CHALLENGE, roundsFromLog, speedPoints } from '../../../src/lib/features/game';
import {
	isLastQuestion,
	isRunning,
	nextQuestion,
	remainingMs,
	roundQuestion,
	runOut,
	settleAnswer,
	startChallenge,
	submitAnswer,
	type ChallengeRound
} from '../../../src/lib/features/game/challenge-round';
import type { Review } from '../../../src/lib/core/log';

const T0 = Date.UTC(2025, 2, 3, 10);
const LIMIT = CHALLENGE.limitMs;
const questions = Array.from({ length: CHALLENGE.questions }, (_, i) => `q${i}`);
const start = () => startChallenge(questions, 'mixed', 'challenge:mixed:u1', T0);

/** Answer the current question `ms` after it showed, written at that moment, and go on. */
function answerAfter(r: ChallengeRound<string>, ms: number, correct: boolean): ChallengeRound<string> {
	const at = r.shownAt + ms;
	return settleAnswer(submitAnswer(r, ['a'], correct, at), at);
}

describe('a challenge round as played', () => {
	it('shows the first question with the whole limit, counting down with the clock', () => {
		const r = start();
		expect(roundQuestion(r)).toBe('q0');
		expect(isRunning(r)).toBe(true);
		expect(remainingMs(r, T0)).toBe(LIMIT);
		expect(remainingMs(r, T0 + 5000)).toBe(LIMIT - 5000);
		expect(remainingMs(r, T0 + LIMIT + 9000)).toBe(0);
	});

	it('an answer waits to be written (the clock stops), then scores like the log replay', () => {
		let r = submitAnswer(start(), ['a'], true, T0 + 4000);
		expect(r.pending).toEqual({ answer: ['a'], correct: true, durationMs: 4000 });
		expect(isRunning(r)).toBe(false);
		expect(remainingMs(r, T0 + 15_000)).toBe(LIMIT - 4000);
		// A second answer or the alarm while it is written change nothing.
		expect(submitAnswer(r, ['b'], false, T0 + 5000)).toBe(r);
		expect(runOut(r, ['b'], T0 + LIMIT)).toBe(r);
		r = settleAnswer(r, T0 + 4100);
		expect(r.pending).toBeNull();
		expect(r.checked).toEqual({ outcome: 'right', chosen: ['a'], points: speedPoints(4000), bonus: 0, lifeLost: false });
		expect(r.round.score).toBe(speedPoints(4000));
		expect(remainingMs(r, T0 + 19_000)).toBe(LIMIT - 4000);
		expect(r.lastAt).toBe(T0 + 4100);
	});

	it('time running out is a miss with the whole limit and what was chosen so far; it costs a life', () => {
		let r = runOut(start(), ['c'], T0 + LIMIT + 30);
		expect(r.pending).toEqual({ answer: ['c'], correct: false, durationMs: LIMIT + 30 });
		expect(remainingMs(r, T0 + LIMIT + 500)).toBe(0);
		r = settleAnswer(r, T0 + LIMIT + 40);
		expect(r.checked).toEqual({ outcome: 'timeout', chosen: ['c'], points: 0, bonus: 0, lifeLost: true });
		expect(r.round.lives).toBe(CHALLENGE.lives - 1);
		expect(r.missed).toEqual([{ question: 'q0', chosen: ['c'], outcome: 'timeout' }]);
		// An alarm that fires a little early still writes the whole limit.
		expect(runOut(start(), [], T0 + LIMIT - 3).pending?.durationMs).toBe(LIMIT);
	});

	it('a wrong answer is missed and costs a life; the next question shows with a fresh clock', () => {
		let r = answerAfter(start(), 2000, false);
		expect(r.checked).toMatchObject({ outcome: 'wrong', lifeLost: true });
		expect(nextQuestion(submitAnswer(start(), [], true, T0), T0)).toMatchObject({ index: 0 });
		r = nextQuestion(r, T0 + 9000);
		expect(r).toMatchObject({ index: 1, shownAt: T0 + 9000, answeredMs: null, checked: null });
		expect(roundQuestion(r)).toBe('q1');
		expect(remainingMs(r, T0 + 9000)).toBe(LIMIT);
	});

	it('ends when the lives run out, with the result the log replay gives', () => {
		let r = start();
		const log: Review[] = [];
		for (let i = 0; i < CHALLENGE.lives; i++) {
			const at = r.shownAt + 1000;
			r = submitAnswer(r, ['x'], false, at);
			log.push({ id: `r${i}`, itemId: 'f', questionId: `q${i}`, kind: 'challenge', answer: ['x'], correct: false, durationMs: 1000, session: r.session, at, appVersion: 'test' });
			r = settleAnswer(r, at);
			expect(isLastQuestion(r)).toBe(i === CHALLENGE.lives - 1);
			r = nextQuestion(r, at + 500);
		}
		expect(r.result).toMatchObject({ id: 'challenge:mixed:u1', roundType: 'mixed', asked: 3, right: 0, survived: false, at: r.lastAt });
		expect(roundQuestion(r)).toBeUndefined();
		expect(isRunning(r)).toBe(false);
		expect(r.missed).toHaveLength(3);
		expect(roundsFromLog(log)[0]).toMatchObject({ score: r.result!.score, asked: 3, livesLost: 3 });
	});

	it('ends after the last question; a streak adds its bonus', () => {
		let r = start();
		for (let i = 0; i < CHALLENGE.questions; i++) r = nextQuestion(answerAfter(r, 0, true), r.shownAt + 100);
		expect(r.result).toMatchObject({ asked: CHALLENGE.questions, right: CHALLENGE.questions, survived: true, bestStreak: CHALLENGE.questions });
		expect(r.result!.score).toBeGreaterThan(CHALLENGE.questions * CHALLENGE.points);
		expect(r.missed).toEqual([]);
	});
});
