import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSchedule } from '../../../src/lib/core/srs';
import { dashboard } from '../../../src/lib/features/study/dashboard';
import { buildCatalog } from '../../../src/lib/features/study/catalog';
import type { Question } from '../../../src/lib/features/quiz/types';
import { DayClock, learnerDay } from '../../../src/lib/app/clock';
import { card, HOUR, utc } from '../game/fixtures';

/**
 * A learner rates a new card in Berlin at 20:00 on 6 January (03:00 on the 7th in Shanghai), flies
 * to Shanghai and opens the app at 18:00 on the 7th. The device now says Shanghai.
 */
const introduced = utc(2026, 1, 6, 19);
const landed = utc(2026, 1, 7, 8);
const now = utc(2026, 1, 7, 10);
const zones = [
	{ since: 0, timeZone: 'Europe/Berlin' },
	{ since: landed, timeZone: 'Asia/Shanghai' }
];
const catalog = buildCatalog({
	topics: [{ id: 'handshake', title: { zh: '握手', en: 'Handshake' } }],
	questions: ['card:a', 'card:b'].map((family) => ({ id: `flashcard:${family}`, kind: 'flashcard', family, topic: 'handshake' }) as unknown as Question)
});
const log = [card(introduced, 'card:a', 3)];

describe('one clock for every "today"', () => {
	const zone = process.env.TZ;
	beforeAll(() => void (process.env.TZ = 'Asia/Shanghai'));
	afterAll(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));

	it('a traveller’s home page agrees with itself: no answer today means no new card used up today', () => {
		const dayOf = learnerDay(zones);
		const schedule = buildSchedule(log, 0.9);
		const home = dashboard(catalog, schedule, log, now, 1, undefined, dayOf);
		expect(home.reviewsToday).toBe(0);
		// The card was introduced on the 6th (Berlin), so today's quota of one is still free.
		expect(home.newAvailable).toBe(1);
		const clock = new DayClock(zones);
		expect(clock.introducedOn(schedule, catalog.flashcardFamilies, now)).toBe(0);
		expect(dashboard(catalog, schedule, log, now, 1, clock.introducedOn(schedule, catalog.flashcardFamilies, now), clock.dayOf).newAvailable).toBe(1);
	});

	it('counts a card introduced earlier on the learner’s today', () => {
		const schedule = buildSchedule([card(landed + HOUR, 'card:a', 3)], 0.9);
		expect(new DayClock(zones).introducedOn(schedule, catalog.flashcardFamilies, now)).toBe(1);
	});

	it('without a zone history the device’s zone is the learner’s', () => {
		expect(learnerDay([])(now)).toBe('2026-01-07');
		expect(new DayClock([]).today(introduced)).toBe('2026-01-07');
		expect(new DayClock(zones).today(introduced)).toBe('2026-01-06');
	});
});

describe('DayClock.watch', () => {
	it('ticks when the learner’s day changes and when the tab comes back, not every minute', () => {
		vi.useFakeTimers({ now: utc(2026, 1, 6, 15, 58) });
		try {
			const clock = new DayClock([{ since: 0, timeZone: 'Asia/Shanghai' }]);
			const visibility = new EventTarget();
			let visible = true;
			const ticks: number[] = [];
			const stop = clock.watch((at) => ticks.push(at), { visibility, visible: () => visible });
			vi.advanceTimersByTime(60_000);
			expect(ticks).toEqual([]);
			// 16:00 UTC is midnight in Shanghai.
			vi.advanceTimersByTime(60_000);
			expect(ticks).toEqual([utc(2026, 1, 6, 16)]);
			visible = false;
			visibility.dispatchEvent(new Event('visibilitychange'));
			expect(ticks).toHaveLength(1);
			visible = true;
			visibility.dispatchEvent(new Event('visibilitychange'));
			expect(ticks).toHaveLength(2);
			stop();
			vi.advanceTimersByTime(DAY_MS);
			expect(ticks).toHaveLength(2);
		} finally {
			vi.useRealTimers();
		}
	});

	it('takes a new zone history: the day follows the learner', () => {
		const clock = new DayClock([]);
		clock.zones = [{ since: 0, timeZone: 'America/Los_Angeles' }];
		expect(clock.today(utc(2026, 1, 7, 3))).toBe('2026-01-06');
	});
});

const DAY_MS = 24 * HOUR;
