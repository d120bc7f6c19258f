/**
 * A change of settings, before it is saved: the goal's history, the device's time zone, and whether
 * the schedule must be read again (retention) or replayed (weights).
 */
import type { Settings } from '$lib/core/log';
import { sameWeights } from '$lib/core/srs';

/** A new goal counts from today on: past days keep the goal they had (and the freezes they earned). */
export function withGoalFromToday(settings: Pick<Settings, 'goal' | 'goalHistory'>, change: Partial<Settings>, today: () => string): Partial<Settings> {
	if (change.goal === undefined || change.goal === settings.goal || change.goalHistory !== undefined) return change;
	const since = today();
	return { ...change, goalHistory: [...settings.goalHistory.filter((c) => c.since !== since), { since, setting: change.goal }] };
}

/** What a change does to the schedule: new weights move every due date (a replay); a new retention too (the cache is per retention). */
export function scheduleEffect(before: Pick<Settings, 'retention' | 'weights'>, after: Pick<Settings, 'retention' | 'weights'>): { reweighted: boolean; rescheduled: boolean } {
	const reweighted = !sameWeights(after.weights, before.weights);
	return { reweighted, rescheduled: reweighted || after.retention !== before.retention };
}
