import { beforeAll, describe, expect, it } from 'vitest';
import { generateBank } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { buildCatalog, planCustom, type Catalog } from '../../src/lib/features/study';
import { Rating } from 'ts-fsrs';
import type { Review } from '../../src/lib/core/log';
import { buildSchedule, forgottenOn, itemHistory, memoryOf, moreNewQueue, reviewAheadQueue, schedulerFor } from '../../src/lib/core/srs';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
let n = 0;
const rec = (itemId: string, kind: Review['kind'], at: number, extra: Partial<Review> = {}): Review => ({
	id: `s${String(++n).padStart(5, '0')}`, itemId, kind, durationMs: 1000, at, appVersion: 'test',
	...(kind === 'flashcard' ? { rating: 3 as const } : kind === 'quiz' ? { correct: true } : {}),
	...extra
});

describe('review ahead', () => {
	it('takes the items due within N days, soonest first, none set aside, none new', () => {
		const log = [rec('a', 'flashcard', T0), rec('b', 'flashcard', T0, { rating: 4 }), rec('c', 'flashcard', T0), rec('c', 'suspend', T0 + 1)];
		const schedule = buildSchedule(log, 0.9);
		const dueA = schedule.get('a')!.card.due.getTime();
		const dueB = schedule.get('b')!.card.due.getTime();
		expect(dueA).toBeLessThan(dueB);
		const now = T0 + 60_000 * 20;
		const days = (at: number) => Math.ceil((at - now) / DAY);
		expect(reviewAheadQueue(['b', 'a', 'c', 'new'], schedule, now, days(dueB), utcDay)).toEqual(['a', 'b']);
		// a (Good on a new card) is due after its 10-minute learning step: due now; b (Easy) in days.
		expect(dueA).toBeLessThanOrEqual(now);
		expect(days(dueB)).toBeGreaterThan(1);
		expect(reviewAheadQueue(['b', 'a', 'c', 'new'], schedule, now, days(dueB) - 1, utcDay)).toEqual(['a']);
		expect(reviewAheadQueue(['b', 'a', 'c'], schedule, now, 0, utcDay)).toEqual(['a']);
	});

	it('an early review is scheduled by FSRS with the real elapsed time: nothing moved, nothing skipped', () => {
		const learned = [rec('a', 'flashcard', T0), rec('a', 'flashcard', T0 + DAY), rec('a', 'flashcard', T0 + 4 * DAY)];
		const before = buildSchedule(learned, 0.9).get('a')!.card;
		const interval = before.due.getTime() - (T0 + 4 * DAY);
		expect(interval).toBeGreaterThan(4 * DAY);
		// Reviewed ahead, a quarter of the way to the due date.
		const early = T0 + 4 * DAY + Math.round(interval / 4);
		const afterEarly = buildSchedule([...learned, rec('a', 'flashcard', early)], 0.9).get('a')!.card;
		// Exactly what FSRS gives for that card at that real time.
		const fsrs = schedulerFor(0.9).next(before, new Date(early), Rating.Good).card;
		expect(afterEarly).toEqual(fsrs);
		expect(afterEarly.last_review!.getTime()).toBe(early);
		// FSRS saw the high recall probability of an early review: stability grows less than on time.
		const onTime = buildSchedule([...learned, rec('a', 'flashcard', before.due.getTime())], 0.9).get('a')!.card;
		expect(afterEarly.stability).toBeGreaterThanOrEqual(before.stability);
		expect(afterEarly.stability).toBeLessThan(onTime.stability);
		expect(afterEarly.due.getTime()).toBeLessThan(onTime.due.getTime());
	});
});

describe('custom study', () => {
	it('today’s forgotten items again: answered Again today, once each, undone and cram answers left out', () => {
		const wrongQuiz = rec('q', 'quiz', T0 + 3000, { correct: false });
		const undone = rec('u', 'flashcard', T0 + 4000, { rating: 1 });
		const log = [
			rec('a', 'flashcard', T0 - DAY, { rating: 1 }), // yesterday
			rec('b', 'flashcard', T0 + 1000, { rating: 1 }),
			rec('b', 'flashcard', T0 + 2000, { rating: 1 }),
			wrongQuiz,
			undone,
			rec('u', 'undo', T0 + 5000, { undoes: undone.id }),
			rec('c', 'flashcard', T0 + 6000, { rating: 1, cram: true }),
			rec('d', 'flashcard', T0 + 7000, { rating: 3 }),
			rec('s', 'flashcard', T0 + 8000, { rating: 1 }),
			rec('s', 'suspend', T0 + 9000)
		];
		const schedule = buildSchedule(log, 0.9);
		expect(forgottenOn(log, ['a', 'b', 'q', 'u', 'c', 'd', 's'], schedule, utcDay(T0), T0 + 10_000, utcDay)).toEqual(['b', 'q']);
		expect(forgottenOn(log, ['b'], schedule, utcDay(T0), T0 + 10_000, utcDay)).toEqual(['b']);
	});

	it('N more new items of one topic, beyond the daily quota, in deck order', () => {
		const schedule = buildSchedule([rec('t2', 'flashcard', T0), rec('t4', 'bury', T0)], 0.9);
		const topic = ['t1', 't2', 't3', 't4', 't5', 't6'];
		expect(moreNewQueue(topic, schedule, 3, T0 + 1, utcDay)).toEqual(['t1', 't3', 't5']);
		expect(moreNewQueue(topic, schedule, 10, T0 + DAY, utcDay)).toEqual(['t1', 't3', 't4', 't5', 't6']);
		expect(moreNewQueue(topic, schedule, -2, T0, utcDay)).toEqual([]);
	});
});

describe('one card’s view', () => {
	it('memory: stability, difficulty, recall probability now, due date; none for a new or reset item', () => {
		const log = [rec('a', 'flashcard', T0), rec('a', 'flashcard', T0 + DAY)];
		const schedule = buildSchedule(log, 0.9);
		const state = schedule.get('a')!;
		const atDue = memoryOf(state, state.card.due.getTime(), 0.9)!;
		expect(atDue.stability).toBe(state.card.stability);
		expect(atDue.difficulty).toBe(state.card.difficulty);
		expect(atDue.due).toBe(state.card.due.getTime());
		expect(atDue.retrievability).toBeCloseTo(0.9, 1);
		expect(memoryOf(state, T0 + DAY, 0.9)!.retrievability).toBeCloseTo(1, 2);
		expect(memoryOf(undefined, T0, 0.9)).toBeNull();
		expect(memoryOf(buildSchedule([...log, rec('a', 'reset', T0 + 2 * DAY)], 0.9).get('a'), T0, 0.9)).toBeNull();
	});

	it('history: every record of the item in order, undone ones marked, undo records folded in', () => {
		const s = rec('a', 'suspend', T0 + 2000);
		const log = [rec('b', 'flashcard', T0), s, rec('a', 'flashcard', T0 + 1000), rec('a', 'undo', T0 + 3000, { undoes: s.id }), s];
		const history = itemHistory(log, 'a');
		expect(history.map((h) => [h.review.kind, h.undone])).toEqual([['flashcard', false], ['suspend', true]]);
	});
});

describe('custom study as /study plans it', () => {
	let catalog: Catalog;
	beforeAll(() => {
		const deck = loadDeck();
		catalog = buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) });
	}, 60_000);

	it('turns each queue into the flashcards of those families', () => {
		const [a, b] = catalog.flashcards.map((q) => q.family);
		const log = [rec(a!, 'flashcard', T0, { rating: 4 }), rec(b!, 'flashcard', T0 + 1000, { rating: 1 })];
		const schedule = buildSchedule(log, 0.9);
		const now = T0 + 2000;
		expect(planCustom(catalog, schedule, log, { kind: 'forgotten' }, now, utcDay).map((q) => q.family)).toEqual([b]);
		expect(planCustom(catalog, schedule, log, { kind: 'ahead', days: 30 }, now, utcDay).map((q) => q.family)).toEqual([b, a]);
		const topic = catalog.data.topics.find((t) => (catalog.topicFlashcards.get(t.id)?.length ?? 0) > 3)!.id;
		const fresh = planCustom(catalog, schedule, log, { kind: 'more-new', topic, count: 3 }, now, utcDay);
		expect(fresh).toHaveLength(3);
		expect(fresh.every((q) => q.kind === 'flashcard' && catalog.topicFlashcards.get(topic)!.includes(q) && !schedule.has(q.family))).toBe(true);
	});
});
