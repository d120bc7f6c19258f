/**
 * What the learner's controls (suspend, bury) mean for "is this item available to study now".
 * Kept apart from the replay so the replay never reads a clock: burial is stored as a time and
 * read against the learner's day here.
 */
import { localDay } from '../log/day';
import type { ItemState } from './schedule';

export type DayOfFn = (at: number) => string;

/** Buried today: the burial's local day is the day of `now`. */
export function isBuried(state: ItemState | undefined, now: number, dayOf: DayOfFn = localDay): boolean {
	return state?.buriedAt !== undefined && dayOf(state.buriedAt) === dayOf(now);
}

/** Whether the learner has set an item aside: suspended, or buried until tomorrow. */
export function isSetAside(state: ItemState | undefined, now: number, dayOf: DayOfFn = localDay): boolean {
	return state?.suspended === true || isBuried(state, now, dayOf);
}
