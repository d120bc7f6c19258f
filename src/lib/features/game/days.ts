/**
 * Local days for the game rules.
 *
 * A review's day comes from a `DayOf` function passed in, not from a zone stored in the review: the
 * log records no zone (adding one would change the backup format), and the caller knows best. It
 * may pass `localDay` (the browser's zone now), `dayInZone('Asia/Shanghai')`, or — what keeps a
 * trip from moving past reviews to other days — `dayInZones(history)`, the zone the learner was in
 * at each instant.
 *
 * Everything after that works on day labels (`YYYY-MM-DD`) with calendar arithmetic, never on
 * 24-hour steps of epoch time, so a 23- or 25-hour daylight-saving day is still exactly one day,
 * and reviews that land on the same label (a repeated hour in November, a day lived twice after
 * flying west) are one day, never two.
 */
import { localDay } from '../../core/log/day';
import type { ZoneChange } from '../../core/log/settings';
import { zoneDay } from '../../core/log/zone';

/** A local calendar day, `YYYY-MM-DD`: sortable and comparable with `===` and `<`. */
export type Day = string;
export type DayOf = (at: number) => Day;

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60_000;

/** The calendar day in an IANA time zone. Throws a RangeError for an unknown zone. */
export function dayInZone(timeZone: string): DayOf {
	const dayAt = zoneDay(timeZone);
	// Since the 1970s every zone's offset is a whole number of quarter hours, so a day never
	// changes inside a quarter hour: remember the answer per quarter hour (asking the zone is slow).
	const memo = new Map<number, Day>();
	return (at) => {
		const key = Math.floor(at / QUARTER_HOUR_MS);
		let day = memo.get(key);
		if (day === undefined) {
			day = dayAt(at);
			if (memo.size >= 100_000) memo.clear();
			memo.set(key, day);
		}
		return day;
	};
}

export type { ZoneChange } from '../../core/log/settings';

/**
 * The day in the zone the learner was in at that instant. Before the first change the first zone
 * applies. Recording a change when the device's zone changes keeps every past day where it was lived.
 */
export function dayInZones(history: readonly ZoneChange[]): DayOf {
	if (history.length === 0) throw new RangeError('dayInZones needs at least one zone');
	const changes = [...history].sort((a, b) => a.since - b.since || (a.timeZone < b.timeZone ? -1 : 1));
	const dayOf = changes.map((c) => dayInZone(c.timeZone));
	return (at) => {
		let i = 0;
		while (i + 1 < changes.length && changes[i + 1]!.since <= at) i++;
		return dayOf[i]!(at);
	};
}

/** Parsed days, kept: a streak over five years of running totals asks for each of them on every answer. */
const midnights = new Map<Day, number>();
function utcMidnight(day: Day): number {
	let at = midnights.get(day);
	if (at === undefined) {
		const [y, m, d] = day.split('-').map(Number);
		at = Date.UTC(y!, m! - 1, d!);
		if (midnights.size >= 20_000) midnights.clear();
		midnights.set(day, at);
	}
	return at;
}

/** The day `n` calendar days after `day` (before, for negative `n`). UTC has no DST, so steps are exact. */
export function addDays(day: Day, n: number): Day {
	return new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b`: 1 for consecutive days, 0 for the same day. */
export function daysBetween(a: Day, b: Day): number {
	return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/**
 * A day only counts as missed if the learner spent at least this long in it. A day in one zone
 * lasts 23 to 25 hours; a day cut short by flying east (or skipped over the date line) is not held
 * against anyone.
 */
export const MISSED_DAY_MIN_MS = 20 * 3_600_000;
/** Sampling step when looking for lived days: zone offsets are whole quarter hours. */
const SAMPLE_MS = QUARTER_HOUR_MS;

/**
 * The days strictly between `after` and `before` that the learner lived through for at least
 * `MISSED_DAY_MIN_MS` between the instants `fromAt` and `toAt`, in order, stopping once `limit`
 * are found (the caller only needs to know whether its streak freezes cover them).
 */
export function missedDays(after: Day, before: Day, fromAt: number, toAt: number, dayOf: DayOf, limit: number): Day[] {
	if (daysBetween(after, before) <= 1 || limit <= 0) return [];
	const missed: Day[] = [];
	let label: Day | undefined;
	let lived = 0;
	const close = () => {
		if (label !== undefined && label > after && label < before && lived >= MISSED_DAY_MIN_MS && !missed.includes(label)) missed.push(label);
	};
	for (let t = fromAt; t < toAt && missed.length < limit; t += SAMPLE_MS) {
		const d = dayOf(t);
		if (d !== label) {
			close();
			label = d;
			lived = 0;
		}
		lived += Math.min(SAMPLE_MS, toAt - t);
	}
	if (missed.length < limit) close();
	return missed.slice(0, limit);
}

/**
 * The learner's day of an instant, the one every "today" uses (quota, answers, streak, goal): the
 * zone they were in then, from the recorded history; the device's zone when none is recorded yet.
 */
export function learnerDay(zones: readonly ZoneChange[]): DayOf {
	return zones.length > 0 ? dayInZones(zones) : localDay;
}
