/**
 * The daily streak, in the learner's local days, and the freezes that forgive a missed day.
 *
 * Rules:
 * - Any review on a day keeps the streak going; the streak is the number of such days in a row.
 * - Every 7th day on which the daily goal is met earns a streak freeze; at most 2 are held (an
 *   earning beyond that is lost: freezes are a safety net, not a bank).
 * - A missed day between two study days is covered by a held freeze, automatically: the streak
 *   carries on (the frozen day does not add to its length). If the freezes held cannot cover all the
 *   missed days, the streak starts again at 1 and the freezes are kept for the next streak.
 * - A freeze earned on a day covers only later days. Today is never missed: it is not over yet.
 * - A day only counts as missed if it was lived for 20 hours or more (see `missedDays`), so a day
 *   shortened by travel does not break anything.
 * - Beside the streak, the rolling seven-day average XP (today and the six days before), so one
 *   missed day does not erase the story.
 */
import type { Review } from '../../core/log/review';
import { dailyActivity, goalMetAt, type DayActivity } from './daily';
import { addDays, missedDays, type Day, type DayOf } from './days';
import { goalOn, type Goal } from './goals';
import { xpEvents, type XpEvent } from './xp';

export const FREEZE_EVERY_GOAL_DAYS = 7;
export const FREEZES_MAX = 2;

export interface StreakOptions {
	now: number;
	dayOf: DayOf;
	goal: Goal;
}

export interface StreakDay {
	day: Day;
	xp: number;
	goal: number;
	/** When the goal was reached, if it was. */
	goalMetAt?: number;
	/** The streak's length counting this day. */
	length: number;
	/** The first review of the day: when the streak reached `length`. */
	firstAt: number;
	/** Missed days just before this one that freezes covered. */
	frozeBefore: Day[];
	/** Freezes held at the end of the day. */
	freezes: number;
}

export interface Streak {
	today: Day;
	/** Study days in the current streak (0 if it is broken); today counts once studied. */
	current: number;
	longest: number;
	freezes: number;
	/** Goal days still needed for the next freeze. */
	nextFreezeIn: number;
	goalDays: number;
	studiedToday: boolean;
	todayXp: number;
	todayGoal: number;
	/** Every missed day a freeze covered, for the calendar. */
	frozenDays: Day[];
	/** Mean XP per day over today and the six days before. */
	average7: number;
	days: StreakDay[];
}

export function streakOf(log: readonly Review[], options: StreakOptions): Streak {
	return streakFromEvents(xpEvents(log), options);
}

/** A study day as the streak sees it; `metAt(goal)` is when the day's XP first reached `goal`. */
export interface StudyDay {
	day: Day;
	xp: number;
	firstAt: number;
	lastAt: number;
	metAt: (goal: number) => number | undefined;
}

/** Same as `streakOf`, for a caller that already scored the log. */
export function streakFromEvents(events: readonly XpEvent[], options: StreakOptions): Streak {
	const days = dailyActivity(events, options.dayOf).map((a: DayActivity): StudyDay => ({ ...a, metAt: (goal) => goalMetAt(a, goal) }));
	return streakFromDays(days, options);
}

/** The streak from study days sorted by day (from the log, or from the running totals kept beside it). */
export function streakFromDays(activity: readonly StudyDay[], { now, dayOf, goal }: StreakOptions): Streak {
	const today = dayOf(now);
	const days: StreakDay[] = [];
	const frozenDays: Day[] = [];
	let freezes = 0;
	let goalDays = 0;
	let run = 0;
	let longest = 0;
	let prev: StudyDay | undefined;
	for (const a of activity) {
		let frozeBefore: Day[] = [];
		if (prev) {
			const missed = missedDays(prev.day, a.day, prev.lastAt, a.firstAt, dayOf, freezes + 1);
			if (missed.length <= freezes) {
				freezes -= missed.length;
				frozeBefore = missed;
				run++;
			} else run = 1;
		} else run = 1;
		frozenDays.push(...frozeBefore);
		longest = Math.max(longest, run);
		const dayGoal = goalOn(goal, a.day);
		const metAt = a.metAt(dayGoal);
		if (metAt !== undefined) {
			goalDays++;
			if (goalDays % FREEZE_EVERY_GOAL_DAYS === 0) freezes = Math.min(FREEZES_MAX, freezes + 1);
		}
		days.push({ day: a.day, xp: a.xp, goal: dayGoal, goalMetAt: metAt, length: run, firstAt: a.firstAt, frozeBefore, freezes });
		prev = a;
	}

	// Days missed since the last study day, up to yesterday: covered now, or the streak is over.
	let current = run;
	if (prev && prev.day < today) {
		const missed = missedDays(prev.day, today, prev.lastAt, now, dayOf, freezes + 1);
		if (missed.length <= freezes) {
			freezes -= missed.length;
			frozenDays.push(...missed);
		} else current = 0;
	}

	const todays = activity.find((a) => a.day === today);
	const week = new Set(Array.from({ length: 7 }, (_, i) => addDays(today, -i)));
	const weekXp = activity.filter((a) => week.has(a.day)).reduce((sum, a) => sum + a.xp, 0);
	return {
		today,
		current,
		longest,
		freezes,
		nextFreezeIn: FREEZE_EVERY_GOAL_DAYS - (goalDays % FREEZE_EVERY_GOAL_DAYS),
		goalDays,
		studiedToday: todays !== undefined,
		todayXp: todays?.xp ?? 0,
		todayGoal: goalOn(goal, today),
		frozenDays,
		average7: weekXp / 7,
		days
	};
}
