import { version } from '$app/environment';
import type { DayOf, GameSummary, QuestionRef, RoundResult, StudyStats } from '$lib/features/game';
import { DEFAULT_SETTINGS, type Review, type Settings } from '$lib/core/log';
import type { ClassBook } from '$lib/features/classroom/book';
import type { ItemState } from '$lib/core/srs';
import * as store from '$lib/store';
import type { ImportResult, Persistence, ProgressDB, ScheduleChange, StorageFailure, StoredTotals } from '$lib/store';
import { buildCatalog, type Catalog } from '$lib/features/study/catalog';
import { bank as questionBank } from './bank';
import { applyTheme } from '$lib/app/theme';
import { afterNextPaint } from './after-paint';
import { recordAnswer, type Answer, type Recording } from './answer';
import { isAutoSuspension } from './card-controls';
import { classBookOf } from './classes';
import { DayClock } from './clock';
import { readWholeLog, replaySchedule, showAdded, showInMemory } from './log-view';
import { importBackup, rebuildForWeights, resetAll, runShown, showMerged, type Jobs, type JobStatus } from './long-jobs';
import { hearTab, openStored, openStoreOrNull, readStoredView, recordZone, settle } from './opening';
import { noteLearner, takeTabListener } from './learner';
import { markOpening, OPENING } from './opening-marks';
import { Outbox } from './outbox';
import { noteFailure, savePending } from './saving';
import { scheduleEffect, withGoalFromToday } from './settings-update';
import { SummaryView } from './summary-view.svelte';
import { TabSync, type TabMessage } from './tab-sync';
import { undoInMemory, undoSaved } from './undo';

export type { Answer } from './answer';
export type { JobStatus } from './long-jobs';

const tabId = globalThis.crypto?.randomUUID?.() ?? String(Math.random());
const storageOrNull = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * The app's one view of the learner's progress, for every page: the review log (IndexedDB), the
 * settings and the question bank; everything else derives from them. Opening never reads the whole
 * log: the schedule comes from the store's cache, XP, streak, quests and statistics from the running
 * totals plus the last days; the whole log follows in slices for achievements and challenge bests.
 * Answers storage cannot take wait in the outbox and are saved, in order, by the next write.
 * The parts: opening (what is read on open and again), log-view (what the page holds of the log),
 * saving, answer, undo, settings-update, long-jobs, and the game figures in summary-view (summed up
 * where summary-source says).
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
	#summary = new SummaryView(this, () => this.#totals, () => this.hasStore, (e) => noteFailure(this, e));

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
		show: (added, change) => showAdded(this, added, change, this.settings),
		announce: () => this.#summary.announce()
	};
	#jobs: Jobs = {
		view: this,
		outbox: this.#outbox,
		plain: () => $state.snapshot(this.settings),
		totals: () => this.#totals,
		keepTotals: (stored) => (this.#totals = stored),
		run: async (job) => runShown(this, this.#open(), job),
		flush: () => this.#flush(),
		loadLog: () => this.loadLog().catch((e: unknown) => noteFailure(this, e)),
		applyTheme,
		tell: (m) => this.#tabs?.tell(m)
	};

	/** Whether there is a store a worker can read the log from (not in a private window without IndexedDB). */
	get hasStore(): boolean {
		return this.#db !== null;
	}

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
		this.#db = await openStoreOrNull(() => (this.storage = 'replaced'));
		// Private modes and disabled storage: study on in memory, and say so.
		if (!this.#db) [this.storage, this.logLoaded] = ['unavailable', true];
		this.catalog = buildCatalog(await bank);
		const stashed = this.#outbox.recover();
		const db = this.#db;
		// Other tabs are heard from before the first read, so a write between it and TabSync is not lost.
		const listener = takeTabListener();
		if (!db) listener?.channel.close();
		// The running totals (XP, streak, quests) follow once the page is usable, read or rebuilt: taking
		// them first, in the same paint, put their read and fold (~30 ms of a cold open with five years of
		// log, 1,824 days) before the due counts (bare cold opens, ab.ts: storage step 58 -> 25 ms).
		if (db) ({ totals: storedTotals } = await openStored(this.#jobs, db, stashed));
		else showInMemory(this, this.#outbox, this.settings);
		markOpening(OPENING.read);
		this.pendingCount = this.#outbox.size;
		this.clock = Date.now();
		this.ready = true;
		// Lets tests (and curious users' devtools) see that progress has loaded.
		document.documentElement.dataset.ready = 'true';
		if (db) {
			void store.requestPersistence().then((p) => (this.persistence = p));
			// The mark a page reads before its first paint (early-redirect.js) follows the log.
			$effect.root(() => {
				$effect(() => noteLearner(this.reviewCount > 0));
			});
			this.#tabs = new TabSync((m) => this.#heard(m), listener);
			// The due counts are painted first: the layout's early read has the totals in memory by now,
			// and folding them (XP, streak, quests) in the same task held the counts' frame back ~12 ms.
			await afterNextPaint();
			await settle(this.#jobs, db, storedTotals);
		}
		new DayClock([]).watch(
			(now) => {
				this.clock = now;
				if (document.visibilityState === 'visible') void recordZone(this.#jobs, this.#db);
			},
			{ visibility: document, visible: () => document.visibilityState === 'visible' }
		);
	}

	/** The whole log, for the pages that need every record (the optimizer, the stored counts, the quiz's least-asked wording). */
	loadLog(): Promise<void> {
		const db = this.#db;
		if (!db || this.logLoaded) return Promise.resolve();
		// Cleared however it ends: a failed read is asked again next time, not answered with the old failure.
		this.#logRead ??= readWholeLog(db, this, this.#outbox).finally(() => void (this.#logRead = null));
		return this.#logRead;
	}

	/** Another tab wrote: take its reviews into the view, or re-read everything. */
	#heard(message: TabMessage) {
		const db = this.#db;
		if (db && this.storage !== 'replaced') void hearTab(this.#jobs, db, message).catch((e: unknown) => noteFailure(this, e));
	}

	/** The teacher's classes and results: in IndexedDB, or — where the browser allows none — kept for this tab (`classesInTab`). */
	get classroom(): ClassBook {
		if (!this.#db && !this.ready) throw new Error('progress is not loaded');
		return (this.#classBook ??= classBookOf(this.#db));
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
				return await undoSaved(this.#jobs, db, this.#recording.before, now, version);
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
		if (reweighted) await rebuildForWeights(this.#jobs, db);
		// The schedule depends on the retention and the weights: read (or rebuild) the cache for them.
		if (rescheduled) await readStoredView(this.#jobs, db);
	}

	/** The backup file, built off the main thread (progress in `job`). */
	async exportBlob(now = Date.now()): Promise<Blob> {
		return runShown(this, this.#open(), { kind: 'export', now });
	}

	/** Merge a backup file, off the main thread (progress in `job`); then re-read the view. */
	async importFile(file: Blob | string): Promise<ImportResult> {
		return importBackup(this.#jobs, this.#open(), file);
	}

	/** Merge another device's reviews (sync: src/lib/app/sync.svelte.ts) exactly as an import merges; the number added. Only merges: `refresh` shows them, once per pull. */
	async mergeSynced(reviews: Review[]): Promise<number> {
		return this.#db ? (await runShown(this, this.#db, { kind: 'merge', reviews })).added : 0;
	}

	/** The stored log from position `from` on and its length (sync pushes what came after its checkpoint). */
	logFrom(from: number): Promise<{ count: number; reviews: Review[] }> {
		return this.#db ? store.reviewsFrom(this.#db, from) : Promise.resolve({ count: this.reviews.length, reviews: this.reviews.slice(from) });
	}

	/** After a pull merged `added`: re-read the view (a log in memory takes them there, not read again) and tell the other tabs. */
	async refresh(added: Review[]): Promise<void> {
		if (this.#db) await showMerged(this.#jobs, this.#db, added);
	}

	/** Forget every record; settings stay. */
	async reset(): Promise<void> {
		await resetAll(this.#jobs, this.#open());
	}
}

export const progress = new Progress();
