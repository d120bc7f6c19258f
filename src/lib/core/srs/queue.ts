import { localDay } from '../log/day';
import { isSetAside } from './controls';
import { isStudied, type ItemState } from './schedule';

export interface QueueOptions {
	/** The daily quota of new items (Settings.dailyNew). */
	newPerDay: number;
	/** New items already introduced today (see introducedOn). */
	newIntroducedToday: number;
	/** The learner's day of a time, for burials (bury until tomorrow); the device's local day by default. */
	dayOf?: (at: number) => string;
}

export interface Queue {
	/** Reviewed items due by `now`, most overdue first (deck order among equals). */
	due: string[];
	/** Never-reviewed items, in deck order, up to what is left of today's quota. */
	fresh: string[];
}

/** What to study now. `items` is every item the deck knows, in deck order. */
export function dueQueue(
	items: readonly string[],
	schedule: ReadonlyMap<string, ItemState>,
	now: number,
	{ newPerDay, newIntroducedToday, dayOf = localDay }: QueueOptions
): Queue {
	// Suspended and buried items are neither due nor new: the learner set them aside.
	const unique = [...new Set(items)].filter((id) => !isSetAside(schedule.get(id), now, dayOf));
	const due = unique
		.flatMap((id) => {
			const state = schedule.get(id);
			const at = isStudied(state) ? state.card.due.getTime() : undefined;
			return at !== undefined && at <= now ? [{ id, at }] : [];
		})
		// Array.prototype.sort is stable, so equal due times keep deck order.
		.sort((a, b) => a.at - b.at)
		.map(({ id }) => id);
	const quota = Math.max(0, newPerDay - newIntroducedToday);
	const fresh = unique.filter((id) => !isStudied(schedule.get(id))).slice(0, quota);
	return { due, fresh };
}

/**
 * How many items were first scheduled on a day (`YYYY-MM-DD`, from `dayOf`, the learner's day):
 * read from the schedule, which the log folds (undo, cram and reset included), so it costs one
 * pass over the items. An item reset and learnt again counts on the day it was learnt again, as
 * in Anki. With `among`, only those items count (a quiz-only question is not a new card).
 */
export function introducedOn(schedule: ReadonlyMap<string, ItemState>, day: string, among?: ReadonlySet<string>, dayOf: (at: number) => string = localDay): number {
	let count = 0;
	for (const [id, state] of schedule) if (isStudied(state) && (!among || among.has(id)) && dayOf(state.firstReviewAt) === day) count++;
	return count;
}
