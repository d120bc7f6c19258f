/**
 * Leeches: items the learner keeps forgetting, which cost more reviews than they return. Anki
 * marks a card a leech at 8 lapses (its default "leech threshold"); FSRS counts a lapse each time
 * a learned item (in review) is answered Again, so a reset starts the count over.
 */
import { isStudied, type ItemState } from './schedule';

export { LEECH_THRESHOLD_DEFAULT, LEECH_THRESHOLD_MAX, LEECH_THRESHOLD_MIN } from './leech-threshold';

export function isLeech(state: ItemState | undefined, threshold: number): boolean {
	return isStudied(state) && state.card.lapses >= threshold;
}

/** Every leech, most forgotten first (item id breaks ties, so the list is stable). */
export function leeches(schedule: ReadonlyMap<string, ItemState>, threshold: number): ItemState[] {
	return [...schedule.values()]
		.filter((s) => isLeech(s, threshold))
		.sort((a, b) => b.card.lapses - a.card.lapses || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}

/** Leeches not yet suspended, for the optional auto-suspend: the items to append a `suspend` for. */
export function leechesToSuspend(schedule: ReadonlyMap<string, ItemState>, threshold: number): string[] {
	return leeches(schedule, threshold).filter((s) => !s.suspended).map((s) => s.itemId);
}

/**
 * Whether an answer made its item a leech just now: the lapse that reached the threshold (the
 * moment Anki's "leech action" acts). A suspended item or one already past it is left alone, so a
 * learner who unsuspends a leech keeps it until it lapses again past the threshold.
 */
export function becameLeech(before: ItemState | undefined, after: ItemState | undefined, threshold: number): boolean {
	const lapsesBefore = isStudied(before) ? before.card.lapses : 0;
	return isLeech(after, threshold) && !after?.suspended && after!.card.lapses > lapsesBefore;
}
