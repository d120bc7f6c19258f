/**
 * The IndexedDB schema and its migrations. Every review written by an older version survives,
 * because progress is derived from the log and no record of the log is ever changed or dropped
 * (version 4 moves the log into pages, unchanged, in the same upgrade transaction).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ClassRecord, ClassResultRecord } from '../features/classroom/records';
import type { Review } from '../core/log/review';
import type { Settings } from '../core/log/settings';
import type { ItemState } from '../core/srs/schedule';
import type { DayTotal, LogTotals } from '../features/game/totals';
import type { ZoneChange } from '../features/game/days';

export const DB_NAME = 'tcp-quest';
export const SCHEMA_VERSION = 5;
/** The settings store holds one record under this key. */
export const SETTINGS_KEY = 'settings';

/** Version 1: the review log alone, keyed by review id. */
export interface ProgressSchemaV1 extends DBSchema {
	reviews: { key: string; value: Review };
}

/** Version 2: indexes for per-item and time-range reads, and the settings record. */
export interface ProgressSchema extends DBSchema {
	reviews: { key: string; value: Review; indexes: { 'by-item': string; 'by-at': number } };
	settings: { key: typeof SETTINGS_KEY; value: Settings };
	/**
	 * Version 4: the log in pages of up to LOG_PAGE reviews (one IndexedDB record per review made a
	 * five-year import take minutes); `reviews` stays, empty, for the versions before.
	 */
	log: { key: number; value: LogPage; indexes: { 'by-max-at': number } };
	/** Version 4: a derived cache of each item's schedule; the log stays the record (see schedule-cache.ts). */
	schedule: { key: string; value: CachedItem };
	/** Version 4: what the schedule cache was built from. */
	meta: { key: typeof SCHEDULE_META; value: ScheduleMeta };
	/** Version 5: running totals of the log, derived like the schedule cache (see totals-cache.ts). */
	totals: { key: typeof TOTALS_KEY; value: TotalsRecord };
	/** Version 5: the running totals per local day. */
	days: { key: string; value: DayTotal };
	/** Version 3: classroom quizzes a teacher made or added, and the result codes collected for them. */
	classes: { key: string; value: ClassRecord; indexes: { 'by-created': number } };
	classResults: { key: string; value: ClassResultRecord; indexes: { 'by-class': string } };
}

export const LOG_PAGE = 1000;
/** A page of the log: reviews in the order they were written; `maxAt` finds recent pages. */
export interface LogPage {
	n: number;
	maxAt: number;
	reviews: Review[];
}
/** An item's schedule, and the states before its last few reviews (so undo needs no replay). */
export interface CachedItem extends ItemState {
	prior: (ItemState | null)[];
}

export const SCHEDULE_META = 'schedule';
/** What the schedule cache was built from: valid only while both still match. */
export interface ScheduleMeta {
	retention: number;
	/** The learner's FSRS weights it was built with; absent: the defaults. */
	weights?: number[];
	/** Records in the review log that the cache has folded in. */
	reviews: number;
}

export const TOTALS_KEY = 'totals';
/** The running totals' overall part, and what they were built from: valid only while it still matches. */
export interface TotalsRecord {
	/** Records in the log (every kind) the totals have seen: another count means a writer that did not keep them. */
	logCount: number;
	/** Effective reviews before this instant are folded in; the page folds the ones after it. */
	checkpoint: number;
	/** The zone history the days were labelled with. */
	zones: ZoneChange[];
	totals: Omit<LogTotals, 'days'>;
}

export type ProgressDB = IDBPDatabase<ProgressSchema>;

type UpgradeTransaction = IDBPTransaction<
	ProgressSchema,
	ArrayLike<StoreNames<ProgressSchema>>,
	'versionchange'
>;

/** The version-1 schema, exactly as it first shipped. Kept so upgrades start from the real thing. */
export function createSchemaV1(db: IDBPDatabase<ProgressSchemaV1>): void {
	db.createObjectStore('reviews', { keyPath: 'id' });
}

/** Version 3: classes (keyed by quiz code) and their results (keyed by quiz code + result code). */
function upgradeToV3(db: ProgressDB): void {
	db.createObjectStore('classes', { keyPath: 'code' }).createIndex('by-created', 'createdAt');
	db.createObjectStore('classResults', { keyPath: 'id' }).createIndex('by-class', 'classCode');
}

/**
 * Version 4: the log moves into pages (sorted by time, unchanged) within this upgrade transaction,
 * so a failure leaves the old database as it was. The schedule cache starts empty: the first open
 * after the upgrade rebuilds it from the log.
 */
function upgradeToV4(db: ProgressDB, tx: UpgradeTransaction): void {
	db.createObjectStore('schedule', { keyPath: 'itemId' });
	db.createObjectStore('meta');
	const log = db.createObjectStore('log', { keyPath: 'n' });
	log.createIndex('by-max-at', 'maxAt');
	const reviews = tx.objectStore('reviews');
	void reviews.getAll().then((old) => {
		old.sort((a, b) => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		for (let i = 0, n = 0; i < old.length; i += LOG_PAGE, n++) {
			const page = old.slice(i, i + LOG_PAGE);
			void log.put({ n, maxAt: page.reduce((max, r) => Math.max(max, r.at), -Infinity), reviews: page });
		}
		void reviews.clear();
	});
}

/** Version 5: the running totals start missing, so the first open after the upgrade builds them from the log. */
function upgradeToV5(db: ProgressDB): void {
	db.createObjectStore('totals');
	db.createObjectStore('days', { keyPath: 'day' });
}

function upgradeV1toV2(db: ProgressDB, tx: UpgradeTransaction): void {
	const reviews = tx.objectStore('reviews');
	reviews.createIndex('by-item', 'itemId');
	reviews.createIndex('by-at', 'at');
	db.createObjectStore('settings');
}

/**
 * Open (creating or upgrading as needed) the progress database. Steps run in order from the
 * version found, so a version-1 database gains exactly what version 2 added.
 */
export function openProgressDB(
	name: string = DB_NAME,
	/** Called after this connection closed itself for a newer version opened elsewhere: reload. */
	onReplaced?: () => void
): Promise<ProgressDB> {
	if (name === DB_NAME) appOpened = true;
	if (name === DB_NAME && prewarmed) {
		const { db, replaced } = prewarmed;
		prewarmed = null;
		if (onReplaced) replaced.push(onReplaced);
		return db;
	}
	return open(name, onReplaced);
}

/** An open of the app's database started early (prewarmProgressDB), waiting for the first openProgressDB to take it. */
let prewarmed: { db: Promise<ProgressDB>; replaced: (() => void)[] } | null = null;
/** The app has opened its database already: a late prewarm would only add an idle connection. */
let appOpened = false;

/**
 * Start opening the app's database now, before the code that reads it has loaded: the layout calls
 * this once it knows there is progress, so the open runs beside the app layer's download instead of
 * after it. The next `openProgressDB()` of it gets this connection (and its failure, if it failed).
 * Returns the open (null when one was started or made already), for a read to start on (opening-read.ts).
 */
export function prewarmProgressDB(): Promise<ProgressDB> | null {
	if (prewarmed || appOpened) return null;
	const replaced: (() => void)[] = [];
	// Where reading window.indexedDB throws (some private windows), the open throws at once: keep
	// that as the rejection the facade gets, not an error thrown into the layout.
	let db: Promise<ProgressDB>;
	try {
		db = open(DB_NAME, () => replaced.forEach((f) => f()));
	} catch (error) {
		db = Promise.reject(error);
	}
	db.catch(() => {}); // reported to whoever takes it
	prewarmed = { db, replaced };
	return db;
}

function open(name: string, onReplaced?: () => void): Promise<ProgressDB> {
	return openDB<ProgressSchema>(name, SCHEMA_VERSION, {
		upgrade(db, oldVersion, _newVersion, tx) {
			if (oldVersion < 1) createSchemaV1(db as unknown as IDBPDatabase<ProgressSchemaV1>);
			if (oldVersion < 2) upgradeV1toV2(db, tx);
			if (oldVersion < 3) upgradeToV3(db);
			if (oldVersion < 4) upgradeToV4(db, tx);
			if (oldVersion < 5) upgradeToV5(db);
		},
		// Another tab holds a newer version and wants to upgrade: let it, rather than block it forever.
		// This tab's later reads fail and it should reload to pick up the new code.
		blocking(_current, _blocked, event) {
			(event.target as IDBDatabase).close();
			onReplaced?.();
		}
	});
}
