/** The scored log grouped by local day: what streaks, goals and quests are computed from. */
import type { Day, DayOf } from './days';
import type { XpEvent } from './xp';

export interface DayActivity {
	day: Day;
	/** In log order. */
	events: XpEvent[];
	xp: number;
	reviews: number;
	studiedMs: number;
	firstAt: number;
	lastAt: number;
}

/** Days with at least one review, sorted by day. */
export function dailyActivity(events: readonly XpEvent[], dayOf: DayOf): DayActivity[] {
	const byDay = new Map<Day, DayActivity>();
	for (const e of events) {
		const at = e.review.at;
		const day = dayOf(at);
		let a = byDay.get(day);
		if (!a) byDay.set(day, (a = { day, events: [], xp: 0, reviews: 0, studiedMs: 0, firstAt: at, lastAt: at }));
		a.events.push(e);
		a.xp += e.xp;
		a.reviews++;
		a.studiedMs += e.studiedMs;
		a.firstAt = Math.min(a.firstAt, at);
		a.lastAt = Math.max(a.lastAt, at);
	}
	return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** When the day's XP first reached `goal`, or undefined if it never did. */
export function goalMetAt(activity: DayActivity, goal: number): number | undefined {
	let xp = 0;
	for (const e of activity.events) {
		xp += e.xp;
		if (xp >= goal) return e.review.at;
	}
	return undefined;
}
