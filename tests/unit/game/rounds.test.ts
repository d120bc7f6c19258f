import { describe, expect, it } from 'vitest';
import {
	CHALLENGE,
	MIXED_ROUND,
	answer,
	challengeSession,
	challengeTopics,
	inChallenges,
	isTimeOut,
	parseChallengeSession,
	personalBest,
	planChallenge,
	roundTopic,
	roundsFromLog,
	startRound,
	timeOut,
	topicRound,
	type ChallengeQuestion
} from '../../../src/lib/features/game';
import type { Review } from '../../../src/lib/core/log/review';
import { MIN, card, quiz, shuffled, undo, utc } from './fixtures';

const LIMIT = CHALLENGE.limitMs;
const T = utc(2025, 3, 1, 9);

type Move = { correct: boolean; ms: number } | 'timeout';

/** The reviews of one round, a few seconds apart, as the challenge page writes them. */
function round(uuid: string, roundType: string, start: number, moves: Move[]): Review[] {
	const session = challengeSession(roundType, uuid);
	let at = start;
	return moves.map((m, i) => {
		const timeout = m === 'timeout';
		const durationMs = timeout ? LIMIT : m.ms;
		at += durationMs + 1500;
		return {
			id: `${uuid}-${i}`,
			itemId: `t:FAMILY:${i}`,
			questionId: `next_state:FAMILY:${i}`,
			kind: 'challenge',
			answer: timeout ? [] : ['X'],
			correct: timeout ? false : m.correct,
			durationMs,
			at,
			appVersion: '0.1.0',
			session
		};
	});
}

const right = (ms = 0): Move => ({ correct: true, ms });
const wrong = (ms = 1000): Move => ({ correct: false, ms });
const tenRight = Array.from({ length: 10 }, () => right(0));

describe('challenge sessions', () => {
	it('write and read back the round type and id, colons in the type included', () => {
		expect(challengeSession('mixed', 'abc')).toBe('challenge:mixed:abc');
		expect(parseChallengeSession('challenge:mixed:abc')).toEqual({ roundType: 'mixed', uuid: 'abc' });
		expect(parseChallengeSession(challengeSession(topicRound('closing'), 'u-1'))).toEqual({ roundType: 'topic:closing', uuid: 'u-1' });
		expect(roundTopic(topicRound('closing'))).toBe('closing');
		expect(roundTopic(MIXED_ROUND)).toBeUndefined();
	});

	it('refuse what is not one', () => {
		for (const s of [undefined, '', 'quiz:abc', 'challenge:', 'challenge:mixed', 'challenge:mixed:', 'challenge::abc']) expect(parseChallengeSession(s)).toBeNull();
		expect(() => challengeSession('mixed', 'a:b')).toThrow(RangeError);
		expect(() => challengeSession('mixed', '')).toThrow(RangeError);
	});

	it('tell a time-out by a wrong answer that took the whole countdown', () => {
		expect(isTimeOut({ correct: false, durationMs: LIMIT })).toBe(true);
		expect(isTimeOut({ correct: false, durationMs: LIMIT + 300 })).toBe(true);
		expect(isTimeOut({ correct: false, durationMs: LIMIT - 1 })).toBe(false);
		expect(isTimeOut({ correct: true, durationMs: LIMIT })).toBe(false);
	});
});

describe('rounds from the log', () => {
	it('replays a round to the score the page showed', () => {
		const moves: Move[] = [right(0), right(LIMIT / 2), wrong(), right(LIMIT), 'timeout', right(2000), right(0), right(0), right(0), right(0)];
		let live = startRound('mixed');
		for (const m of moves) live = m === 'timeout' ? timeOut(live) : answer(live, { correct: m.correct, elapsedMs: m.ms });
		const [r] = roundsFromLog(round('a', 'mixed', T, moves));
		expect(r).toMatchObject({ id: 'challenge:mixed:a', roundType: 'mixed', score: live.score, asked: 10, right: 8, livesLost: 2, survived: true, bestStreak: 5 });
		// 100 + (75 + 10) + 0 + 50 + 0 + (95) + (100 + 10) + (100 + 20) + (100 + 30) + (100 + 40)
		expect(r!.score).toBe(100 + 85 + 50 + 95 + 110 + 120 + 130 + 140);
		expect(r!.at).toBe(round('a', 'mixed', T, moves).at(-1)!.at);
	});

	it('scores the edges: an answer at 0 s, at the last instant, and after the time-out', () => {
		const at0 = roundsFromLog(round('a', 'mixed', T, [right(0), wrong(), wrong(), wrong()]))[0]!;
		const atLimit = roundsFromLog(round('b', 'mixed', T, [right(LIMIT), wrong(), wrong(), wrong()]))[0]!;
		const late = roundsFromLog(round('c', 'mixed', T, [right(LIMIT + 1), wrong(), wrong(), wrong()]))[0]!;
		const timedOut = roundsFromLog(round('d', 'mixed', T, ['timeout', 'timeout', 'timeout']))[0]!;
		expect([at0.score, atLimit.score, late.score, timedOut.score]).toEqual([100, 50, 0, 0]);
		expect([at0.asked, atLimit.asked, late.asked, timedOut.asked]).toEqual([4, 4, 3, 3]);
		expect(late.survived).toBe(false);
		expect(timedOut).toMatchObject({ right: 0, livesLost: 3, survived: false });
	});

	it('ends a round when the lives run out, ignoring anything written after', () => {
		const reviews = round('a', 'mixed', T, [wrong(), right(0), wrong(), wrong(), right(0), right(0)]);
		expect(roundsFromLog(reviews)).toEqual([expect.objectContaining({ asked: 4, right: 1, score: 100, livesLost: 3, at: reviews[3]!.at })]);
	});

	it('leaves out a round left half-way, but keeps the finished ones', () => {
		const log = [...round('a', 'mixed', T, [right(0), right(0)]), ...round('b', 'mixed', T + 60 * MIN, tenRight)];
		expect(roundsFromLog(log).map((r) => r.id)).toEqual(['challenge:mixed:b']);
	});

	it('ignores quiz, flashcard and sessionless challenge reviews, and honours undo', () => {
		const reviews = round('a', 'mixed', T, tenRight);
		const stray: Review = { ...reviews[0]!, id: 'stray', session: undefined };
		const log = [quiz(T - MIN), card(T - 2 * MIN, 'card:x', 3), stray, ...reviews, quiz(T + MIN, 'q', true, { session: 'quiz:abc' })];
		expect(roundsFromLog(log)).toHaveLength(1);
		// Undoing an answer changes the replay: the round is no longer complete.
		expect(roundsFromLog([...log, undo(T + 99 * MIN, reviews[9]!)])).toEqual([]);
	});

	it('gives the same rounds whatever order the log is stored or merged in, duplicates included', () => {
		const log = [
			...round('a', 'mixed', T, tenRight),
			...round('b', topicRound('closing'), T + 10 * MIN, [right(3000), wrong(), 'timeout', wrong()]),
			...round('c', 'mixed', T + 20 * MIN, [right(9000), ...tenRight.slice(1)])
		];
		const expected = roundsFromLog(log);
		expect(expected.map((r) => r.roundType)).toEqual(['mixed', 'topic:closing', 'mixed']);
		for (let seed = 1; seed <= 20; seed++) expect(roundsFromLog(shuffled([...log, ...log.slice(0, seed)], seed))).toEqual(expected);
	});

	it('yields personal bests per round type', () => {
		const log = [
			...round('a', 'mixed', T, tenRight),
			...round('b', 'mixed', T + 10 * MIN, [wrong(), wrong(), wrong()]),
			...round('c', topicRound('closing'), T + 20 * MIN, [right(LIMIT), wrong(), wrong(), wrong()])
		];
		const rounds = roundsFromLog(log);
		expect(personalBest(rounds, 'mixed')).toMatchObject({ id: 'challenge:mixed:a', score: 1000 + 10 * 0 + 10 + 20 + 30 + 40 + 50 * 5 });
		expect(personalBest(rounds, 'topic:closing')?.score).toBe(50);
		expect(personalBest(rounds, 'topic:keepalive')).toBeUndefined();
	});
});

describe('planning a round', () => {
	const q = (id: string, topic: string, family: string, kind: ChallengeQuestion['kind'] = 'next_state'): ChallengeQuestion => ({
		id,
		kind,
		topic,
		family,
		options: ['A', 'B', 'C', 'D'].map((o) => ({ id: o, label: { zh: o, en: o } })),
		answer: ['A']
	});
	const BANK: ChallengeQuestion[] = [
		...Array.from({ length: 12 }, (_, i) => q(`next_state:a${i}`, 'a', `fa${i}`)),
		q('order_steps:a', 'a', 'order', 'order_steps'),
		q('flashcard:a', 'a', 'card', 'flashcard'),
		...Array.from({ length: 6 }, (_, i) => q(`param_meaning:b${i}`, 'b', `fb${i % 3}`, 'param_meaning')),
		...Array.from({ length: 4 }, (_, i) => q(`param_meaning:c${i}`, 'c', `fc${i}`, 'param_meaning'))
	];
	const never = () => undefined;

	it('leaves out steps to order and flashcards', () => {
		expect(inChallenges({ kind: 'order_steps' })).toBe(false);
		expect(inChallenges({ kind: 'flashcard' })).toBe(false);
		expect(inChallenges({ kind: 'ss_diagnosis' })).toBe(true);
		for (let seed = 0; seed < 20; seed++) for (const x of planChallenge(BANK, never, T, seed)) expect(inChallenges(x)).toBe(true);
	});

	it('asks ten distinct questions, the same for the same seed, with options reordered', () => {
		const a = planChallenge(BANK, never, T, 7);
		expect(a).toHaveLength(CHALLENGE.questions);
		expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
		expect(planChallenge(BANK, never, T, 7)).toEqual(a);
		expect(planChallenge(BANK, never, T, 8).map((x) => x.id)).not.toEqual(a.map((x) => x.id));
		const orders = new Set(Array.from({ length: 10 }, (_, s) => planChallenge(BANK, never, T, s)[0]!.options.map((o) => o.id).join('')));
		expect(orders.size).toBeGreaterThan(1);
		for (const x of a) expect([...x.options.map((o) => o.id)].sort()).toEqual(['A', 'B', 'C', 'D']);
	});

	it('keeps to the topic, and fills a small topic with more questions of the same families', () => {
		const b = planChallenge(BANK, never, T, 1, topicRound('b'));
		expect(b).toHaveLength(6);
		expect(b.every((x) => x.topic === 'b')).toBe(true);
		// One question of each family before a second of any.
		expect(new Set(b.slice(0, 3).map((x) => x.family)).size).toBe(3);
	});

	it('asks what is due first, most overdue first', () => {
		const dueAt = (f: string) => ({ fa3: T - 5 * MIN, fa9: T - 50 * MIN, fa1: T + 5 * MIN })[f];
		const plan = planChallenge(BANK, dueAt, T, 3, topicRound('a'));
		expect(plan.slice(0, 2).map((x) => x.family)).toEqual(['fa9', 'fa3']);
		// The family not yet due comes after every unseen one.
		expect(plan.map((x) => x.family).indexOf('fa1')).toBe(-1);
	});

	it('offers a topic as a round type only if it holds a whole round of questions', () => {
		const topics = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(challengeTopics(topics, BANK).map((t) => t.id)).toEqual(['a']);
		expect(challengeTopics(topics, BANK, 4).map((t) => t.id)).toEqual(['a', 'b', 'c']);
	});
});
