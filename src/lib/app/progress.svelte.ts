import { version } from '$app/environment';
import type { DayOf, GameSummary, QuestionRef, RoundResult, StudyStats } from '$lib/features/game';
import { DEFAULT_SETTINGS, withCurrentZone, type Review, type Settings } from '$lib/core/log';
import type { ClassBook } from '$lib/features/classroom';
import type { ItemState } from '$lib/core/srs';
import * as store from '$lib/store';
import type { ImportResult, Job, Persistence, ProgressDB, ScheduleChange, StorageFailure, StoredTotals } from '$lib/store';
import { buildCatalog, type Catalog } from '$lib/features/study/catalog';
import { bank as questionBank } from './bank';
import { applyTheme } from '$lib/app/theme';
import { recordAnswer, type Answer, type Recording } from './answer';
import { isAutoSuspension } from './card-controls';
import { tabClassBook } from './classes';
import { DayClock } from './clock';
import { clearView, readView, readWholeLog, replaySchedule, showAdded, showInMemory, takeAppended } from './log-view';
import { Outbox } from './outbox';
import { loadTotals, mergeById } from './running-totals';
import { noteFailure, savePending } from './saving';
import { deviceZone, scheduleEffect, withGoalFromToday } from './settings-update';
import { BIG_LOG } from './summary-source';
import { SummaryView } from './summary-view.svelte';
import { TabSync, type TabMessage } from './tab-sync';
import { undoInMemory, undoStored } from './undo';

export type { Answer } from './answer';
export interface JobStatus {
	kind: Job['kind'] | 'load';
	/** 0–1. */
	fraction: number;
}

const tabId = globalThis.crypto?.randomUUID?.() ?? String(Math.random());
const storageOrNull = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * The app's one view of the learner's progress, for every page: the review log (IndexedDB), the
 * settings and the question bank; everything else derives from them. Opening never reads the whole
 * log: the schedule comes from the store's cache, XP, streak, quests and statistics from the running
 * totals plus the last days; the whole log follows in slices for achievements and challenge bests.
 * Answers storage cannot take wait in the outbox and are saved, in order, by the next write.
 * The parts: log-view (what the page holds of the log), saving, answer, undo, settings-update, and the
 * game figures in summary-view (summed up where summary-source says).
 */
class Progress {
	#db: ProgressDB | null = null;
	ready = $state(false);
	failure = $state<string | null>(null);
	/** Storage trouble the learner must hear about; null when all is saved. */
	storage = $state<StorageFailure | null>(null);
	pendingCount = $state(0);
	job = $state<JobStatus | null>(null);
	/** The whole log, once `logLoaded` (read at open for a small log, else when a page asks: `loadLog`); until then only `recent` and `reviewCount` are known. */
	reviews = $state.raw<Review[]>([]);
	logLoaded = $state(false);
	/** The log from the running totals' checkpoint (at least two days back): every "today" figure and the totals' tail. */
	recent = $state.raw<Review[]>([]);
	reviewCount = $state(0);
	settings = $state<Settings>({ ...DEFAULT_SETTINGS });
	/** Built over the bank's index: counts and plans; a session fetches its questions' words from `bank`. */
	catalog = $state.raw<Catalog<QuestionRef> | null>(null);
	persistence = $state<Persistence | 'unknown'>('unknown');
	schedule = $state.raw<Map<string, ItemState>>(new Map());
	/** "Now" for the game: moved on by answers, a return to the tab and a new day (not every second). */
	clock = $state(Date.now());
	/** Answers recorded in this page's life: a celebration only follows a new answer, never a load or import. */
	recorded = $state(0);
	/** Moves on with every change to the stored log (see log-view.ts); not for pages. */
	logVersion = $state(0);
	#dayClock = $derived(new DayClock(this.settings.zones));
	/** The local day of an instant, in the zone the learner was in then (the one clock, see DayClock). */
	dayOf = $derived<DayOf>(this.#dayClock.dayOf);
	/** Flashcards first scheduled on the learner's today: the new-card quota used. */
	introducedToday = $derived(this.#dayClock.introducedOn(this.schedule, this.catalog?.flashcardFamilies, this.clock));
	#totals = $state.raw<StoredTotals | null>(null);
	#summary = new SummaryView(this, () => this.#totals, () => !!this.#db, (e) => noteFailure(this, e));

	#loading: Promise<void> | null = null;
	#logRead: Promise<void> | null = null;
	#outbox = new Outbox(storageOrNull(), tabId);
	#tabs: TabSync | null = null;
	#classBook: ClassBook | null = null;
	#recording: Recording = {
		before: new Map(),
		stateOf: (itemId) => this.schedule.get(itemId),
		settings: () => this.settings,
		save: (review) => (this.#outbox.add(review), this.#flush()),
		show: (added, change) => this.#show(added, change),
		announce: () => this.#summary.announce()
	};

	/** XP, level, goal, streak and quests (at once, from the running totals); achievements once the whole log is summed up. */
	get game(): GameSummary | null {
		return this.#summary.game;
	}

	get stats(): StudyStats | null {
		return this.#summary.stats;
	}

	/** Finished challenge rounds (personal bests), once the whole-log summary is in. */
	get rounds(): RoundResult[] {
		return this.#summary.rounds;
	}

	/** Load once; every page awaits the same promise. */
	load(): Promise<void> {
		this.#loading ??= this.#load().catch((e: unknown) => void (this.failure = e instanceof Error ? e.message : String(e)));
		return this.#loading;
	}

	async #load() {
		const bank = questionBank.index();
		let storedTotals: Promise<StoredTotals | null> | undefined;
		try {
			this.#db = await store.openProgressDB(store.DB_NAME, () => (this.storage = 'replaced'));
		} catch (e) {
			// Private modes and disabled storage: study on in memory, and say so.
			console.warn('IndexedDB unavailable', e);
			this.storage = 'unavailable';
			this.logLoaded = true;
		}
		this.catalog = buildCatalog(await bank);
		const stashed = this.#outbox.recover();
		const db = this.#db;
		if (db) {
			this.settings = await store.loadSettings(db);
			applyTheme(this.settings.theme);
			await this.#recordZone();
			// Answers a reload interrupted (this tab's or another's) are saved first.
			if (this.#outbox.size && (await this.#flush()) !== undefined) this.#outbox.forget(stashed);
			// The totals are read beside the schedule, asked after it: IndexedDB answers in turn, and the
			// schedule makes the page usable. A rebuild of the totals, if they need one, waits until it is.
			const view = this.#readView(db);
			storedTotals = store.readTotals(db, $state.snapshot(this.settings.zones));
			await view;
		} else showInMemory(this, this.#outbox, this.settings);
		this.pendingCount = this.#outbox.size;
		this.clock = Date.now();
		this.ready = true;
		// Lets tests (and curious users' devtools) see that progress has loaded.
		document.documentElement.dataset.ready = 'true';
		if (db) {
			void store.requestPersistence().then((p) => (this.persistence = p));
			this.#tabs = new TabSync((m) => void this.#heard(m));
			await this.#readTotals(db, storedTotals);
			// A small log is summed up here (read at once); a big one in the game worker.
			if (this.reviewCount <= BIG_LOG) void this.loadLog();
		}
		new DayClock([]).watch(
			(now) => {
				this.clock = now;
				if (document.visibilityState === 'visible') void this.#recordZone();
			},
			{ visibility: document, visible: () => document.visibilityState === 'visible' }
		);
	}

	#readView(db: ProgressDB): Promise<void> {
		const { retention, weights } = this.settings;
		return readView(db, this, this.settings, this.#outbox, this.#totals?.checkpoint ?? Infinity, () => this.#run({ kind: 'rebuild', retention, weights: $state.snapshot(weights) }));
	}

	/** The running totals and the log since their checkpoint (rebuilt first if they do not match the log). */
	async #readTotals(db: ProgressDB, read?: Promise<StoredTotals | null>) {
		try {
			const { stored, tail } = await loadTotals(db, $state.snapshot(this.settings.zones), BIG_LOG, (job) => this.#run(job), read);
			this.recent = mergeById(mergeById(tail, this.recent.filter((r) => r.at >= stored.checkpoint)), this.#outbox.pending);
			this.#totals = stored;
		} catch (e) {
			console.warn('running totals unavailable', e);
		}
	}

	/** The whole log, for the pages that need every record (the optimizer, the stored counts, the quiz's least-asked wording). */
	loadLog(): Promise<void> {
		const db = this.#db;
		if (!db || this.logLoaded) return Promise.resolve();
		this.#logRead ??= readWholeLog(db, this, this.#outbox).then(() => void (this.#logRead = null));
		return this.#logRead;
	}

	/** Another tab wrote: take its reviews into the view, or re-read everything. */
	async #heard(message: TabMessage) {
		const db = this.#db;
		if (!db || this.storage === 'replaced') return;
		try {
			if (message.kind === 'appended') await takeAppended(db, this, message.reviews, this.settings, this.#outbox);
			else await this.#reread(db);
			this.clock = Math.max(this.clock, Date.now());
		} catch (e) {
			noteFailure(this, e);
		}
	}

	async #reread(db: ProgressDB, added?: Review[]) {
		// Settings too: another tab's new weights or retention must not be rebuilt away with ours.
		this.settings = await store.loadSettings(db);
		const wanted = this.logLoaded;
		const kept = wanted && added ? mergeById(this.reviews, added) : null;
		this.logLoaded = false;
		await this.#readView(db);
		await this.#readTotals(db);
		if (kept) [this.reviews, this.logLoaded] = [mergeById(kept, [...this.recent, ...this.#outbox.pending]), true];
		// A big log is read whole in the background: an import's report does not wait for 200,000 records.
		else if (this.reviewCount > BIG_LOG) {
			if (wanted) this.loadLog().catch((e: unknown) => noteFailure(this, e));
		} else await this.loadLog();
		this.logVersion++;
	}

	/** Run a long job with a visible progress figure. */
	async #run<J extends Job>(job: J) {
		this.job = { kind: job.kind, fraction: 0 };
		try {
			return await store.runJob(this.#open(), job, (fraction) => (this.job = { kind: job.kind, fraction }));
		} finally {
			this.job = null;
		}
	}

	/** Remember the device's time zone if it moved, so past reviews keep the days they were made on. */
	async #recordZone(now = Date.now()) {
		const zones = withCurrentZone(this.settings.zones, deviceZone(), now);
		if (zones === this.settings.zones) return;
		this.settings = { ...this.settings, zones };
		// Advisory: the zone is recorded again on the next start.
		await store.saveSettings(this.#open(), $state.snapshot(this.settings)).catch(() => {});
	}

	/** The teacher's classes and results: in IndexedDB, or — where the browser allows none — kept for this tab (`classesInTab`). */
	get classroom(): ClassBook {
		if (this.#db) return (this.#classBook ??= store.storedClassBook(this.#db));
		if (!this.ready) throw new Error('progress is not loaded');
		return (this.#classBook ??= tabClassBook());
	}

	/** Classes last only as long as this tab (no IndexedDB; settled before `ready` turns true). */
	get classesInTab(): boolean {
		return this.ready && !this.#db;
	}

	#open(): ProgressDB {
		if (!this.#db) throw new Error('progress is not loaded');
		return this.#db;
	}

	/** Append one answer to the log, with anything still pending, in one transaction; if storage fails it waits in the outbox and `storage` says why. Never rejects. */
	record(answer: Answer, now = Date.now()): Promise<Review> {
		return recordAnswer(this.#recording, answer, now, version);
	}

	#flush(): Promise<ScheduleChange | undefined> {
		return savePending(this, this.#db, this.#outbox, () => $state.snapshot(this.settings.zones), (m) => this.#tabs?.tell(m));
	}

	#show(added: Review[], change: ScheduleChange | undefined) {
		showAdded(this, added, change, this.settings);
	}

	/** Cancel the last review; the log keeps both records, the schedule forgets the rating. */
	async undo(now = Date.now()): Promise<Review | null> {
		const undone = await this.#undoOne(now);
		// i16: a leech's automatic suspension goes with the answer that caused it.
		return isAutoSuspension(undone) ? this.#undoOne(now) : undone;
	}

	async #undoOne(now: number): Promise<Review | null> {
		await this.#flush();
		const db = this.#db;
		if (db && this.#outbox.size === 0 && this.storage !== 'replaced') {
			try {
				const { undone, saved } = await undoStored(db, this, this.#recording.before, this.settings, now, version);
				if (undone && saved) {
					this.#tabs?.tell({ kind: 'changed' });
					// An undo behind the totals' checkpoint made the store drop them: rebuild.
					if (this.#totals && undone.at < this.#totals.checkpoint) await this.#readTotals(db);
				}
				return undone;
			} catch (e) {
				noteFailure(this, e);
			}
		}
		const undone = undoInMemory(this, this.#outbox, this.#recording.before, this.settings, now, version);
		this.pendingCount = this.#outbox.size;
		return undone;
	}

	async updateSettings(change: Partial<Settings>) {
		const before = this.settings;
		this.settings = { ...before, ...withGoalFromToday(before, change, () => this.dayOf(Date.now())) };
		applyTheme(this.settings.theme);
		const { reweighted, rescheduled } = scheduleEffect(before, this.settings);
		const db = this.#db;
		// In memory only: the schedule is replayed from the answers of this visit.
		if (!db) return void (rescheduled && replaySchedule(this, this.settings));
		await store.saveSettings(db, $state.snapshot(this.settings));
		if (reweighted) {
			// New weights move every due date: the whole cache is replayed in the jobs worker, with progress.
			await this.#run({ kind: 'rebuild', retention: this.settings.retention, weights: $state.snapshot(this.settings.weights) });
			this.#tabs?.tell({ kind: 'changed' });
		}
		// The schedule depends on the retention and the weights: read (or rebuild) the cache for them.
		if (rescheduled) await this.#readView(db);
	}

	/** The backup file, built off the main thread (progress in `job`). */
	exportBlob(now = Date.now()): Promise<Blob> {
		return this.#run({ kind: 'export', now });
	}

	/** Merge a backup file, off the main thread (progress in `job`); then re-read the view. */
	async importFile(file: Blob | string): Promise<ImportResult> {
		const result = await this.#run({ kind: 'import', file });
		if (result.ok && result.added > 0) {
			await this.#reread(this.#open());
			this.#tabs?.tell({ kind: 'changed' });
		}
		return result;
	}

	/** Merge another device's reviews (sync: src/lib/app/sync.svelte.ts) exactly as an import merges; the number added. Only merges: `refresh` shows them, once per pull. */
	async mergeSynced(reviews: Review[]): Promise<number> {
		return this.#db ? (await this.#run({ kind: 'merge', reviews })).added : 0;
	}

	/** After a pull merged `added`: re-read the view (a log in memory takes them there, not read again) and tell the other tabs. */
	async refresh(added: Review[]): Promise<void> {
		if (!this.#db || added.length === 0) return;
		await this.#reread(this.#db, added);
		this.#tabs?.tell({ kind: 'changed' });
	}

	async reset() {
		const db = this.#open();
		await store.resetProgress(db);
		clearView(this);
		await this.#readTotals(db);
		this.#tabs?.tell({ kind: 'changed' });
	}
}

export const progress = new Progress();
