/**
 * The card browser's controls and the leech guard, over the facade: each control is one more
 * record in the append-only log (undone by the app's one undo, merged by backups like answers).
 */
import type { ControlKind, Review, Settings } from '$lib/core/log';
import { becameLeech, type ItemState } from '$lib/core/srs';
import type { Answer } from './answer';

/** Marks the suspension the leech guard adds, so one undo takes back the answer and its suspension together. */
export const AUTO_SUSPEND = 'leech:auto-suspend';

export const isAutoSuspension = (r: Pick<Review, 'kind' | 'session'> | null): boolean => r?.kind === 'suspend' && r.session === AUTO_SUSPEND;

/** The record a control appends: no answer, no time spent. */
export const controlRecord = (kind: ControlKind, itemId: string): Answer => ({ itemId, kind, durationMs: 0 });

/** The suspension to append after an answer that made its item a leech, if the learner asked for it. */
export function autoSuspension(review: Review, before: ItemState | undefined, after: ItemState | undefined, settings: Pick<Settings, 'autoSuspendLeeches' | 'leechThreshold'>): Answer | null {
	if (!settings.autoSuspendLeeches || !becameLeech(before, after, settings.leechThreshold)) return null;
	return { itemId: review.itemId, kind: 'suspend', durationMs: 0, session: AUTO_SUSPEND };
}
