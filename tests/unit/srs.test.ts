import { describe, expect, it } from 'vitest';
import { localDay, type Review, type ReviewRating } from '../../src/lib/core/log';
import {
	buildSchedule,
	CardState,
	dueQueue,
	formatInterval,
	gradeOf,
	introducedOn,
	previewIntervals
} from '../../src/lib/core/srs';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = new Date(2025, 0, 6, 9, 0).getTime();
const RETENTION = 0.9;

let seq = 0;
const card = (itemId: string, rating: ReviewRating, at: number, extra: Partial<Review> = {}): Review => ({
	id: `r${String(++seq).padStart(4, '0')}`,
	itemId,
	kind: 'flashcard',
	rating,
	durationMs: 3000,
	at,
	appVersion: 'test',
	...extra
});
const answer = (itemId: string, correct: boolean, at: number, extra: Partial<Review> = {}): Review => ({
	id: `r${String(++seq).padStart(4, '0')}`,
	itemId,
	kind: 'quiz',
	correct,
	answer: ['x'],
	durationMs: 3000,
	at,
	appVersion: 'test',
	...extra
});
const dueOf = (log: Review[], item: string) => buildSchedule(log, RETENTION).get(item)?.card.due.getTime();

describe('gradeOf', () => {
	it('maps ratings and right/wrong answers to grades', () => {
		expect([1, 2, 3, 4].map((r) => gradeOf(card('a', r as ReviewRating, T0)))).toEqual([1, 2, 3, 4]);
		expect(gradeOf(answer('a', true, T0))).toBe(3);
		expect(gradeOf(answer('a', false, T0, { kind: 'challenge' }))).toBe(1);
		expect(gradeOf(answer('a', true, T0, { kind: 'predict' }))).toBe(3);
		const cancel: Review = { ...answer('a', true, T0), kind: 'undo', undoes: 'x', correct: undefined };
		expect(gradeOf(cancel)).toBeNull();
	});
});

describe('buildSchedule', () => {
	const log = [
		card('a', 3, T0),
		card('a', 3, T0 + 10 * MIN),
		answer('b', false, T0 + MIN),
		answer('b', true, T0 + 2 * MIN),
		card('a', 4, T0 + 3 * DAY),
		answer('c', true, T0 + 3 * DAY) // same instant as the review before: ids decide
	];

	it('replays the same log to the same schedule, whatever its order', () => {
		const expected = buildSchedule(log, RETENTION);
		expect(buildSchedule([...log].reverse(), RETENTION)).toEqual(expected);
		const shuffled = [3, 0, 5, 1, 4, 2].map((i) => log[i]!);
		expect(buildSchedule(shuffled, RETENTION)).toEqual(expected);
		expect([...expected.keys()].sort()).toEqual(['a', 'b', 'c']);
		expect(expected.get('a')).toMatchObject({ firstReviewAt: T0, lastReviewAt: T0 + 3 * DAY });
		expect(expected.get('a')?.card).toMatchObject({ reps: 3, lapses: 0, state: CardState.Review });
	});

	it('gives Again a shorter next interval than Easy', () => {
		const again = dueOf([card('a', 1, T0)], 'a')!;
		const easy = dueOf([card('a', 4, T0)], 'a')!;
		expect(again).toBeLessThan(easy);
		const wrong = dueOf([answer('q', true, T0), answer('q', false, T0 + DAY)], 'q')!;
		const right = dueOf([answer('q', true, T0), answer('q', true, T0 + DAY)], 'q')!;
		expect(wrong).toBeLessThan(right);
	});

	it('lets a higher retention bring reviews sooner', () => {
		const reviewed = [card('a', 3, T0), card('a', 3, T0 + 10 * MIN), card('a', 3, T0 + 3 * DAY)];
		const strict = buildSchedule(reviewed, 0.97).get('a')!.card.due.getTime();
		const lax = buildSchedule(reviewed, 0.7).get('a')!.card.due.getTime();
		expect(strict).toBeLessThan(lax);
	});

	it('does not let cram practice move the schedule', () => {
		const base = [card('a', 3, T0), card('a', 3, T0 + 10 * MIN)];
		const crammed = [
			...base,
			card('a', 1, T0 + HOUR, { cram: true }),
			answer('a', false, T0 + 2 * HOUR, { cram: true })
		];
		expect(buildSchedule(crammed, RETENTION)).toEqual(buildSchedule(base, RETENTION));
		expect(buildSchedule([card('z', 1, T0, { cram: true })], RETENTION).has('z')).toBe(false);
	});

	it('restores the previous schedule when the last review is undone', () => {
		const base = [card('a', 3, T0), card('a', 3, T0 + 10 * MIN)];
		const lapse = card('a', 1, T0 + 3 * DAY);
		const cancel: Review = { ...lapse, id: 'undo-1', kind: 'undo', rating: undefined, undoes: lapse.id };
		const undone = [...base, lapse, { ...cancel, at: lapse.at + MIN }];
		expect(buildSchedule([...base, lapse], RETENTION)).not.toEqual(buildSchedule(base, RETENTION));
		expect(buildSchedule(undone, RETENTION)).toEqual(buildSchedule(base, RETENTION));
	});
});

describe('previewIntervals', () => {
	const strictlyIncreasing = (p: ReturnType<typeof previewIntervals>) => {
		expect(p[1].due).toBeLessThan(p[2].due);
		expect(p[2].due).toBeLessThan(p[3].due);
		expect(p[3].due).toBeLessThan(p[4].due);
	};

	it('orders Again < Hard < Good < Easy for a reviewed card', () => {
		const log = [card('a', 3, T0), card('a', 3, T0 + 10 * MIN)];
		const state = buildSchedule(log, RETENTION).get('a')!;
		expect(state.card.state).toBe(CardState.Review);
		const now = state.card.due.getTime();
		const p = previewIntervals(state, now, RETENTION);
		strictlyIncreasing(p);
		expect(p[1].interval.en).toMatch(/^\d+m$/);
		expect(p[4].interval.en).toMatch(/^\d+d$/);
		expect(p[1].interval.zh).toMatch(/^\d+ 分钟$/);
		expect(p[4].interval.zh).toMatch(/^\d+ 天$/);
	});

	it('previews a never-seen item from an empty card', () => {
		const p = previewIntervals(undefined, T0, RETENTION);
		strictlyIncreasing(p);
		expect(p[1]).toEqual({ due: T0 + MIN, interval: { zh: '1 分钟', en: '1m' } });
	});

	it('agrees with what the schedule then does', () => {
		const p = previewIntervals(undefined, T0, RETENTION);
		expect(dueOf([card('a', 4, T0)], 'a')).toBe(p[4].due);
	});

	it('formats intervals briefly in English and in words in Chinese ("1m" would read as a month)', () => {
		const spans = [10 * MIN, 90 * MIN, DAY, 3 * DAY, 45 * DAY, 400 * DAY].map((ms) => formatInterval(ms));
		expect(spans.map((x) => x.en)).toEqual(['10m', '2h', '1d', '3d', '2mo', '1.1y']);
		expect(spans.map((x) => x.zh)).toEqual(['10 分钟', '2 小时', '1 天', '3 天', '2 个月', '1.1 年']);
	});
});

describe('dueQueue', () => {
	const deck = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
	// a, b and c were learned on different days; e is crammed only, so still new.
	const log = [
		card('a', 3, T0),
		card('a', 3, T0 + 10 * MIN),
		card('b', 4, T0),
		card('c', 3, T0 + DAY),
		card('c', 3, T0 + DAY + 10 * MIN),
		card('e', 1, T0, { cram: true })
	];
	const schedule = buildSchedule(log, RETENTION);
	const dueAt = (id: string) => schedule.get(id)!.card.due.getTime();

	it('lists only what is due, most overdue first', () => {
		const now = Math.max(dueAt('a'), dueAt('b'), dueAt('c')) + 1;
		const { due } = dueQueue(deck, schedule, now, { newPerDay: 10, newIntroducedToday: 0 });
		expect(due).toHaveLength(3);
		expect(due.map(dueAt)).toEqual([...due.map(dueAt)].sort((x, y) => x - y));
		const quota = { newPerDay: 10, newIntroducedToday: 0 };
		expect(dueQueue(deck, schedule, T0 + 11 * MIN, quota).due).toEqual([]);
		expect(dueQueue(deck, schedule, dueAt('a'), quota).due).toContain('a');
	});

	it('offers new items in deck order up to what is left of the quota', () => {
		const opts = (newPerDay: number, newIntroducedToday: number) => ({ newPerDay, newIntroducedToday });
		expect(dueQueue(deck, schedule, T0, opts(10, 0)).fresh).toEqual(['d', 'e', 'f', 'g']);
		expect(dueQueue(deck, schedule, T0, opts(3, 1)).fresh).toEqual(['d', 'e']);
		expect(dueQueue(deck, schedule, T0, opts(3, 5)).fresh).toEqual([]);
	});

	it('counts the new items first studied on a local day', () => {
		const introduced = (l: Review[], day: string, among?: Set<string>) => introducedOn(buildSchedule(l, 0.9), day, among);
		expect(introduced(log, localDay(T0))).toBe(2); // a, b (e was cram)
		expect(introduced(log, localDay(T0 + DAY))).toBe(1); // c
		expect(introduced(log, localDay(T0 + 2 * DAY))).toBe(0);
		// Only the cards count against the quota of new cards: a quiz-only item does not.
		expect(introduced(log, localDay(T0), new Set(['a']))).toBe(1);
		const late = new Date(2025, 0, 6, 23, 59).getTime();
		const early = new Date(2025, 0, 7, 0, 1).getTime();
		expect(introduced([card('x', 3, late), card('y', 3, early)], '2025-01-06')).toBe(1);
	});

	it('does not count an undone first review', () => {
		const first = card('n', 3, T0);
		const cancel: Review = { ...card('n', 3, T0 + MIN), kind: 'undo', rating: undefined, undoes: first.id };
		expect(introducedOn(buildSchedule([first], 0.9), localDay(T0))).toBe(1);
		expect(introducedOn(buildSchedule([first, cancel], 0.9), localDay(T0))).toBe(0);
	});
});
