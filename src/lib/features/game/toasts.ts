/**
 * Celebrations, one toast at a time. Finishing a quiz can reach a level, an achievement and the
 * day's goal with one answer: stacked toasts covered the result. News of one moment shares one
 * toast (a few lines at most); news arriving while it shows waits and comes next, merged.
 */

/** At most this many lines in one toast; more wait for the next toast. */
export const TOAST_LINES = 3;

export interface Toasts<T> {
	/** The toast on screen, as its lines; null when none is. */
	shown: readonly T[] | null;
	/** News not yet shown, oldest first. */
	waiting: readonly T[];
}

export const EMPTY_TOASTS: Toasts<never> = Object.freeze({ shown: null, waiting: [] });

function fill<T>(all: readonly T[]): Toasts<T> {
	return all.length ? { shown: all.slice(0, TOAST_LINES), waiting: all.slice(TOAST_LINES) } : { shown: null, waiting: [] };
}

/** New news: shown now if nothing is on screen, else queued behind it. */
export function addNews<T>(q: Toasts<T>, news: readonly T[]): Toasts<T> {
	if (news.length === 0) return q;
	if (q.shown === null) return fill([...q.waiting, ...news]);
	return { shown: q.shown, waiting: [...q.waiting, ...news] };
}

/** The toast on screen has had its time: the waiting news (if any) takes its place. */
export function nextToast<T>(q: Toasts<T>): Toasts<T> {
	return fill(q.waiting);
}
