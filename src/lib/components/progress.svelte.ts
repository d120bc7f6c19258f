import { version } from '$app/environment';
import { DEFAULT_SETTINGS, type Review, type ReviewKind, type ReviewRating, type Settings } from '$lib/progress';
import { buildSchedule } from '$lib/srs';
import {
	allReviews,
	appendReview,
	exportProgress,
	importProgress,
	loadSettings,
	openProgressDB,
	requestPersistence,
	resetProgress,
	saveSettings,
	undoLastReview,
	type ImportResult,
	type Persistence,
	type ProgressDB
} from '$lib/store';
import { buildCatalog, type Catalog, type StudyData } from '$lib/study';
import { applyTheme } from './theme';

export interface Answer {
	itemId: string;
	questionId?: string;
	kind: Exclude<ReviewKind, 'undo'>;
	rating?: ReviewRating;
	answer?: string[];
	correct?: boolean;
	durationMs: number;
	cram?: boolean;
}

/**
 * The app's one view of the learner's progress: the review log from IndexedDB, the settings and
 * the question bank. Everything else (schedule, due counts, mastery) is derived from these.
 */
class Progress {
	ready = $state(false);
	failure = $state<string | null>(null);
	reviews = $state.raw<Review[]>([]);
	settings = $state<Settings>({ ...DEFAULT_SETTINGS });
	catalog = $state.raw<Catalog | null>(null);
	persistence = $state<Persistence | 'unknown'>('unknown');
	schedule = $derived(buildSchedule(this.reviews, this.settings.retention));

	#db: ProgressDB | null = null;
	#loading: Promise<void> | null = null;

	/** Load once; every page awaits the same promise. */
	load(): Promise<void> {
		this.#loading ??= this.#load().catch((e: unknown) => {
			this.failure = e instanceof Error ? e.message : String(e);
		});
		return this.#loading;
	}

	async #load() {
		const [db, response] = await Promise.all([openProgressDB(), fetch('/data/bank.json')]);
		this.#db = db;
		const data = (await response.json()) as StudyData;
		this.catalog = buildCatalog(data);
		this.settings = await loadSettings(db);
		applyTheme(this.settings.theme);
		this.reviews = await allReviews(db);
		this.ready = true;
		// Lets tests (and curious users' devtools) see that progress has loaded.
		document.documentElement.dataset.ready = 'true';
		requestPersistence().then((p) => (this.persistence = p));
	}

	get db(): ProgressDB {
		if (!this.#db) throw new Error('progress is not loaded');
		return this.#db;
	}

	/** Append one answer or rating to the log: stored first, then shown. */
	async record(answer: Answer, now = Date.now()): Promise<Review> {
		const review: Review = { id: crypto.randomUUID(), at: now, appVersion: version, ...answer };
		await appendReview(this.db, review);
		this.reviews = [...this.reviews, review];
		return review;
	}

	/** Cancel the last review; the log keeps both records, the schedule forgets the rating. */
	async undo(now = Date.now()): Promise<Review | null> {
		const undone = await undoLastReview(this.db, now, version);
		this.reviews = await allReviews(this.db);
		return undone;
	}

	async updateSettings(change: Partial<Settings>) {
		this.settings = { ...this.settings, ...change };
		await saveSettings(this.db, $state.snapshot(this.settings));
		applyTheme(this.settings.theme);
	}

	async exportJson(now = Date.now()): Promise<string> {
		return JSON.stringify(await exportProgress(this.db, now), null, 1);
	}

	async importJson(text: string): Promise<ImportResult> {
		const result = await importProgress(this.db, text);
		if (result.ok) this.reviews = await allReviews(this.db);
		return result;
	}

	async reset() {
		await resetProgress(this.db);
		this.reviews = [];
	}
}

export const progress = new Progress();
