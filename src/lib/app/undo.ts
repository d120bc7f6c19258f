/**
 * Undo: the log keeps both records, the schedule forgets the rating. In the store when it can
 * take it; else in memory, with the undo saved later by the outbox like any answer.
 */
import { effectiveRecords, type Review, type Settings } from '$lib/core/log';
import { buildSchedule, type ItemState } from '$lib/core/srs';
import * as store from '$lib/store';
import type { ProgressDB } from '$lib/store';
import { knownLog, showAdded, type LogView } from './log-view';
import type { Jobs } from './long-jobs';
import { readTotals } from './opening';
import type { Outbox } from './outbox';

type Scheduling = Pick<Settings, 'retention' | 'weights'>;
/** Item states before each answer of this page's life (see answer.ts). */
type Before = ReadonlyMap<string, ItemState | undefined>;

/** The undone item's state without its last review: remembered from this page's life, or replayed from the log. */
export function undoneState(undone: Review, before: Before, known: readonly Review[], settings: Scheduling, record?: Review): Map<string, ItemState | undefined> {
	if (before.has(undone.id)) return new Map([[undone.itemId, before.get(undone.id)]]);
	const log = [...known.filter((r) => r.itemId === undone.itemId), ...(record ? [record] : [])];
	return new Map([[undone.itemId, buildSchedule(log, settings.retention, settings.weights).get(undone.itemId)]]);
}

/** Undo the log's last effective record in the store and show it; `saved` when an undo record was written. */
export async function undoStored(db: ProgressDB, view: LogView, before: Before, settings: Scheduling, now: number, appVersion: string): Promise<{ undone: Review | null; saved: boolean }> {
	const { undone, record, change } = await store.undoLast(db, now, appVersion);
	if (!undone || !record) return { undone, saved: false };
	showAdded(view, [record], change ?? undoneState(undone, before, knownLog(view), settings), settings);
	return { undone, saved: true };
}

/** Undo the latest effective record the view knows (controls are undoable too); the undo waits in the outbox. */
export function undoInMemory(view: LogView, outbox: Outbox, before: Before, settings: Scheduling, now: number, appVersion: string): Review | null {
	const undone = effectiveRecords(knownLog(view)).at(-1) ?? null;
	if (!undone) return null;
	const record: Review = { id: crypto.randomUUID(), itemId: undone.itemId, kind: 'undo', undoes: undone.id, durationMs: 0, at: now, appVersion };
	outbox.add(record);
	showAdded(view, [record], undoneState(undone, before, knownLog(view), settings, record), settings);
	return undone;
}

/** Undo in the store (`undoStored`) and tell the other tabs; an undo behind the totals' checkpoint made the store drop them: read (rebuild) them again. */
export async function undoSaved(jobs: Jobs, db: ProgressDB, before: Before, now: number, appVersion: string): Promise<Review | null> {
	const { undone, saved } = await undoStored(db, jobs.view, before, jobs.view.settings, now, appVersion);
	if (undone && saved) {
		jobs.tell({ kind: 'changed' });
		const totals = jobs.totals();
		if (totals && undone.at < totals.checkpoint) await readTotals(jobs, db);
	}
	return undone;
}
