/**
 * The year heatmap's grid: columns of weeks ending with the one that holds today, rows of weekdays.
 * Everything is calendar arithmetic on day labels (see days.ts), so daylight saving and a change of
 * time zone cannot shift a cell.
 */
import { addDays, type Day } from './days';

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface CalendarCell {
	day: Day;
	reviews: number;
	/** 0 for no reviews, else 1–4 by quarters of the busiest day in view. */
	level: HeatLevel;
}

export interface CalendarWeek {
	/** Seven slots from the first weekday; days after today are null. */
	cells: (CalendarCell | null)[];
	/** 1–12 when a month starts in this week (its label goes above the column). */
	month?: number;
}

export interface MonthSummary {
	/** `YYYY-MM`. */
	month: string;
	reviews: number;
	studyDays: number;
}

export interface Calendar {
	weeks: CalendarWeek[];
	from: Day;
	to: Day;
	/** Reviews on the busiest day in view. */
	max: number;
	reviews: number;
	studyDays: number;
	/** Month by month, oldest first: the text alternative to the grid. */
	months: MonthSummary[];
}

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (day: Day): number => new Date(`${day}T00:00:00Z`).getUTCDay();

export function levelOf(reviews: number, max: number): HeatLevel {
	if (reviews <= 0 || max <= 0) return 0;
	return Math.min(4, Math.max(1, Math.ceil((4 * reviews) / max))) as HeatLevel;
}

/**
 * `weeks` columns (53: a full year and the current week), weeks starting on `weekStart`
 * (1 Monday, as in China and ISO 8601; 0 Sunday).
 */
export function yearCalendar(byDay: ReadonlyMap<Day, { reviews: number }>, today: Day, weeks = 53, weekStart = 1): Calendar {
	const offset = (weekdayOf(today) - weekStart + 7) % 7;
	const from = addDays(today, -offset - (weeks - 1) * 7);
	const days: Day[] = [];
	for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
	const count = (d: Day) => byDay.get(d)?.reviews ?? 0;
	const max = days.reduce((m, d) => Math.max(m, count(d)), 0);

	const out: CalendarWeek[] = [];
	const months: MonthSummary[] = [];
	let reviews = 0;
	let studyDays = 0;
	for (let w = 0; w < weeks; w++) {
		const cells: (CalendarCell | null)[] = [];
		let month: number | undefined;
		for (let i = 0; i < 7; i++) {
			const day = days[w * 7 + i];
			if (day === undefined) {
				cells.push(null);
				continue;
			}
			const n = count(day);
			cells.push({ day, reviews: n, level: levelOf(n, max) });
			if (day.endsWith('-01')) month = Number(day.slice(5, 7));
			reviews += n;
			if (n > 0) studyDays++;
			const ym = day.slice(0, 7);
			let m = months.at(-1);
			if (m?.month !== ym) months.push((m = { month: ym, reviews: 0, studyDays: 0 }));
			m.reviews += n;
			if (n > 0) m.studyDays++;
		}
		out.push(month === undefined ? { cells } : { cells, month });
	}
	return { weeks: out, from, to: today, max, reviews, studyDays, months };
}
