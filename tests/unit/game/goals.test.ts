import { describe, expect, it } from 'vitest';
import { goalFromHistory, historyEndingOn } from '../../../src/lib/features/game';

describe('the goal history', () => {
	it('ends on the current setting: a history that says otherwise gains it from today', () => {
		const history = [
			{ since: '2026-01-10', setting: 'serious' as const },
			{ since: '2025-12-01', setting: 'casual' as const }
		];
		// The latest change (by day, not by position) is the current goal: nothing to add.
		expect(historyEndingOn(history, 'serious', '2026-03-01')).toBe(history);
		const ended = historyEndingOn(history, 'intense', '2026-03-01');
		expect(ended).toEqual([...history, { since: '2026-03-01', setting: 'intense' }]);
		const goal = goalFromHistory(ended);
		expect([goal('2025-12-15'), goal('2026-02-01'), goal('2026-03-01')]).toEqual([20, 100, 200]);
		// No history at all: the default (regular) needs no entry, another goal holds from today.
		expect(historyEndingOn([], 'regular', '2026-03-01')).toEqual([]);
		expect(historyEndingOn([], 'casual', '2026-03-01')).toEqual([{ since: '2026-03-01', setting: 'casual' }]);
	});
});
