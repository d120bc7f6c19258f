/**
 * The IndexedDB schema and its migrations. Upgrades only ever add: every review written by an
 * older version survives, because progress is derived from the log and the log is never rewritten.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ClassRecord, ClassResultRecord } from '../classroom/records';
import type { Review } from '../progress/review';
import type { Settings } from '../progress/settings';

export const DB_NAME = 'tcp-quest';
export const SCHEMA_VERSION = 3;
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
	/** Version 3: classroom quizzes a teacher made or added, and the result codes collected for them. */
	classes: { key: string; value: ClassRecord; indexes: { 'by-created': number } };
	classResults: { key: string; value: ClassResultRecord; indexes: { 'by-class': string } };
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
export function openProgressDB(name: string = DB_NAME): Promise<ProgressDB> {
	return openDB<ProgressSchema>(name, SCHEMA_VERSION, {
		upgrade(db, oldVersion, _newVersion, tx) {
			if (oldVersion < 1) createSchemaV1(db as unknown as IDBPDatabase<ProgressSchemaV1>);
			if (oldVersion < 2) upgradeV1toV2(db, tx);
			if (oldVersion < 3) upgradeToV3(db);
		},
		// Another tab holds a newer version and wants to upgrade: let it, rather than block it forever.
		// This tab's later reads fail and it should reload to pick up the new code.
		blocking(_current, _blocked, event) {
			(event.target as IDBDatabase).close();
		}
	});
}
