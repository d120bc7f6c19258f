/** The only module that touches IndexedDB. */
export {
	DB_NAME,
	SCHEMA_VERSION,
	createSchemaV1,
	openProgressDB,
	type ProgressDB,
	type ProgressSchema,
	type ProgressSchemaV1
} from './db';
export {
	appendReviews,
	allReviews,
	countReviews,
	reviewsSince,
	reviewsFrom,
	undoLast,
	resetProgress,
	type ScheduleChange
} from './reviews';
export { readSchedule, rebuildSchedule, scheduleFromRead } from './schedule-cache';
export { readTotals, rebuildTotals, totalsFromRead, HOLD_MS, type StoredTotals } from './totals-cache';
export { readEarly, readOpening, takeEarlyRead, type OpeningRead, type OpeningRecords } from './opening-read';
export { readLogChunked, type Progress as JobProgress } from './log';
export { LogMirror } from './log-mirror';
export { loadSettings, saveSettings } from './settings';
export { exportParts, importProgress, type ImportResult } from './backup';
export { requestPersistence, type Persistence } from './persist';
export { storageFailure, type StorageFailure } from './errors';
export { runJob, type Job, type JobResult } from './jobs';
export { saveClass, allClasses, getClass, deleteClass, addResults, classResults, deleteResult, storedClassBook } from './classroom';
