import { describe, expect, it } from 'vitest';
import {
	FREEZES_MAX,
	addDays,
	dayInZone,
	dayInZones,
	daysBetween,
	goalFromHistory,
	missedDays,
	streakOf
} from '../../../src/lib/features/game';
import type { Review } from '../../../src/lib/core/log/review';
import { MIN, quiz, utc } from './fixtures';

const GOAL = 20;
const shanghai = dayInZone('Asia/Shanghai');
const newYork = dayInZone('America/New_York');

/**
 * `n` ordering questions answered right, 31 minutes apart so no combo bonus: 8 XP each.
 * Three meet the goal of 20; one is a study day below the goal.
 */
const session = (start: number, n: number): Review[] => Array.from({ length: n }, (_, i) => quiz(start + i * 31 * MIN, `order_steps:s${i}:${start}`));
/** Day `d` of March 2025 at 20:00 in Shanghai (UTC+8, no DST). */
const marchEvening = (d: number) => utc(2025, 3, d, 12);

describe('day labels', () => {
	it('does calendar arithmetic on labels', () => {
		expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
		expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
		expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
		expect(daysBetween('2025-11-01', '2025-11-03')).toBe(2);
	});

	it('reads the day in an IANA zone', () => {
		const t = utc(2025, 3, 3, 20); // 04:00 on the 4th in Shanghai, 15:00 on the 3rd in New York
		expect(shanghai(t)).toBe('2025-03-04');
		expect(newYork(t)).toBe('2025-03-03');
		expect(dayInZone('UTC')(t)).toBe('2025-03-03');
	});

	it('finds only fully lived missed days, up to a limit', () => {
		const utcDay = dayInZone('UTC');
		const from = utc(2025, 3, 1, 20);
		const to = utc(2025, 3, 6, 8);
		expect(missedDays('2025-03-01', '2025-03-06', from, to, utcDay, 10)).toEqual(['2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05']);
		expect(missedDays('2025-03-01', '2025-03-06', from, to, utcDay, 2)).toEqual(['2025-03-02', '2025-03-03']);
		expect(missedDays('2025-03-01', '2025-03-02', from, to, utcDay, 10)).toEqual([]);
	});
});

describe('streak with freezes across a month', () => {
	// March 2025 in Shanghai. G: goal met, L: studied below the goal, -: missed.
	//   1-7 G   8 -   9-15 G   16 L   17-18 -   19-26 G   27 -   28 G   29-30 -
	const plan: Record<number, number> = {};
	for (const d of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 25, 26, 28]) plan[d] = 3;
	plan[16] = 1;
	const log = Object.entries(plan).flatMap(([d, n]) => session(marchEvening(Number(d)), n));
	/** The streak as the learner saw it at `h`:00 UTC on day `d`, from the reviews made by then. */
	const at = (d: number, h = 15) => {
		const now = utc(2025, 3, d, h);
		return streakOf(
			log.filter((r) => r.at <= now),
			{ now, dayOf: shanghai, goal: GOAL }
		);
	};
	// `h` is UTC: 15 is 23:00 in Shanghai, after that day's reviews.
	const day = (d: number) => `2025-03-${String(d).padStart(2, '0')}`;

	it('earns a freeze on the 7th goal day and spends it on the next missed day', () => {
		const s = at(9);
		const [d7, d9] = [s.days.find((x) => x.day === day(7))!, s.days.find((x) => x.day === day(9))!];
		expect(d7).toMatchObject({ length: 7, freezes: 1 });
		expect(d9).toMatchObject({ length: 8, freezes: 0, frozeBefore: [day(8)] });
		expect(s.current).toBe(8);
		expect(s.goalDays).toBe(8);
	});

	it('counts a study day below the goal for the streak, not for freezes', () => {
		const s = at(16);
		expect(s.current).toBe(15);
		expect(s.goalDays).toBe(14);
		expect(s.todayXp).toBe(8);
		expect(s.freezes).toBe(1); // earned on the 14th goal day (the 15th)
		expect(s.nextFreezeIn).toBe(7);
	});

	it('breaks when the missed days outnumber the freezes, and keeps the freezes', () => {
		const s = at(19);
		expect(s.current).toBe(1);
		expect(s.freezes).toBe(1);
		expect(s.longest).toBe(15);
	});

	it('holds at most two freezes and covers a later missed day', () => {
		const s = at(28);
		expect(s.days.find((x) => x.day === day(25))!.freezes).toBe(FREEZES_MAX); // 21st goal day
		expect(s.days.find((x) => x.day === day(28))).toMatchObject({ length: 9, frozeBefore: [day(27)], freezes: 1 });
		expect(s.current).toBe(9);
		expect(s.frozenDays).toEqual([day(8), day(27)]);
	});

	it('today is never missed; yesterday is covered by a freeze, two days are not', () => {
		const morning = at(29, 1); // 09:00 on the 29th in Shanghai: nothing yet today
		expect(morning).toMatchObject({ current: 9, studiedToday: false, freezes: 1 });
		const next = at(30);
		expect(next).toMatchObject({ current: 9, freezes: 0 });
		expect(next.frozenDays.at(-1)).toBe(day(29));
		const after = at(31);
		expect(after).toMatchObject({ current: 0, freezes: 1, longest: 15 });
	});

	it('averages XP over today and the six days before', () => {
		// 22nd–28th: 24 × 5 goal days (22–26), nothing on the 27th, 24 on the 28th.
		expect(at(28).average7).toBeCloseTo((24 * 6) / 7);
		expect(at(31).average7).toBeCloseTo((24 * 3) / 7); // 25, 26, 28
	});

	it('does not let a later change of goal take back past goal days', () => {
		const goal = goalFromHistory([{ since: day(20), setting: 'intense' }], 'casual');
		const now = utc(2025, 3, 28, 15);
		const s = streakOf(
			log.filter((r) => r.at <= now),
			{ now, dayOf: shanghai, goal }
		);
		expect(s.goalDays).toBe(15); // from the 20th on, 24 XP misses the 200 XP goal; the 19th still counts
		expect(s.days.find((x) => x.day === day(19))!.goalMetAt).toBeDefined();
		expect(s.days.find((x) => x.day === day(20))!.goalMetAt).toBeUndefined();
		expect(s.todayGoal).toBe(200);
	});
});

describe('daylight saving time (America/New_York)', () => {
	/** A review at a New York wall-clock time, given its UTC offset that day. */
	const ny = (m: number, d: number, h: number, min: number, offset: number) => utc(2025, m, d, h - offset, min);

	it('keeps each day once around the March change (the 9th has 23 hours)', () => {
		const log = [
			quiz(ny(3, 8, 0, 30, -5), 'order_steps:a'),
			quiz(ny(3, 8, 23, 30, -5), 'order_steps:b'),
			quiz(ny(3, 9, 0, 30, -5), 'order_steps:c'),
			quiz(ny(3, 9, 23, 30, -4), 'order_steps:d'),
			quiz(ny(3, 10, 0, 30, -4), 'order_steps:e'),
			quiz(ny(3, 10, 23, 30, -4), 'order_steps:f')
		];
		const s = streakOf(log, { now: ny(3, 10, 23, 45, -4), dayOf: newYork, goal: GOAL });
		expect(s.days.map((d) => [d.day, d.xp])).toEqual([
			['2025-03-08', 16],
			['2025-03-09', 16],
			['2025-03-10', 16]
		]);
		expect(s.current).toBe(3);
	});

	it('still counts the short day as a day missed', () => {
		const log = [quiz(ny(3, 8, 21, 0, -5), 'order_steps:a'), quiz(ny(3, 10, 7, 0, -4), 'order_steps:b')];
		const s = streakOf(log, { now: ny(3, 10, 8, 0, -4), dayOf: newYork, goal: GOAL });
		expect(s.current).toBe(1);
	});

	it('keeps the repeated hour in November on one day', () => {
		const log = [
			quiz(ny(11, 1, 22, 0, -4), 'order_steps:a'),
			quiz(ny(11, 2, 1, 30, -4), 'order_steps:b'), // 01:30 EDT
			quiz(ny(11, 2, 1, 30, -5), 'order_steps:c'), // 01:30 EST, an hour later
			quiz(ny(11, 3, 8, 0, -5), 'order_steps:d')
		];
		const s = streakOf(log, { now: ny(11, 3, 9, 0, -5), dayOf: newYork, goal: GOAL });
		expect(s.days.map((d) => [d.day, d.xp])).toEqual([
			['2025-11-01', 8],
			['2025-11-02', 16],
			['2025-11-03', 8]
		]);
		expect(s.current).toBe(3);
	});
});

describe('a trip across time zones', () => {
	it('flying west: a day lived twice is one day, not two', () => {
		// Studies in Shanghai on the 10th and the morning of the 11th, lands in Los Angeles at
		// 22:00 UTC on the 11th (15:00 local, still the 11th) and studies again that evening.
		const landing = utc(2025, 3, 11, 22);
		const dayOf = dayInZones([
			{ since: 0, timeZone: 'Asia/Shanghai' },
			{ since: landing, timeZone: 'America/Los_Angeles' }
		]);
		const log = [
			...session(utc(2025, 3, 10, 13), 3), // 21:00 on the 10th in Shanghai
			...session(utc(2025, 3, 11, 1), 1), // 09:00 on the 11th in Shanghai
			...session(utc(2025, 3, 12, 3), 2), // 20:00 on the 11th in Los Angeles
			...session(utc(2025, 3, 13, 3), 3) // 20:00 on the 12th in Los Angeles
		];
		const s = streakOf(log, { now: utc(2025, 3, 13, 6), dayOf, goal: GOAL });
		expect(s.days.map((d) => [d.day, d.xp, d.goalMetAt !== undefined])).toEqual([
			['2025-03-10', 24, true],
			['2025-03-11', 24, true], // 8 in Shanghai + 16 in Los Angeles: the goal is met once
			['2025-03-12', 24, true]
		]);
		expect(s.current).toBe(3);
		expect(s.goalDays).toBe(3);
	});

	it('flying east: a day cut short by the flight is not a missed day', () => {
		// Studies at 22:00 on the 19th and the 20th in Los Angeles (UTC-7), takes off at 01:00 on the
		// 21st (08:00 UTC), lands in Shanghai 13 hours later (05:00 on the 22nd) and studies that
		// evening. The 21st lasted 14 hours for them.
		const landing = utc(2025, 3, 21, 21);
		const dayOf = dayInZones([
			{ since: 0, timeZone: 'America/Los_Angeles' },
			{ since: landing, timeZone: 'Asia/Shanghai' }
		]);
		const log = [...session(utc(2025, 3, 20, 5), 1), ...session(utc(2025, 3, 21, 5), 1), ...session(utc(2025, 3, 22, 13), 1)];
		const s = streakOf(log, { now: utc(2025, 3, 22, 14), dayOf, goal: GOAL });
		expect(s.days.map((d) => d.day)).toEqual(['2025-03-19', '2025-03-20', '2025-03-22']);
		expect(s.current).toBe(3);
		expect(s.frozenDays).toEqual([]);
	});

	it('recording the move keeps past days where they were lived', () => {
		// Three days in a row in Shanghai, then a move to Los Angeles (15 hours behind). Read in Los
		// Angeles time, 01:00 on the 2nd and the 3rd fall on the 1st and the 2nd, but 23:00 on the
		// 4th stays on the 4th: the 3rd would look missed.
		const log = [
			...session(utc(2025, 4, 1, 17), 1), // 01:00 on the 2nd, Shanghai
			...session(utc(2025, 4, 2, 17), 1), // 01:00 on the 3rd
			...session(utc(2025, 4, 4, 15), 1) // 23:00 on the 4th
		];
		const moved = utc(2025, 4, 5, 2);
		const now = utc(2025, 4, 5, 3);
		const history = dayInZones([
			{ since: 0, timeZone: 'Asia/Shanghai' },
			{ since: moved, timeZone: 'America/Los_Angeles' }
		]);
		expect(streakOf(log, { now, dayOf: history, goal: GOAL }).days.map((d) => d.day)).toEqual(['2025-04-02', '2025-04-03', '2025-04-04']);
		expect(streakOf(log, { now, dayOf: history, goal: GOAL }).current).toBe(3);
		// Without the history every past review is re-read in the new zone, and the 3rd goes missing.
		const naive = streakOf(log, { now, dayOf: dayInZone('America/Los_Angeles'), goal: GOAL });
		expect(naive.days.map((d) => d.day)).toEqual(['2025-04-01', '2025-04-02', '2025-04-04']);
		expect(naive.current).toBe(1);
	});
});
