/** A change of settings: a new goal counts from today, and only retention or weights touch the schedule. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleEffect, withGoalFromToday } from '../../../src/lib/app/settings-update';
import { DEFAULT_SETTINGS } from '../../../src/lib/core/log';
import { DEFAULT_WEIGHTS } from '../../../src/lib/core/srs';

const today = () => '2026-05-10';

describe('settings update', () => {
	afterEach(() => vi.restoreAllMocks());

	it('a new goal starts today; past days keep theirs, and a second change today replaces the first', () => {
		const settings = { goal: 'regular' as const, goalHistory: [{ since: '2026-01-01', setting: 'regular' as const }] };
		const once = withGoalFromToday(settings, { goal: 'serious' }, today);
		expect(once.goalHistory).toEqual([...settings.goalHistory, { since: '2026-05-10', setting: 'serious' }]);
		const twice = withGoalFromToday({ goal: 'serious', goalHistory: once.goalHistory! }, { goal: 'intense' }, today);
		expect(twice.goalHistory).toEqual([...settings.goalHistory, { since: '2026-05-10', setting: 'intense' }]);
	});

	it('the same goal, another setting or a history given (a backup’s) are left as they are', () => {
		const settings = { goal: 'regular' as const, goalHistory: [] };
		const never = () => {
			throw new Error('today is not needed');
		};
		for (const change of [{ goal: 'regular' as const }, { dailyNew: 5 }, { goal: 'casual' as const, goalHistory: [] }]) expect(withGoalFromToday(settings, change, never)).toBe(change);
	});

	it('retention reschedules; new weights reschedule and replay', () => {
		const base = { retention: DEFAULT_SETTINGS.retention, weights: null };
		expect(scheduleEffect(base, { ...base })).toEqual({ reweighted: false, rescheduled: false });
		expect(scheduleEffect(base, { ...base, retention: 0.85 })).toEqual({ reweighted: false, rescheduled: true });
		expect(scheduleEffect(base, { ...base, weights: DEFAULT_WEIGHTS.map((w) => w * 1.1) })).toEqual({ reweighted: true, rescheduled: true });
	});
});
