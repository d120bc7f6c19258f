/**
 * What a learner's page reads before it can show anything: the settings, the schedule cache, the
 * log's size and last days, and the running totals with their days, in ONE transaction. The layout
 * starts it as soon as it knows there is progress (`readEarly`), beside the database's open, while
 * the app layer that shows it is still loading; the facade takes it (`takeEarlyRead`).
 *
 * The records come back as stored. Whether they still match the log is for the caches' own checks
 * (`scheduleFromRead`, `totalsFromRead`), so this module loads none of the scheduler or the game.
 */
import type { Review } from '../core/log/review';
import type { DayTotal } from '../features/game/totals';
import { prewarmProgressDB, SCHEDULE_META, SETTINGS_KEY, TOTALS_KEY, type CachedItem, type ProgressDB, type ScheduleMeta, type TotalsRecord } from './db';
import { LOG_STORES, logCount, pagesSince } from './log';

const DAY = 86_400_000;

export interface OpeningRecords {
	/** As stored (sanitized by whoever reads them). */
	settings: unknown;
	meta: ScheduleMeta | undefined;
	cached: CachedItem[];
	/** Records in the log. */
	count: number;
	/** The log's pages that may hold a review at or after `since`, unfiltered. */
	pages: Review[];
	/** Two days back, or the totals' checkpoint if that is earlier: every "today" figure and the totals' tail. */
	since: number;
	totals: TotalsRecord | undefined;
}

/** The read in two parts: what the page shows first, and the totals' days (1,824 records in five years), which follow. */
export interface OpeningRead {
	records: Promise<OpeningRecords>;
	days: Promise<DayTotal[]>;
}

/** Read everything a page opens with, in one transaction; requests are answered in turn, the days last. */
export function readOpening(db: ProgressDB, now: number): OpeningRead {
	const tx = db.transaction(['settings', ...LOG_STORES], 'readonly');
	const settings = tx.objectStore('settings').get(SETTINGS_KEY);
	const meta = tx.objectStore('meta').get(SCHEDULE_META);
	const totals = tx.objectStore('totals').get(TOTALS_KEY);
	const count = logCount(tx);
	const cached = tx.objectStore('schedule').getAll();
	// The last pages depend on the checkpoint: asked for as soon as it is known, before the days.
	const since = totals.then((t) => Math.min(now - 2 * DAY, t?.checkpoint ?? Infinity));
	const pages = since.then((s) => pagesSince(tx, s));
	const days = pages.then(() => tx.objectStore('days').getAll());
	const records = Promise.all([settings, meta, cached, count, pages, since, totals]).then(([settings, meta, cached, count, pages, since, totals]) => ({ settings, meta, cached, count, pages, since, totals }));
	return { records, days };
}

let early: OpeningRead | null = null;

/**
 * Open the database and start the opening read now (the layout, for a learner): the read runs while
 * the app layer loads and the page hydrates, instead of after. Once only; nothing if the app has
 * opened the database already.
 */
export function readEarly(now = Date.now()): void {
	const opening = prewarmProgressDB();
	if (!opening) return;
	const read = opening.then((db) => readOpening(db, now));
	early = { records: read.then((r) => r.records), days: read.then((r) => r.days) };
	// Reported to whoever takes it; a failed early read is read again the usual way.
	early.records.catch(() => {});
	early.days.catch(() => {});
}

/** The early read, once: the facade's first open takes it; null when none was started (or it was taken). */
export function takeEarlyRead(): OpeningRead | null {
	const read = early;
	early = null;
	return read;
}
