/**
 * The page's view of the review log: the whole log once read (`logLoaded`), else the recent slice
 * and the count; the schedule; and how new records, another tab's answers and a read from the store
 * move it on. Plain functions over the facade's reactive fields, so tests pass a plain object.
 */
import { compareReviews, type Review, type Settings } from '$lib/core/log';
import { buildSchedule, type ItemState } from '$lib/core/srs';
import * as store from '$lib/store';
import type { OpeningRecords, ProgressDB, ScheduleChange } from '$lib/store';
import { mergeById } from './running-totals';
import { applyChange, foldLocal } from './schedule-view';
import { BIG_LOG } from './summary-source';

export interface LogView {
	reviews: Review[];
	logLoaded: boolean;
	recent: Review[];
	reviewCount: number;
	schedule: Map<string, ItemState>;
	clock: number;
	/** Moves on with every change to the stored log: the worker's summary is asked for again. */
	logVersion: number;
}
type Scheduling = Pick<Settings, 'retention' | 'weights'>;
/** The answers not yet written (the outbox). */
type Pending = { readonly pending: readonly Review[] };

const DAY = 86_400_000;

/** The records the view holds: the whole log once read, else the recent slice. */
export const knownLog = (view: Pick<LogView, 'logLoaded' | 'reviews' | 'recent'>): Review[] => (view.logLoaded ? view.reviews : view.recent);

/** Show new records: in the log, the recent slice and the schedule (from the store's change, or folded here). */
export function showAdded(view: LogView, added: Review[], change: ScheduleChange | undefined, settings: Scheduling): void {
	view.clock = Math.max(view.clock, ...added.map((r) => r.at));
	view.recent = [...view.recent, ...added];
	view.reviewCount += added.length;
	if (view.logLoaded) view.reviews = [...view.reviews, ...added];
	view.logVersion++;
	view.schedule = change ? applyChange(view.schedule, change) : foldLocal(view.schedule, added, settings.retention, settings.weights);
}

/** Without IndexedDB: the view is the outbox's answers, replayed. */
export function showInMemory(view: LogView, outbox: Pending, settings: Scheduling): void {
	view.reviews = view.recent = [...outbox.pending];
	view.reviewCount = outbox.pending.length;
	replaySchedule(view, settings);
}

/** The schedule replayed from the records the view holds (in memory, where they are the whole log). */
export function replaySchedule(view: LogView, settings: Scheduling): void {
	view.schedule = buildSchedule(view.reviews, settings.retention, settings.weights);
}

/** Schedule (from the cache, rebuilt if stale: by `rebuild`, the jobs worker, for a big log), the log since `since` (at most two days back) and its size. */
export async function readView(db: ProgressDB, view: LogView, settings: Scheduling, outbox: Pending, since: number, rebuild: () => Promise<unknown>): Promise<void> {
	const { retention, weights } = settings;
	// The three reads go out together (each its own transaction), not one after another.
	const tail = Promise.all([store.reviewsSince(db, Math.min(Date.now() - 2 * DAY, since)), store.countReviews(db)]);
	tail.catch(() => {}); // awaited below
	let schedule = await store.readSchedule(db, retention, weights);
	// A small log (a new learner's: none) is replayed here at once; only a big one starts the jobs worker.
	if (!schedule && (await tail)[1] > BIG_LOG) await rebuild();
	schedule ??= (await store.readSchedule(db, retention, weights)) ?? (await store.rebuildSchedule(db, retention, undefined, weights));
	const [recent, count] = await tail;
	view.schedule = foldLocal(schedule, outbox.pending, retention, weights);
	view.recent = mergeById(recent, outbox.pending);
	view.reviewCount = count + outbox.pending.length;
}

/** The view from the opening read (store/opening-read.ts); false, showing nothing, when its schedule cache does not match (readView rebuilds it). */
export function showRead(view: LogView, read: OpeningRecords, settings: Scheduling, outbox: Pending): boolean {
	const schedule = store.scheduleFromRead(read, settings.retention, settings.weights);
	if (!schedule) return false;
	view.schedule = foldLocal(schedule, outbox.pending, settings.retention, settings.weights);
	view.recent = mergeById(read.pages.filter((r) => r.at >= read.since).sort(compareReviews), outbox.pending);
	view.reviewCount = read.count + outbox.pending.length;
	return true;
}

/** The whole log, read in slices, merged with anything answered meanwhile (in `recent` or the outbox). */
export async function readWholeLog(db: ProgressDB, view: LogView, outbox: Pending): Promise<void> {
	const log = await store.readLogChunked(db);
	// The whole log as it was may be 200,000 records: only what was answered meanwhile is compared.
	view.reviews = mergeById(log, [...view.recent, ...outbox.pending]);
	view.logLoaded = true;
}

/** Another tab's answers: into the view, with the schedule and count it wrote. */
export async function takeAppended(db: ProgressDB, view: LogView, reviews: Review[], settings: Scheduling, outbox: Pending): Promise<void> {
	view.recent = mergeById(view.recent, reviews);
	if (view.logLoaded) view.reviews = mergeById(view.reviews, reviews);
	const [schedule, count] = await Promise.all([store.readSchedule(db, settings.retention, settings.weights), store.countReviews(db)]);
	if (schedule) view.schedule = schedule;
	view.reviewCount = count + outbox.pending.length;
	view.logVersion++;
}

/** After a reset: nothing. */
export function clearView(view: LogView): void {
	view.reviews = [];
	view.recent = [];
	view.schedule = new Map();
	view.reviewCount = 0;
	view.logVersion++;
}
