import { describe, expect, it } from 'vitest';
import { STATES } from '../../../src/lib/core/fsm/states';
import {
	ACHIEVEMENTS,
	achievementsFor,
	dayInZone,
	progress,
	type GameContext,
	type QuestionRef,
	type RoundResult
} from '../../../src/lib/features/game';
import type { Review } from '../../../src/lib/core/log/review';
import { DAY, HOUR, MIN, card, quiz, utc } from './fixtures';

const q = (id: string, topic: string, family: string): QuestionRef => ({ id, kind: id.split(':')[0] as QuestionRef['kind'], topic, family });

/** A small bank: three CLOSING questions (and its flashcard), two SYN-flood questions, one other. */
const QUESTIONS: QuestionRef[] = [
	q('next_state:CLOSING:recv_ack', 'closing', 't:CLOSING:recv_ack'),
	q('event_between:FIN_WAIT_1:CLOSING', 'closing', 'pair:FIN_WAIT_1:CLOSING'),
	q('state_side:CLOSING', 'closing', 'state:CLOSING'),
	q('flashcard:state-closing', 'closing', 'state:CLOSING'),
	q('next_state:FIN_WAIT_1:recv_fin:own_fin_unacked', 'closing', 't:FIN_WAIT_1:recv_fin:own_fin_unacked'),
	q('scenario:syn-flood-backlog', 'syn-flood', 'card:syn-flood-backlog'),
	q('ss_diagnosis:SYN_RECEIVED:1', 'syn-flood', 'diag:SYN_RECEIVED'),
	q('param_default:tcp_fin_timeout', 'time-wait-parameters', 'param:tcp_fin_timeout')
];
const TOPICS = [
	{ id: 'closing', title: { zh: '关闭', en: 'Closing' } },
	{ id: 'syn-flood', title: { zh: 'SYN 洪泛', en: 'SYN flood' } },
	{ id: 'time-wait-parameters', title: { zh: 'TIME_WAIT 参数', en: 'TIME_WAIT parameters' } }
];
const T = utc(2025, 5, 5, 10);
const context = (extra: Partial<GameContext> = {}): GameContext => ({
	now: T + 60 * DAY,
	dayOf: dayInZone('UTC'),
	goal: 20,
	questions: QUESTIONS,
	topics: TOPICS,
	...extra
});
const status = (id: string, log: Review[], extra: Partial<GameContext> = {}) => {
	const s = progress(log, context(extra)).find((x) => x.achievement.id === id);
	if (!s) throw new Error(`no achievement ${id}`);
	return s;
};

describe('the achievement list', () => {
	it('has at least 20 achievements with unique ids and both languages', () => {
		expect(ACHIEVEMENTS.length).toBeGreaterThanOrEqual(20);
		const all = achievementsFor(TOPICS);
		expect(all).toHaveLength(ACHIEVEMENTS.length + TOPICS.length);
		expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
		for (const a of all) for (const t of [a.title, a.description]) expect(t.zh.length * t.en.length).toBeGreaterThan(0);
	});

	it('shows progress and nothing earned on an empty log', () => {
		for (const s of progress([], context())) {
			expect(s.earned).toBe(false);
			expect(s.current).toBe(0);
			expect(s.earnedAt).toBeUndefined();
		}
	});

	it('earns nothing for a set of questions the bank does not have', () => {
		// This small bank has no CLOSE_WAIT question: "all of none" is not an achievement.
		expect(status('half-close', [quiz(T, 'next_state:CLOSING:recv_ack')])).toMatchObject({ earned: false, current: 0, target: 0 });
	});
});

describe('achievement triggers', () => {
	it('SYN sent: the first review', () => {
		const r = card(T, 'state:LISTEN', 1);
		expect(status('syn', [r])).toMatchObject({ earned: true, current: 1, target: 1, earnedAt: T });
	});

	it('Simultaneous close: every question whose family names CLOSING answered right', () => {
		const log = [quiz(T, 'next_state:CLOSING:recv_ack'), quiz(T + MIN, 'event_between:FIN_WAIT_1:CLOSING'), quiz(T + 2 * MIN, 'state_side:CLOSING', false)];
		// The flashcard and the FIN_WAIT_1 transition (its family does not name CLOSING) are not in the set.
		expect(status('simultaneous-close', log)).toMatchObject({ earned: false, current: 2, target: 3 });
		const done = [...log, quiz(T + DAY, 'state_side:CLOSING')];
		expect(status('simultaneous-close', done)).toMatchObject({ earned: true, current: 3, earnedAt: T + DAY });
	});

	it('SYN flood defender: every question of the syn-flood topic answered right', () => {
		const one = [quiz(T, 'scenario:syn-flood-backlog')];
		expect(status('syn-flood-defender', one)).toMatchObject({ earned: false, current: 1, target: 2 });
		const both = [...one, quiz(T + MIN, 'ss_diagnosis:SYN_RECEIVED:1', true, { kind: 'challenge' })];
		expect(status('syn-flood-defender', both)).toMatchObject({ earned: true, earnedAt: T + MIN });
	});

	it('Three-way handshake: three days in a row', () => {
		const two = [quiz(T, 'order_steps:a'), quiz(T + DAY, 'order_steps:b')];
		expect(status('three-way-handshake', two)).toMatchObject({ earned: false, current: 0, target: 3 }); // broken long ago
		expect(status('three-way-handshake', two, { now: T + DAY + 1 })).toMatchObject({ earned: false, current: 2 });
		const three = [...two, quiz(T + 2 * DAY, 'order_steps:c'), quiz(T + 2 * DAY + 5, 'order_steps:d')];
		expect(status('three-way-handshake', three)).toMatchObject({ earned: true, current: 3, earnedAt: T + 2 * DAY });
		expect(status('keepalive', three)).toMatchObject({ earned: false });
	});

	it('2MSL: four minutes of study in one session, idle time not counted', () => {
		// 8 s for the first question, then answers 20 s apart: 12 answers make 3:48, 13 make 4:08.
		const answers = (n: number, gap = 20_000) => Array.from({ length: n }, (_, i) => quiz(T + i * gap, `next_state:s${i}`));
		expect(status('2msl', answers(12))).toMatchObject({ earned: false, current: 228, target: 240 });
		expect(status('2msl', answers(13))).toMatchObject({ earned: true, earnedAt: T + 12 * 20_000 });
		// Two answers 25 minutes apart: one session, but at most 2 minutes of a pause counts.
		expect(status('2msl', answers(2, 25 * MIN))).toMatchObject({ earned: false, current: 128 });
	});

	it('Eleven states: the flashcard of every state reviewed, whatever the rating', () => {
		const cards = STATES.map((s, i) => card(T + i * DAY, `state:${s}`, ((i % 4) + 1) as 1 | 2 | 3 | 4));
		expect(status('eleven-states', cards.slice(0, 10))).toMatchObject({ earned: false, current: 10, target: 11 });
		expect(status('eleven-states', cards)).toMatchObject({ earned: true, earnedAt: T + 10 * DAY });
	});

	it('Retransmission: ten questions got right after being got wrong', () => {
		const log = Array.from({ length: 10 }, (_, i) => [quiz(T + i * MIN, `duration:d${i}`, false), quiz(T + DAY + i * MIN, `duration:d${i}`)]).flat();
		expect(status('retransmission', log.slice(0, 19))).toMatchObject({ earned: false, current: 9, target: 10 });
		expect(status('retransmission', log)).toMatchObject({ earned: true, earnedAt: T + DAY + 9 * MIN });
		// Right, then wrong, then right again counts once; right first time counts never.
		const repeat = [quiz(T, 'duration:x', false), quiz(T + 1, 'duration:x'), quiz(T + 2, 'duration:x', false), quiz(T + 3, 'duration:x'), quiz(T + 4, 'duration:y')];
		expect(status('retransmission', repeat).current).toBe(1);
	});

	it('Cumulative ACK: ten right in a row in one session', () => {
		// Progress is today's (the run is only continued in a session of today): the clock is that day.
		const sameDay = { now: T + 12 * HOUR };
		const run = (n: number) => Array.from({ length: n }, (_, i) => quiz(T + i * MIN, `next_state:c${i}`));
		expect(status('cumulative-ack', run(9), sameDay)).toMatchObject({ earned: false, current: 9 });
		expect(status('cumulative-ack', run(10))).toMatchObject({ earned: true, earnedAt: T + 9 * MIN });
		const broken = [...run(9), quiz(T + 9 * MIN, 'next_state:miss', false), quiz(T + 10 * MIN, 'next_state:z')];
		expect(status('cumulative-ack', broken, sameDay)).toMatchObject({ earned: false, current: 9 });
	});

	it('Cumulative ACK: yesterday\'s run does not show as progress today, and the figure says what it counts', () => {
		const run = Array.from({ length: 7 }, (_, i) => quiz(T + i * MIN, `next_state:c${i}`));
		expect(status('cumulative-ack', run, { now: T + DAY })).toMatchObject({ earned: false, current: 0, target: 10 });
		const today = [...run, quiz(T + DAY, 'next_state:x'), quiz(T + DAY + MIN, 'next_state:y')];
		const s = status('cumulative-ack', today, { now: T + DAY + HOUR });
		expect(s).toMatchObject({ current: 2 });
		expect(s.measure?.en).toBe('Best run in one session today');
	});

	it('Persist timer: a freeze carried the streak over a missed day', () => {
		// Seven goal days (3 ordering questions each, 24 XP) earn a freeze; the 8th is missed.
		const goalDay = (d: number) => [0, 1, 2].map((i) => quiz(T + d * DAY + i * 31 * MIN, `order_steps:d${d}:${i}`));
		const week = [0, 1, 2, 3, 4, 5, 6].flatMap(goalDay);
		expect(status('slow-start', week)).toMatchObject({ earned: true });
		expect(status('persist-timer', week)).toMatchObject({ earned: false });
		const back = [...week, ...goalDay(8)];
		expect(status('persist-timer', back)).toMatchObject({ earned: true, earnedAt: T + 8 * DAY });
		expect(status('three-way-handshake', back).earnedAt).toBe(T + 2 * DAY);
	});

	it('Port scan: a question of every topic reviewed', () => {
		const log = [quiz(T, 'next_state:CLOSING:recv_ack', false), card(T + 1, 'card:syn-flood-backlog', 2)];
		expect(status('port-scan', log)).toMatchObject({ earned: false, current: 2, target: 3 });
		expect(status('port-scan', [...log, quiz(T + 2, 'param_default:tcp_fin_timeout', false)])).toMatchObject({ earned: true, earnedAt: T + 2 });
	});

	it('a badge per mastered topic, from the mastery input', () => {
		const mastery = new Map([
			['closing', 0.8],
			['syn-flood', 0.79]
		]);
		expect(status('mastered:closing', [], { mastery })).toMatchObject({ earned: true, current: 80, target: 80 });
		expect(status('mastered:syn-flood', [], { mastery })).toMatchObject({ earned: false, current: 79 });
		expect(status('mastered:time-wait-parameters', [], { mastery })).toMatchObject({ earned: false, current: 0 });
	});

	it('challenge rounds: finished with a life to spare, and without losing one', () => {
		const round = (at: number, livesLost: number, survived: boolean): RoundResult => ({
			id: `r${at}`,
			roundType: 'mixed',
			score: 500,
			asked: 10,
			right: 10 - livesLost,
			livesLost,
			survived,
			bestStreak: 4,
			at
		});
		const rounds = [round(30, 0, true), round(10, 3, false), round(20, 2, true)];
		expect(status('rto-race', [], { rounds })).toMatchObject({ earned: true, earnedAt: 20 });
		expect(status('lossless', [], { rounds })).toMatchObject({ earned: true, earnedAt: 30 });
		expect(status('lossless', [], { rounds: rounds.slice(1) })).toMatchObject({ earned: false });
	});

	it('ssthresh: reaching level 10 (1,350 XP)', () => {
		// 169 ordering questions an hour apart: 8 XP each, no combo.
		const log = Array.from({ length: 169 }, (_, i) => quiz(T + i * 61 * MIN, `order_steps:x${i}`));
		expect(status('ssthresh', log.slice(0, 168))).toMatchObject({ earned: false, current: 1344, target: 1350 });
		expect(status('ssthresh', log)).toMatchObject({ earned: true, earnedAt: log[168]!.at });
	});
});
