import { version } from '$app/environment';
import { DEFAULT_GOAL, dayInZones, gameSummary, goalFromHistory, roundsFromLog, type DayOf, type GameSummary, type RoundResult } from '$lib/game';
import { DEFAULT_SETTINGS, localDay, withCurrentZone, type GoalChangeRecord, type Review, type ReviewKind, type ReviewRating, type Settings } from '$lib/progress';
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
import { buildCatalog, dashboard, type Catalog, type StudyData } from '$lib/study';
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
	/** The quiz, challenge round or session it belongs to, e.g. `challenge:mixed:<uuid>`. */
	session?: string;
}

/** The device's IANA time zone, or UTC if the runtime will not say. */
function deviceZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
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
	/**
	 * The clock the game reads "today" from: moved on by every answer, on return to the tab and when
	 * the local day changes, so the summary is not recomputed every second.
	 */
	clock = $state(Date.now());
	/** Answers recorded in this page's life: a celebration only follows a new answer, never a load or import. */
	recorded = $state(0);
	#dayOf = $derived<DayOf>(this.settings.zones.length > 0 ? dayInZones(this.settings.zones) : localDay);
	/** Finished challenge rounds, from the log (personal bests). */
	rounds = $derived<RoundResult[]>(roundsFromLog(this.reviews));
	/** XP, level, goal, streak, quests and achievements: all derived from the log. */
	game = $derived<GameSummary | null>(this.#game());

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
		await this.#recordZone();
		this.reviews = await allReviews(db);
		this.clock = Date.now();
		this.ready = true;
		// Lets tests (and curious users' devtools) see that progress has loaded.
		document.documentElement.dataset.ready = 'true';
		requestPersistence().then((p) => (this.persistence = p));
		this.#watchClock();
	}

	/** The local day of an instant, in the zone the learner was in then (see `dayInZones`). */
	get dayOf(): DayOf {
		return this.#dayOf;
	}

	/** Remember the device's time zone if it moved, so past reviews keep the days they were made on. */
	async #recordZone(now = Date.now()) {
		const zones = withCurrentZone(this.settings.zones, deviceZone(), now);
		if (zones === this.settings.zones) return;
		this.settings = { ...this.settings, zones };
		try {
			await saveSettings(this.db, $state.snapshot(this.settings));
		} catch {
			// Advisory: the zone is recorded again on the next start.
		}
	}

	#watchClock() {
		const tick = () => {
			const now = Date.now();
			if (this.dayOf(now) !== this.dayOf(this.clock)) this.clock = now;
		};
		setInterval(tick, 60_000);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState !== 'visible') return;
			this.clock = Date.now();
			void this.#recordZone();
		});
	}

	/** The goal history, made to end on the current setting (a hand-edited or old record may not). */
	#goalHistory(now: number): GoalChangeRecord[] {
		const history = this.settings.goalHistory;
		const last = [...history].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).at(-1)?.setting ?? DEFAULT_GOAL;
		return last === this.settings.goal ? history : [...history, { since: this.dayOf(now), setting: this.settings.goal }];
	}

	#game(): GameSummary | null {
		const catalog = this.catalog;
		if (!this.ready || !catalog) return null;
		const now = this.clock;
		const { mastery } = dashboard(catalog, this.schedule, this.reviews, now, this.settings.dailyNew);
		return gameSummary(this.reviews, {
			now,
			dayOf: this.dayOf,
			goal: goalFromHistory(this.#goalHistory(now)),
			questions: catalog.data.questions,
			topics: catalog.data.topics,
			mastery,
			rounds: this.rounds
		});
	}

	get db(): ProgressDB {
		if (!this.#db) throw new Error('progress is not loaded');
		return this.#db;
	}

	/** Append one answer or rating to the log: stored first, then shown. */
	async record(answer: Answer, now = Date.now()): Promise<Review> {
		const review: Review = { id: crypto.randomUUID(), at: now, appVersion: version, ...answer };
		await appendReview(this.db, review);
		this.clock = Math.max(this.clock, now);
		this.reviews = [...this.reviews, review];
		this.recorded++;
		return review;
	}

	/** Cancel the last review; the log keeps both records, the schedule forgets the rating. */
	async undo(now = Date.now()): Promise<Review | null> {
		const undone = await undoLastReview(this.db, now, version);
		this.reviews = await allReviews(this.db);
		return undone;
	}

	async updateSettings(change: Partial<Settings>) {
		if (change.goal !== undefined && change.goal !== this.settings.goal && change.goalHistory === undefined) {
			// From today on: past days keep the goal they had (and the freezes they earned).
			const since = this.dayOf(Date.now());
			const history: GoalChangeRecord[] = this.settings.goalHistory.filter((c) => c.since !== since);
			change = { ...change, goalHistory: [...history, { since, setting: change.goal }] };
		}
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
