/** The schedule a page shows, moved on by new records without a replay (pure: the facade holds the state). */
import type { Review } from '$lib/core/log';
import { foldReview, isAfter, schedulerFor, type ItemState, type Weights } from '$lib/core/srs';

/** What a write changed (from the store), applied to a copy: pages re-derive from the new identity. */
export function applyChange(schedule: ReadonlyMap<string, ItemState>, change: ReadonlyMap<string, ItemState | undefined>): Map<string, ItemState> {
	const next = new Map(schedule);
	for (const [id, state] of change) {
		if (state) next.set(id, state);
		else next.delete(id);
	}
	return next;
}

/** Fold records that are not (yet) in the store's cache into a copy of the schedule. */
export function foldLocal(schedule: ReadonlyMap<string, ItemState>, added: readonly Review[], retention: number, weights: Weights | null = null): Map<string, ItemState> {
	const next = new Map(schedule);
	const scheduler = schedulerFor(retention, weights);
	for (const r of added) {
		const state = next.get(r.itemId);
		if (r.kind === 'undo' || (state && !isAfter(r, state))) continue;
		const folded = foldReview(state, r, scheduler);
		if (folded) next.set(r.itemId, folded);
		else next.delete(r.itemId); // a reset (or an emptied control) leaves the item new
	}
	return next;
}
