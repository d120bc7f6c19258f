/**
 * Study beyond today's queue, from /study, without bending the schedule: every answer in these
 * sessions is an ordinary graded review at its real time, and FSRS itself accounts for how early
 * it comes (a review before the due date meets a higher recall probability, so stability grows
 * less: see the unit test "an early review is scheduled by FSRS with the real elapsed time").
 * Nothing here moves a due date or skips a day; it only chooses which items to show.
 */
import { localDay } from '../log/day';
import { effectiveReviews, type Review } from '../log/review';
import { isSetAside, type DayOfFn } from './controls';
import { gradeOf } from './grade';
import { isStudied, type Schedule } from './schedule';

const DAY = 86_400_000;
export const AHEAD_DAYS_MAX = 30;
export const MORE_NEW_MAX = 50;

/** Studied items due within `days` days from now (those already due too), soonest first, deck order among equals. */
export function reviewAheadQueue(items: readonly string[], schedule: Schedule, now: number, days: number, dayOf: DayOfFn = localDay): string[] {
	const horizon = now + Math.min(Math.max(0, days), AHEAD_DAYS_MAX) * DAY;
	return [...new Set(items)]
		.flatMap((id) => {
			const state = schedule.get(id);
			if (!isStudied(state) || isSetAside(state, now, dayOf)) return [];
			const due = state.card.due.getTime();
			return due <= horizon ? [{ id, due }] : [];
		})
		.sort((a, b) => a.due - b.due)
		.map(({ id }) => id);
}

/**
 * Items answered Again (a flashcard rated Again, a question answered wrong) on the learner's day
 * `day`, among `items`, in the order first forgotten; cram practice and undone answers excluded,
 * and items set aside since.
 */
export function forgottenOn(log: readonly Review[], items: readonly string[], schedule: Schedule, day: string, now: number, dayOf: DayOfFn = localDay): string[] {
	const wanted = new Set(items);
	const out = new Set<string>();
	for (const r of effectiveReviews(log)) {
		if (r.cram || !wanted.has(r.itemId) || gradeOf(r) !== 1 || dayOf(r.at) !== day) continue;
		if (!isSetAside(schedule.get(r.itemId), now, dayOf)) out.add(r.itemId);
	}
	return [...out];
}

/** The next `n` never-studied items of a topic (its items in deck order), beyond the daily quota; none set aside. */
export function moreNewQueue(topicItems: readonly string[], schedule: Schedule, n: number, now: number, dayOf: DayOfFn = localDay): string[] {
	const count = Math.min(Math.max(0, Math.floor(n)), MORE_NEW_MAX);
	return [...new Set(topicItems)].filter((id) => !isStudied(schedule.get(id)) && !isSetAside(schedule.get(id), now, dayOf)).slice(0, count);
}
