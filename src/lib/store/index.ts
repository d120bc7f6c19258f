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
export { appendReview, allReviews, undoLastReview, resetProgress } from './reviews';
export { loadSettings, saveSettings } from './settings';
export { exportProgress, importProgress, type ImportResult } from './backup';
export { requestPersistence, type Persistence } from './persist';
export { saveClass, allClasses, getClass, deleteClass, addResults, classResults, deleteResult } from './classroom';
