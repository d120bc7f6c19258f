import { describe, expect, it } from 'vitest';
import type { Review } from '../../src/lib/core/log';
import { buildSchedule, isLeech, leeches, leechesToSuspend, LEECH_THRESHOLD_DEFAULT } from '../../src/lib/core/srs';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
let n = 0;
const rate = (itemId: string, rating: 1 | 3, at: number): Review => ({ id: `l${String(++n).padStart(5, '0')}`, itemId, kind: 'flashcard', rating, durationMs: 1000, at, appVersion: 'test' });
const control = (itemId: string, kind: 'suspend' | 'reset', at: number): Review => ({ id: `l${String(++n).padStart(5, '0')}`, itemId, kind, durationMs: 0, at, appVersion: 'test' });

/** Learn the item, then forget it `times` times, relearning each time: each Again from review is a lapse. */
function forgotten(itemId: string, times: number, start = T0): Review[] {
	const log = [rate(itemId, 3, start), rate(itemId, 3, start + DAY)];
	for (let i = 0; i < times; i++) log.push(rate(itemId, 1, start + (10 + 20 * i) * DAY), rate(itemId, 3, start + (10 + 20 * i) * DAY + 600_000), rate(itemId, 3, start + (11 + 20 * i) * DAY));
	return log;
}

describe('leeches', () => {
	it('an item forgotten 8 times is a leech at Anki’s default threshold, 7 times is not', () => {
		expect(LEECH_THRESHOLD_DEFAULT).toBe(8);
		const schedule = buildSchedule([...forgotten('a', 8), ...forgotten('b', 7)], 0.9);
		expect(schedule.get('a')!.card.lapses).toBe(8);
		expect(isLeech(schedule.get('a'), 8)).toBe(true);
		expect(isLeech(schedule.get('b'), 8)).toBe(false);
		expect(isLeech(schedule.get('b'), 7)).toBe(true);
		expect(leeches(schedule, 8).map((s) => s.itemId)).toEqual(['a']);
		expect(leeches(schedule, 5).map((s) => s.itemId)).toEqual(['a', 'b']);
	});

	it('a reset starts the count over; a suspended leech is not suspended again', () => {
		const log = forgotten('a', 8);
		const last = log.at(-1)!.at;
		expect(leechesToSuspend(buildSchedule(log, 0.9), 8)).toEqual(['a']);
		expect(leechesToSuspend(buildSchedule([...log, control('a', 'suspend', last + 1)], 0.9), 8)).toEqual([]);
		expect(leeches(buildSchedule([...log, control('a', 'reset', last + 1)], 0.9), 8)).toEqual([]);
	});
});
