/**
 * Leeches: items the learner keeps forgetting, which cost more reviews than they return. Anki
 * marks a card a leech at 8 lapses (its default "leech threshold"); FSRS counts a lapse each time
 * a learned item (in review) is answered Again, so a reset starts the count over.
 */
import { isStudied, type ItemState } from './schedule';

export const LEECH_THRESHOLD_DEFAULT = 8;
export const LEECH_THRESHOLD_MIN = 2;
export const LEECH_THRESHOLD_MAX = 99;

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
