import { beforeAll, describe, expect, it } from 'vitest';
import { predictionFor, SCENARIO_IDS, SCENARIOS, simulate, STATES } from '../../../src/lib/core/fsm';
import {
	dayInZone,
	dayInZones,
	levelOf,
	rightStateOf,
	studyStats,
	weekdayOf,
	xpEvents,
	yearCalendar,
	type DayTally
} from '../../../src/lib/features/game';
import type { Review } from '../../../src/lib/core/log/review';
import { generateBank, statesOfFamily, type Question } from '../../../src/lib/server/generate';
import { loadDeck } from '../../../src/lib/server/deck';
import { buildSchedule } from '../../../src/lib/core/srs';
import { buildCatalog, stateMastery, topicMastery, type Catalog } from '../../../src/lib/features/study';
import { DAY, MIN, card, quiz, undo, utc } from './fixtures';

const UTC = dayInZone('UTC');
const T = utc(2025, 6, 18, 10); // a Wednesday
const opts = { now: T, dayOf: UTC };

/** A wrong (or right) pick of one state. */
const pick = (at: number, questionId: string, chosen: string, correct: boolean, extra: Partial<Review> = {}): Review =>
	quiz(at, questionId, correct, { answer: [chosen], itemId: familyOf(questionId), ...extra });

/** The family the bank gives a question, for the few ids these tests use. */
function familyOf(questionId: string): string {
	const [kind, ...rest] = questionId.split(':');
	if (kind === 'next_state' || kind === 'segment_sent') return `t:${rest.join(':')}`;
	if (kind === 'state_from_description' || kind === 'state_side' || kind === 'ss_name' || kind === 'proc_code') return `state:${rest[0]}`;
	return questionId;
}

describe('an empty log', () => {
	it('gives zeros, a full 30-day window and no shares', () => {
		const s = studyStats([], opts);
		expect(s.today).toBe('2025-06-18');
		expect(s.total).toEqual({ reviews: 0, right: 0, share: null, studiedMs: 0, sessions: 0, studyDays: 0, firstAt: undefined });
		expect(s.last30).toHaveLength(30);
		expect(s.last30[0]!.day).toBe('2025-05-20');
		expect(s.last30[29]!.day).toBe('2025-06-18');
		expect(s.last30.every((d) => d.reviews === 0 && d.studiedMs === 0)).toBe(true);
		expect(s.retention30).toEqual({ reviews: 0, right: 0, share: null });
		expect(s.studied).toEqual({ todayMs: 0, weekMs: 0, monthMs: 0, totalMs: 0 });
		expect(s.states.map((t) => t.state)).toEqual([...STATES]);
		expect(s.states.every((t) => t.answered === 0 && t.right === 0 && t.chosenWrongly === 0)).toBe(true);
		expect(s.confusions).toEqual([]);
		expect(s.byDay.size).toBe(0);
	});

	it('gives an empty year calendar ending today', () => {
		const c = yearCalendar(new Map(), '2025-06-18');
		expect(c.weeks).toHaveLength(53);
		expect(c.to).toBe('2025-06-18');
		expect(weekdayOf(c.from)).toBe(1);
		expect(c.max).toBe(0);
		expect(c.reviews).toBe(0);
		expect(c.weeks.flatMap((w) => w.cells).every((cell) => cell === null || cell.level === 0)).toBe(true);
	});
});

describe('counts per day, retention and totals', () => {
	const log: Review[] = [
		quiz(T - 40 * DAY, 'next_state:CLOSING:recv_ack', true), // outside the 30 days
		quiz(T - 2 * DAY, 'next_state:CLOSING:recv_ack', false),
		card(T - 2 * DAY + MIN, 'state:CLOSING', 4),
		card(T - 2 * DAY + 2 * MIN, 'state:CLOSING', 2),
		card(T, 'state:TIME_WAIT', 3),
		card(T + MIN, 'state:TIME_WAIT', 1),
		quiz(T + 2 * MIN, 'state_side:TIME_WAIT', true, { itemId: 'state:TIME_WAIT', cram: true })
	];
	const undone = quiz(T + 3 * MIN, 'next_state:TIME_WAIT:timeout', true);
	const full = [...log, undone, undo(T + 4 * MIN, undone), log[1]!];

	it('counts effective reviews only: undone and duplicate records drop out, cram stays', () => {
		const s = studyStats(full, opts);
		expect(s.total.reviews).toBe(7);
		expect(s.total.right).toBe(4);
		expect(s.total.studyDays).toBe(3);
		expect(s.total.firstAt).toBe(T - 40 * DAY);
		expect(s.byDay.get('2025-06-18')).toMatchObject({ reviews: 3, right: 2 });
		expect(s.byDay.get('2025-06-16')).toMatchObject({ reviews: 3, right: 1 });
		expect(s.last30.find((d) => d.day === '2025-06-16')!.reviews).toBe(3);
		expect(s.last30.reduce((n, d) => n + d.reviews, 0)).toBe(6);
	});

	it('has retention over the last 30 days: right answers and Good or Easy ratings', () => {
		const s = studyStats(full, opts);
		expect(s.retention30).toEqual({ reviews: 6, right: 3, share: 0.5 });
	});

	it('measures time studied as the game does, capped gaps within sessions', () => {
		const s = studyStats(full, opts);
		// Today: 5 s shown for the first card, then two 1-minute gaps.
		expect(s.studied.todayMs).toBe(5000 + 2 * MIN);
		expect(s.studied.weekMs).toBe(5000 + 2 * MIN + 8000 + 2 * MIN);
		expect(s.studied.totalMs).toBe(s.studied.weekMs + 8000);
		expect(s.studied.totalMs).toBe(xpEvents(full).reduce((n, e) => n + e.studiedMs, 0));
		expect(s.total.sessions).toBe(3);
		// A long pause inside a session counts 2 minutes at most.
		const idle = studyStats([quiz(T, undefined, true), quiz(T + 20 * MIN, undefined, true)], opts);
		expect(idle.studied.totalMs).toBe(8000 + 2 * MIN);
		expect(idle.total.sessions).toBe(1);
	});

	it('does not depend on the order the log is stored in', () => {
		const a = studyStats(full, opts);
		const b = studyStats([...full].reverse(), opts);
		expect(b.total).toEqual(a.total);
		expect(b.last30).toEqual(a.last30);
		expect(b.states).toEqual(a.states);
	});
});

describe('local days across a change of time zone', () => {
	// 23:30 in Shanghai on 1 March is 15:30 UTC; the learner flies to New York on 3 March.
	const late = utc(2025, 3, 1, 15, 30);
	const moved = utc(2025, 3, 3, 12);
	const zones = [
		{ since: 0, timeZone: 'Asia/Shanghai' },
		{ since: moved, timeZone: 'America/New_York' }
	];
	const log = [quiz(late, undefined, true), quiz(utc(2025, 3, 4, 3), undefined, true)];

	it('keeps each review on the day it was lived', () => {
		const s = studyStats(log, { now: utc(2025, 3, 4, 12), dayOf: dayInZones(zones) });
		expect([...s.byDay.keys()]).toEqual(['2025-03-01', '2025-03-03']);
		expect(s.today).toBe('2025-03-04');
		expect(s.last30.at(-2)).toMatchObject({ day: '2025-03-03', reviews: 1 });
	});

	it('would move them without the history', () => {
		const s = studyStats(log, { now: utc(2025, 3, 4, 12), dayOf: dayInZone('America/New_York') });
		expect([...s.byDay.keys()]).toEqual(['2025-03-01', '2025-03-03']);
		const utcOnly = studyStats(log, { now: utc(2025, 3, 4, 12), dayOf: UTC });
		expect([...utcOnly.byDay.keys()]).toEqual(['2025-03-01', '2025-03-04']);
	});

	it('counts a 23-hour daylight-saving day as one day in the calendar', () => {
		const ny = dayInZone('America/New_York');
		// 9 March 2025 has 23 hours in New York.
		const dst = [quiz(utc(2025, 3, 9, 5, 30), undefined, true), quiz(utc(2025, 3, 10, 3, 30), undefined, true)];
		const s = studyStats(dst, { now: utc(2025, 3, 10, 15), dayOf: ny });
		expect([...s.byDay.keys()]).toEqual(['2025-03-09']);
		expect(s.byDay.get('2025-03-09')!.reviews).toBe(2);
		const c = yearCalendar(s.byDay, s.today);
		const cells = c.weeks.flatMap((w) => w.cells).filter((x) => x !== null);
		expect(new Set(cells.map((x) => x.day)).size).toBe(cells.length);
		expect(cells.find((x) => x.day === '2025-03-09')).toMatchObject({ reviews: 2, level: 4 });
	});
});

describe('states and confusions', () => {
	const log: Review[] = [
		// FIN_WAIT_2 + FIN → TIME_WAIT, answered FIN_WAIT_2 three times, then right.
		pick(T, 'next_state:FIN_WAIT_2:recv_fin', 'FIN_WAIT_2', false),
		pick(T + MIN, 'next_state:FIN_WAIT_2:recv_fin', 'FIN_WAIT_2', false),
		pick(T + 2 * MIN, 'next_state:FIN_WAIT_2:recv_fin', 'TIME_WAIT', true),
		pick(T + 3 * MIN, 'state_from_description:TIME_WAIT', 'FIN_WAIT_2', false),
		// The simulator: the item is the transition's family.
		pick(T + 4 * MIN, 'predict:client_closes_first:7', 'CLOSE_WAIT', false, { kind: 'predict', itemId: 't:FIN_WAIT_1:recv_ack' }),
		pick(T + 5 * MIN, 'ss_name:SYN_RECEIVED', 'SYN_SENT', false),
		// Not a state answer: counted for the state, no confusion.
		quiz(T + 6 * MIN, 'state_side:TIME_WAIT', false, { itemId: 'state:TIME_WAIT', answer: ['active_closer'] }),
		// Several states picked: not one confusion.
		quiz(T + 7 * MIN, 'order_steps:three_way_handshake:A', false, { itemId: 'order:three_way_handshake:A', answer: ['SYN_SENT', 'CLOSED'] }),
		// Another day: the most recent of equally frequent pairs comes first.
		pick(T - DAY, 'next_state:CLOSE_WAIT:close', 'CLOSING', false)
	];

	it('lists which state was picked in place of which, most frequent first', () => {
		const s = studyStats(log, opts);
		expect(s.confusions).toEqual([
			{ right: 'TIME_WAIT', chosen: 'FIN_WAIT_2', count: 3, lastAt: T + 3 * MIN },
			{ right: 'SYN_RECEIVED', chosen: 'SYN_SENT', count: 1, lastAt: T + 5 * MIN },
			{ right: 'FIN_WAIT_2', chosen: 'CLOSE_WAIT', count: 1, lastAt: T + 4 * MIN },
			{ right: 'LAST_ACK', chosen: 'CLOSING', count: 1, lastAt: T - DAY }
		]);
		const tally = (st: string) => s.states.find((x) => x.state === st)!;
		expect(tally('FIN_WAIT_2').chosenWrongly).toBe(3);
		expect(tally('TIME_WAIT').chosenWrongly).toBe(0);
	});

	it('tallies each state over the items about it, as the quiz scope does', () => {
		const s = studyStats(log, opts);
		const tally = (st: string) => s.states.find((x) => x.state === st)!;
		// t:FIN_WAIT_2:recv_fin ×3 (FIN_WAIT_2 and TIME_WAIT), state:TIME_WAIT ×2.
		expect(tally('TIME_WAIT')).toMatchObject({ answered: 5, right: 1 });
		expect(tally('FIN_WAIT_2')).toMatchObject({ answered: 4, right: 1 });
		expect(tally('SYN_RECEIVED')).toMatchObject({ answered: 1, right: 0 });
		expect(tally('ESTABLISHED')).toMatchObject({ answered: 0, right: 0 });
	});

	it('forgets an undone confusion', () => {
		const s = studyStats([...log, undo(T + 9 * MIN, log[5]!)], opts);
		expect(s.confusions.some((c) => c.chosen === 'SYN_SENT')).toBe(false);
	});

	it('ignores a state answer that is not one (the table changed since)', () => {
		const s = studyStats([pick(T, 'next_state:FIN_WAIT_2:no_such_event', 'CLOSED', false), pick(T, 'state_from_description:NOPE', 'CLOSED', false)], opts);
		expect(s.confusions).toEqual([]);
	});
});

describe('the right state of a question, from its id alone', () => {
	let bank: Question[];
	beforeAll(() => {
		bank = generateBank(loadDeck());
	});

	it('agrees with the bank for every question whose answer is one state, and is undefined for the rest', () => {
		const stateKinds = new Set(['next_state', 'state_from_description', 'ss_name', 'proc_code']);
		let checked = 0;
		for (const q of bank) {
			const got = rightStateOf({ questionId: q.id, itemId: q.family });
			if (stateKinds.has(q.kind)) {
				expect(got, q.id).toBe(q.answer[0]);
				checked++;
			} else expect(got, q.id).toBeUndefined();
		}
		expect(checked).toBeGreaterThan(90);
	});

	it('agrees with the simulator for every predict step', () => {
		let checked = 0;
		for (const id of SCENARIO_IDS) {
			simulate(SCENARIOS[id]).forEach((step, i) => {
				const p = predictionFor(step, `${id}:${i}`);
				if (!p) return;
				expect(rightStateOf({ questionId: `predict:${id}:${i}`, itemId: p.family })).toBe(p.answer);
				checked++;
			});
		}
		expect(checked).toBeGreaterThan(10);
	});
});

describe('mastery per topic and per state', () => {
	let catalog: Catalog;
	beforeAll(() => {
		const deck = loadDeck();
		catalog = buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) });
	});

	it('is zero everywhere before any review, and every state has families', () => {
		const states = stateMastery(catalog, new Map());
		expect(states.map((s) => s.state)).toEqual([...STATES]);
		for (const s of states) {
			expect(s.mastery, s.state).toBe(0);
			expect(s.families, s.state).toBeGreaterThan(0);
			expect(s.studied).toBe(0);
		}
		for (const m of topicMastery(catalog, new Map()).values()) expect(m).toBe(0);
	});

	it('rises for the state (and topic) reviewed, and only for states its items are about', () => {
		const family = 'state:TIME_WAIT';
		const log = [0, 3, 10, 30].map((d) => card(T + d * DAY, family, 3));
		const schedule = buildSchedule(log, 0.9);
		const states = stateMastery(catalog, schedule);
		const tw = states.find((s) => s.state === 'TIME_WAIT')!;
		expect(tw.mastery).toBeGreaterThan(0);
		expect(tw.studied).toBe(1);
		for (const s of states) if (s.state !== 'TIME_WAIT') expect(s.mastery, s.state).toBe(0);
		const topic = catalog.topicOfFamily.get(family)!;
		expect(topicMastery(catalog, schedule).get(topic)).toBeGreaterThan(0);
	});
});

describe('the year calendar', () => {
	const byDay = new Map<string, DayTally>([
		['2025-06-18', { day: '2025-06-18', reviews: 8, right: 8, studiedMs: 0 }],
		['2025-06-01', { day: '2025-06-01', reviews: 2, right: 1, studiedMs: 0 }],
		['2025-01-01', { day: '2025-01-01', reviews: 1, right: 1, studiedMs: 0 }],
		// More than a year ago: outside the grid.
		['2024-01-01', { day: '2024-01-01', reviews: 50, right: 50, studiedMs: 0 }]
	]);

	it('lays 53 weeks from Monday, today in the last column, the future empty', () => {
		const c = yearCalendar(byDay, '2025-06-18');
		expect(c.from).toBe('2024-06-17');
		expect(weekdayOf(c.from)).toBe(1);
		const last = c.weeks.at(-1)!.cells;
		expect(last.map((x) => x?.day ?? null)).toEqual(['2025-06-16', '2025-06-17', '2025-06-18', null, null, null, null]);
		for (const w of c.weeks) expect(w.cells).toHaveLength(7);
		expect(c.reviews).toBe(11);
		expect(c.studyDays).toBe(3);
		expect(c.max).toBe(8);
	});

	it('starts on Sunday when asked', () => {
		const c = yearCalendar(byDay, '2025-06-18', 53, 0);
		expect(weekdayOf(c.from)).toBe(0);
		expect(c.weeks.at(-1)!.cells.filter(Boolean)).toHaveLength(4);
	});

	it('grades cells by quarters of the busiest day', () => {
		const cells = yearCalendar(byDay, '2025-06-18').weeks.flatMap((w) => w.cells);
		const at = (d: string) => cells.find((x) => x?.day === d)!;
		expect(at('2025-06-18').level).toBe(4);
		expect(at('2025-06-01').level).toBe(1);
		expect(at('2025-06-02').level).toBe(0);
		expect([levelOf(0, 8), levelOf(1, 8), levelOf(3, 8), levelOf(5, 8), levelOf(7, 8), levelOf(8, 8)]).toEqual([0, 1, 2, 3, 4, 4]);
	});

	it('marks the week each month starts in and sums month by month', () => {
		const c = yearCalendar(byDay, '2025-06-18');
		const labelled = c.weeks.flatMap((w) => (w.month ? [w.month] : []));
		expect(labelled).toEqual([7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]);
		expect(c.months.map((m) => m.month)).toEqual([
			'2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
			'2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'
		]);
		expect(c.months.at(-1)).toEqual({ month: '2025-06', reviews: 10, studyDays: 2 });
		expect(c.months.find((m) => m.month === '2025-01')).toEqual({ month: '2025-01', reviews: 1, studyDays: 1 });
	});
});

describe('a large log', () => {
	it('handles 200,000 reviews in linear time', () => {
		const families = ['t:FIN_WAIT_2:recv_fin', 'state:TIME_WAIT', 'card:x', 't:CLOSED:active_open'];
		const log: Review[] = Array.from({ length: 200_000 }, (_, i) => {
			const family = families[i % families.length]!;
			const at = T - 400 * DAY + i * 3 * MIN;
			return family.startsWith('t:FIN')
				? pick(at, 'next_state:FIN_WAIT_2:recv_fin', i % 3 ? 'TIME_WAIT' : 'FIN_WAIT_2', i % 3 !== 0, { id: `r${i}` })
				: quiz(at, `x:${family}`, i % 2 === 0, { id: `r${i}`, itemId: family });
		});
		const started = performance.now();
		const s = studyStats(log, { now: T + 300 * DAY, dayOf: dayInZone('Europe/Berlin') });
		const elapsed = performance.now() - started;
		expect(s.total.reviews).toBe(200_000);
		expect(s.confusions[0]).toMatchObject({ right: 'TIME_WAIT', chosen: 'FIN_WAIT_2' });
		expect(s.confusions[0]!.count).toBe(Math.ceil(50_000 / 3));
		// Generous for a shared CI machine; a quadratic pass would take minutes.
		expect(elapsed).toBeLessThan(5000);
		console.info(`studyStats over 200,000 reviews: ${Math.round(elapsed)} ms`);
	}, 30_000);
});



describe('review logs from before the timers were split', () => {
	it('reads `timeout` as the 2MSL timer in TIME_WAIT and the user timeout elsewhere', () => {
		expect(rightStateOf({ questionId: 'next_state:TIME_WAIT:timeout', itemId: 't:TIME_WAIT:timeout' })).toBe('CLOSED');
		expect(rightStateOf({ questionId: 'next_state:SYN_SENT:timeout', itemId: 't:SYN_SENT:timeout' })).toBe('CLOSED');
		expect(statesOfFamily('t:TIME_WAIT:timeout')).toEqual(['TIME_WAIT', 'CLOSED']);
	});
});
