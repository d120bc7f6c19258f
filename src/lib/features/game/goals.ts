/** The daily goal: how much XP a day the learner means to earn. */
import { text, type Text } from '../../core/text';
import type { Day } from './days';

export const GOAL_SETTINGS = ['casual', 'regular', 'serious', 'intense'] as const;
export type GoalSetting = (typeof GOAL_SETTINGS)[number];

/** About 5, 10, 20 and 40 minutes of questions. */
export const GOAL_XP: Readonly<Record<GoalSetting, number>> = Object.freeze({ casual: 20, regular: 50, serious: 100, intense: 200 });
export const DEFAULT_GOAL: GoalSetting = 'regular';

export const GOAL_TITLE: Readonly<Record<GoalSetting, Text>> = Object.freeze({
	casual: text('轻松', 'Casual'),
	regular: text('常规', 'Regular'),
	serious: text('认真', 'Serious'),
	intense: text('冲刺', 'Intense')
});

/** XP per day: one number, or one per day so that changing the setting does not rewrite past days. */
export type Goal = number | ((day: Day) => number);

export const goalOn = (goal: Goal, day: Day): number => (typeof goal === 'number' ? goal : goal(day));

/** From day `since` on, the goal was `setting`. */
export interface GoalChange {
	since: Day;
	setting: GoalSetting;
}

/**
 * The goal in force on each day, from the history of settings: raising the goal today must not
 * take back the goal days (and the streak freezes they earned) of last month.
 */
export function goalFromHistory(changes: readonly GoalChange[], initial: GoalSetting = DEFAULT_GOAL): (day: Day) => number {
	const sorted = [...changes].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
	return (day) => {
		let setting = initial;
		for (const c of sorted) if (c.since <= day) setting = c.setting;
		return GOAL_XP[setting];
	};
}

/**
 * The goal history made to end on the current setting (a hand-edited or old record may not): the
 * current goal holds from `today` on if the history says otherwise.
 */
export function historyEndingOn(history: readonly GoalChange[], current: GoalSetting, today: Day): readonly GoalChange[] {
	const last = [...history].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).at(-1)?.setting ?? DEFAULT_GOAL;
	return last === current ? history : [...history, { since: today, setting: current }];
}

export interface GoalProgress {
	xp: number;
	goal: number;
	met: boolean;
	/** 0–1, for a progress ring. */
	fraction: number;
}

export function goalProgress(xp: number, goal: number): GoalProgress {
	return { xp, goal, met: xp >= goal, fraction: goal > 0 ? Math.min(1, xp / goal) : 1 };
}
