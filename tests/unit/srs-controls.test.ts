import { describe, expect, it } from 'vitest';
import { countLog } from '../../src/lib/features/game/answers';
import { effectiveReviews, makeBackup, parseBackup, reviewProblem, DEFAULT_SETTINGS, type Review } from '../../src/lib/core/log';
import { mergeLogs } from './merge-logs';
import { buildSchedule, dueQueue, foldReview, gradeOf, isBuried, isStudied, schedulerFor, TYPED_SLOW_MS } from '../../src/lib/core/srs';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
let n = 0;
const rec = (itemId: string, kind: Review['kind'], at: number, extra: Partial<Review> = {}): Review => ({
	id: `r${String(++n).padStart(4, '0')}`, itemId, kind, durationMs: 0, at, appVersion: 'test',
	...(kind === 'flashcard' ? { rating: 3 as const } : kind === 'quiz' ? { correct: true } : {}),
	...extra
});
const undo = (of: Review, at: number) => rec(of.itemId, 'undo', at, { undoes: of.id });
const queue = (log: Review[], items: string[], now: number) =>
	dueQueue(items, buildSchedule(log, 0.9), now, { newPerDay: 10, newIntroducedToday: 0, dayOf: utcDay });

describe('suspend, bury and reset replayed from the log', () => {
	it('a suspended card is neither due nor new until unsuspended; its memory is kept', () => {
		const a1 = rec('a', 'flashcard', T0);
		const s = rec('a', 'suspend', T0 + MIN);
		const log = [a1, s];
		expect(queue(log, ['a'], T0 + 30 * DAY)).toEqual({ due: [], fresh: [] });
		const state = buildSchedule(log, 0.9).get('a')!;
		expect(state.suspended).toBe(true);
		expect(state.card.reps).toBe(1);
		const back = [...log, rec('a', 'unsuspend', T0 + 2 * MIN)];
		expect(queue(back, ['a'], T0 + 30 * DAY).due).toEqual(['a']);
		expect(buildSchedule(back, 0.9).get('a')!.card.due).toEqual(state.card.due);
	});

	it('a new card can be suspended and comes back new', () => {
		const s = rec('n', 'suspend', T0);
		expect(queue([s], ['n', 'm'], T0).fresh).toEqual(['m']);
		expect(isStudied(buildSchedule([s], 0.9).get('n'))).toBe(false);
		const log = [s, rec('n', 'unsuspend', T0 + MIN)];
		expect(buildSchedule(log, 0.9).has('n')).toBe(false);
		expect(queue(log, ['n', 'm'], T0).fresh).toEqual(['n', 'm']);
	});

	it('a buried card is set aside for the rest of the learner’s day only', () => {
		const a1 = rec('a', 'flashcard', T0 - 10 * DAY);
		const log = [a1, rec('a', 'bury', T0)];
		expect(queue(log, ['a'], T0 + MIN).due).toEqual([]);
		const tomorrow = Date.UTC(2026, 0, 6, 0, 1);
		expect(queue(log, ['a'], tomorrow).due).toEqual(['a']);
		expect(isBuried(buildSchedule(log, 0.9).get('a'), T0 + MIN, utcDay)).toBe(true);
	});

	it('reset forgets the memory: the card is new again and its next answer starts afresh', () => {
		const a = [rec('a', 'flashcard', T0), rec('a', 'flashcard', T0 + DAY), rec('a', 'suspend', T0 + DAY + MIN)];
		const reset = rec('a', 'reset', T0 + 2 * DAY);
		expect(buildSchedule([...a, reset], 0.9).has('a')).toBe(false);
		expect(queue([...a, reset], ['a'], T0 + 2 * DAY).fresh).toEqual(['a']);
		const again = rec('a', 'flashcard', T0 + 3 * DAY);
		const fresh = buildSchedule([again], 0.9).get('a')!;
		const after = buildSchedule([...a, reset, again], 0.9).get('a')!;
		expect(after.card).toEqual(fresh.card);
		expect(after.firstReviewAt).toBe(again.at);
	});

	it('each control is undoable like an answer', () => {
		const a1 = rec('a', 'flashcard', T0);
		for (const kind of ['suspend', 'bury', 'reset'] as const) {
			const c = rec('a', kind, T0 + MIN);
			expect(buildSchedule([a1, c, undo(c, T0 + 2 * MIN)], 0.9)).toEqual(buildSchedule([a1], 0.9));
		}
	});

	it('folding one record at a time gives what the replay gives', () => {
		const log = [rec('a', 'suspend', T0), rec('a', 'flashcard', T0 + MIN), rec('a', 'bury', T0 + 2 * MIN), rec('a', 'unsuspend', T0 + 3 * MIN), rec('a', 'reset', T0 + DAY), rec('a', 'quiz', T0 + 2 * DAY)];
		const scheduler = schedulerFor(0.9);
		let state = undefined;
		for (const r of log) state = foldReview(state, r, scheduler);
		expect(state).toEqual(buildSchedule(log, 0.9).get('a'));
	});

	it('controls are not answers: no statistics, no quota, no XP count', () => {
		const log = [rec('a', 'flashcard', T0), rec('a', 'suspend', T0 + MIN), rec('b', 'bury', T0 + MIN)];
		expect(effectiveReviews(log).map((r) => r.kind)).toEqual(['flashcard']);
		expect(countLog(log).answers).toBe(1);
		expect(gradeOf(log[1]!)).toBeNull();
	});

	it('a control record carries no answer', () => {
		expect(reviewProblem(rec('a', 'suspend', T0))).toBeNull();
		expect(reviewProblem({ ...rec('a', 'bury', T0), correct: true })?.en).toMatch(/carries no answer/);
		expect(reviewProblem({ ...rec('a', 'reset', T0), rating: 3 })?.en).toMatch(/carries no answer/);
	});
});

describe('controls merged from a backup', () => {
	it('come in once: importing the same backup twice gives the schedule of importing it once', () => {
		const here = [rec('a', 'flashcard', T0)];
		const there = [rec('a', 'flashcard', T0 - DAY), rec('b', 'flashcard', T0), rec('a', 'suspend', T0 + MIN), rec('b', 'reset', T0 + 2 * MIN)];
		const file = JSON.stringify(makeBackup(there, DEFAULT_SETTINGS, T0 + DAY));
		const parsed = parseBackup(file);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const once = mergeLogs(here, parsed.backup.reviews);
		const twice = mergeLogs(once, parsed.backup.reviews);
		expect(twice).toEqual(once);
		const schedule = buildSchedule(twice, 0.9);
		expect(schedule.get('a')!.suspended).toBe(true);
		expect(schedule.get('a')!.card.reps).toBe(2);
		expect(schedule.has('b')).toBe(false);
		expect(buildSchedule([...twice].reverse(), 0.9)).toEqual(schedule);
	});

	it('an undo in the backup cancels a suspension made on this device', () => {
		const s = rec('a', 'suspend', T0);
		const here = [rec('a', 'flashcard', T0 - DAY), s];
		const merged = mergeLogs(here, [undo(s, T0 + MIN)]);
		expect(buildSchedule(merged, 0.9).get('a')!.suspended).toBeUndefined();
	});
});

describe('typed answers feed the schedule', () => {
	it('right and quick is Good, right and slow is Hard, wrong is Again; a chosen option is never Hard', () => {
		expect(gradeOf(rec('q', 'quiz', T0, { typed: 'SYN_RCVD', durationMs: 5000 }))).toBe(3);
		expect(gradeOf(rec('q', 'quiz', T0, { typed: 'SYN_RCVD', durationMs: TYPED_SLOW_MS + 1 }))).toBe(2);
		expect(gradeOf(rec('q', 'quiz', T0, { typed: 'LISTEN', correct: false, durationMs: 1000 }))).toBe(1);
		expect(gradeOf(rec('q', 'quiz', T0, { durationMs: TYPED_SLOW_MS + 1 }))).toBe(3);
		expect(reviewProblem(rec('q', 'quiz', T0, { typed: 'x'.repeat(201) }))?.en).toMatch(/typed/);
	});
});
