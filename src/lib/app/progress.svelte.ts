import { untrack } from 'svelte';
import { version } from '$app/environment';
import { fromPosted, goalFromHistory, historyEndingOn, summarize, type DayOf, type GameSummary, type GoalChange, type QuestionRef, type RoundResult, type StudyStats, type Summary, type SummaryInputs } from '$lib/game';
import { DEFAULT_SETTINGS, effectiveRecords, withCurrentZone, type Review, type ReviewKind, type ReviewRating, type Settings } from '$lib/progress';
import type { ClassBook } from '$lib/classroom';
import { buildSchedule, sameWeights, type ItemState } from '$lib/srs';
import * as store from '$lib/store';
import type { ImportResult, Job, Persistence, ProgressDB, ScheduleChange, StorageFailure, StoredTotals } from '$lib/store';
import { buildCatalog, dashboard, type Catalog } from '$lib/study';
import { bank as questionBank } from './bank';
import { isWorkerError } from '$lib/workers/call';
import { applyTheme } from '$lib/components/theme';
import { tabClassBook } from './classes';
import { DayClock } from './clock';
import { GameClient } from './game-client';
import { Outbox } from './outbox';
import { loadTotals, mergeById, quickSummary } from './running-totals';
import { autoSuspension, isAutoSuspension } from './card-controls';
import { applyChange, foldLocal } from './schedule-view';
import { TabSync, type TabMessage } from './tab-sync';

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
	/** i16: a quiz answered by typing, the text typed. */
	typed?: string;
}
export interface JobStatus {
	kind: Job['kind'] | 'load';
	/** 0–1. */
	fraction: number;
}

const DAY = 86_400_000;
/** Above this many reviews the achievements are summed up in the game worker and caches rebuilt in the jobs worker (a log this size replays in ~10 ms). */
const BIG_LOG = 2_000;
function deviceZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
}
const tabId = globalThis.crypto?.randomUUID?.() ?? String(Math.random());
const storageOrNull = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * The app's one view of the learner's progress, for every page: the review log (IndexedDB), the
 * settings and the question bank; everything else derives from them. Opening never reads the whole
 * log: the schedule comes from the store's cache, XP, streak, quests and statistics from the running
 * totals plus the last days; the whole log follows in slices for achievements and challenge bests.
 * Answers storage cannot take wait in the outbox and are saved, in order, by the next write.
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
	#dayClock = $derived(new DayClock(this.settings.zones));
	/** The local day of an instant, in the zone the learner was in then (the one clock, see DayClock). */
	dayOf = $derived<DayOf>(this.#dayClock.dayOf);
	/** Flashcards first scheduled on the learner's today: the new-card quota used. */
	introducedToday = $derived(this.#dayClock.introducedOn(this.schedule, this.catalog?.flashcardFamilies, this.clock));
	#totals = $state.raw<StoredTotals | null>(null);
	#quick = $derived(this.#totals && quickSummary(this.#totals, this.recent, { now: this.clock, dayOf: this.dayOf, goal: goalFromHistory(this.#goalHistory(this.clock)) }));
	#workerFailed = $state(false);
	#fromWorker = $state.raw<Summary | null>(null);
	/** A big log is summed up by the game worker, which reads it from IndexedDB itself: the page never holds it. */
	#inWorker = $derived(this.reviewCount > BIG_LOG && !!this.#db && !this.#workerFailed);
	/** Moves on with every change to the stored log: the worker's summary is asked for again. */
	#logVersion = $state(0);
	#full = $derived<Summary | null>(this.#inWorker ? this.#fromWorker : this.#summarize());
	/** XP, level, goal, streak and quests from the running totals; achievements from the whole log once it is in. */
	game = $derived<GameSummary | null>(this.#quick ? { ...this.#quick.game, achievements: this.#full?.game.achievements ?? [] } : (this.#full?.game ?? null));
	stats = $derived<StudyStats | null>(this.#quick?.stats ?? this.#full?.stats ?? null);
	/** Finished challenge rounds (personal bests), once the whole-log summary is in. */
	rounds = $derived<RoundResult[]>(this.#full?.rounds ?? []);

	#loading: Promise<void> | null = null;
	#outbox = new Outbox(storageOrNull(), tabId);
	#tabs: TabSync | null = null;
	#game = new GameClient();
	#classBook: ClassBook | null = null;
	/** Each item's state before an answer of this page's life: undo without the log when storage fails. */
	#before = new Map<string, ItemState | undefined>();
	/** Answers whose achievements wait for the worker's summary (see `recorded`). */
	#unannounced = 0;

	constructor() {
		$effect.root(() => {
			$effect(() => {
				const inputs = this.#inWorker ? this.#summaryInputs() : null;
				void this.#logVersion;
				if (inputs) untrack(() => void this.#askWorker(inputs));
			});
			// Tests (and the bench) see when the figures that need the whole log are in.
			$effect(() => {
				if (this.#full) document.documentElement.dataset.log = 'loaded';
			});
		});
	}

	/** What the summary needs besides the log, once the whole log is in. */
	#summaryInputs(): SummaryInputs | null {
		const catalog = this.catalog;
		if (!this.ready || !catalog || !(this.logLoaded || this.#inWorker)) return null;
		const now = this.clock;
		const { mastery } = dashboard(catalog, this.schedule, this.recent, now, this.settings.dailyNew, this.introducedToday, this.dayOf);
		// Only the settings' parts are reactive proxies to copy; the bank is raw and large (copying it cost ~100 ms an answer).
		const zones = $state.snapshot(this.settings.zones);
		const goalHistory = $state.snapshot(this.#goalHistory(now));
		return { now, zones, goalHistory, questions: catalog.data.questions, topics: catalog.data.topics, mastery };
	}

	#summarize(): Summary | null {
		const inputs = this.logLoaded ? this.#summaryInputs() : null;
		return inputs && summarize(this.reviews, inputs);
	}

	async #askWorker(inputs: SummaryInputs) {
		try {
			const posted = await this.#game.summarize(inputs);
			if (!posted || !this.catalog) return;
			this.#fromWorker = fromPosted(posted, this.catalog.data.topics);
			// The summary and the answers it includes arrive together, so their achievements can be celebrated.
			this.recorded += this.#unannounced;
			this.#unannounced = 0;
		} catch (e) {
			// A worker that cannot start (a blocked script): the summary is computed here instead.
			if (isWorkerError(e)) {
				this.#workerFailed = true;
				void this.loadLog();
			} else this.#failed(e);
		}
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
		} else {
			this.reviews = this.recent = [...this.#outbox.pending];
			this.reviewCount = this.#outbox.size;
			this.schedule = buildSchedule(this.reviews, this.settings.retention, this.settings.weights);
		}
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

	/** Schedule (from the cache, rebuilt if stale), the last two days of the log and its size. */
	async #readView(db: ProgressDB) {
		const { retention, weights } = this.settings;
		// The three reads go out together (each its own transaction), not one after another.
		const since = Math.min(Date.now() - 2 * DAY, this.#totals?.checkpoint ?? Infinity);
		const tail = Promise.all([store.reviewsSince(db, since), store.countReviews(db)]);
		tail.catch(() => {}); // awaited below
		let schedule = await store.readSchedule(db, retention, weights);
		// A small log (a new learner's: none) is replayed here at once; only a big one starts the jobs worker.
		if (!schedule && (await tail)[1] > BIG_LOG) await this.#run({ kind: 'rebuild', retention, weights: $state.snapshot(weights) });
		schedule ??= (await store.readSchedule(db, retention, weights)) ?? (await store.rebuildSchedule(db, retention, undefined, weights));
		const [recent, count] = await tail;
		this.schedule = foldLocal(schedule, this.#outbox.pending, retention, weights);
		this.recent = mergeById(recent, this.#outbox.pending);
		this.reviewCount = count + this.#outbox.size;
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

	#logRead: Promise<void> | null = null;
	/**
	 * The whole log, for the pages that need every record (the optimizer, the stored counts, the
	 * quiz's least-asked wording): read in slices, merged with anything answered meanwhile.
	 */
	loadLog(): Promise<void> {
		const db = this.#db;
		if (!db || this.logLoaded) return Promise.resolve();
		this.#logRead ??= store.readLogChunked(db).then((log) => {
			// Answers recorded meanwhile are in `recent` (the whole log as it was may be 200,000 records: not compared).
			this.reviews = mergeById(log, [...this.recent, ...this.#outbox.pending]);
			this.logLoaded = true;
			this.#logRead = null;
		});
		return this.#logRead;
	}

	/** Another tab wrote: take its reviews into the view, or re-read everything. */
	async #heard(message: TabMessage) {
		const db = this.#db;
		if (!db || this.storage === 'replaced') return;
		try {
			if (message.kind === 'appended') {
				this.recent = mergeById(this.recent, message.reviews);
				if (this.logLoaded) this.reviews = mergeById(this.reviews, message.reviews);
				const [schedule, count] = await Promise.all([store.readSchedule(db, this.settings.retention, this.settings.weights), store.countReviews(db)]);
				if (schedule) this.schedule = schedule;
				this.reviewCount = count + this.#outbox.size;
				this.#logVersion++;
			} else await this.#reread(db);
			this.clock = Math.max(this.clock, Date.now());
		} catch (e) {
			this.#failed(e);
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
		else if (wanted || this.reviewCount <= BIG_LOG) await this.loadLog();
		this.#logVersion++;
	}

	#failed(e: unknown) {
		if (this.storage !== 'replaced') this.storage = store.storageFailure(e);
		console.warn('storage failed', e);
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

	/** The goal history, made to end on the current setting (see historyEndingOn). */
	#goalHistory(now: number): readonly GoalChange[] {
		return historyEndingOn(this.settings.goalHistory, this.settings.goal, this.dayOf(now));
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

	/**
	 * Append one answer to the log, with anything still pending, in one transaction; if storage fails it
	 * waits in the outbox and `storage` says why. Never rejects, so pages await it without a catch.
	 */
	async record(answer: Answer, now = Date.now()): Promise<Review> {
		const review: Review = { id: crypto.randomUUID(), at: now, appVersion: version, ...answer };
		this.#before.set(review.id, this.schedule.get(review.itemId));
		this.#outbox.add(review);
		this.#show([review], await this.#flush());
		// XP, streak and quests are current at once; achievements from a worker follow (and celebrate) with its summary.
		if (!this.#inWorker || this.#quick) this.recorded++;
		if (this.#inWorker && this.#fromWorker) this.#unannounced++;
		// i16: an answer that made its item a leech suspends it, if the learner asked (see card-controls.ts).
		const suspension = autoSuspension(review, this.#before.get(review.id), this.schedule.get(review.itemId), this.settings);
		if (suspension) await this.record(suspension, now + 1);
		return review;
	}

	/** Try to save what is pending; the schedule change, or undefined when it stays in memory. */
	async #flush(): Promise<ScheduleChange | undefined> {
		const db = this.#db;
		try {
			if (!db || this.storage === 'replaced' || this.#outbox.size === 0) return undefined;
			const zones = $state.snapshot(this.settings.zones);
			let saved: Review[] = [];
			const change = await this.#outbox.flush((batch) => store.appendReviews(db, (saved = batch), { skipKnown: true, zones }));
			this.storage = null;
			this.#tabs?.tell({ kind: 'appended', reviews: saved });
			return change;
		} catch (e) {
			this.#failed(e);
			return undefined;
		} finally {
			this.pendingCount = this.#outbox.size;
		}
	}

	/** Show new records: in the log, the recent slice and the schedule (from the store's change, or folded here). */
	#show(added: Review[], change: ScheduleChange | undefined) {
		this.clock = Math.max(this.clock, ...added.map((r) => r.at));
		this.recent = [...this.recent, ...added];
		this.reviewCount += added.length;
		if (this.logLoaded) this.reviews = [...this.reviews, ...added];
		this.#logVersion++;
		this.schedule = change ? applyChange(this.schedule, change) : foldLocal(this.schedule, added, this.settings.retention, this.settings.weights);
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
				const { undone, record, change } = await store.undoLast(db, now, version);
				if (undone && record) {
					this.#show([record], change ?? this.#undoneState(undone));
					this.#tabs?.tell({ kind: 'changed' });
					// An undo behind the totals' checkpoint made the store drop them: rebuild.
					if (this.#totals && undone.at < this.#totals.checkpoint) await this.#readTotals(db);
				}
				return undone;
			} catch (e) {
				this.#failed(e);
			}
		}
		// In memory: undo the latest effective answer we know of, and save the undo with the rest later.
		const known = this.logLoaded ? this.reviews : this.recent;
		const undone = effectiveRecords(known).at(-1) ?? null; // controls are undoable too
		if (!undone) return null;
		const record: Review = { id: crypto.randomUUID(), itemId: undone.itemId, kind: 'undo', undoes: undone.id, durationMs: 0, at: now, appVersion: version };
		this.#outbox.add(record);
		this.pendingCount = this.#outbox.size;
		this.#show([record], this.#undoneState(undone, record));
		return undone;
	}

	/** The undone item's state without its last review: remembered from this page's life, or replayed from the log. */
	#undoneState(undone: Review, record?: Review): Map<string, ItemState | undefined> {
		if (this.#before.has(undone.id)) return new Map([[undone.itemId, this.#before.get(undone.id)]]);
		const log = [...(this.logLoaded ? this.reviews : this.recent).filter((r) => r.itemId === undone.itemId), ...(record ? [record] : [])];
		return new Map([[undone.itemId, buildSchedule(log, this.settings.retention, this.settings.weights).get(undone.itemId)]]);
	}

	async updateSettings(change: Partial<Settings>) {
		if (change.goal !== undefined && change.goal !== this.settings.goal && change.goalHistory === undefined) {
			// From today on: past days keep the goal they had (and the freezes they earned).
			const since = this.dayOf(Date.now());
			change = { ...change, goalHistory: [...this.settings.goalHistory.filter((c) => c.since !== since), { since, setting: change.goal }] };
		}
		const { retention, weights } = this.settings;
		this.settings = { ...this.settings, ...change };
		applyTheme(this.settings.theme);
		const rescheduled = this.settings.retention !== retention || !sameWeights(this.settings.weights, weights);
		const db = this.#db;
		if (!db) {
			// In memory only: the schedule is replayed from the answers of this visit.
			if (rescheduled) this.schedule = buildSchedule(this.reviews, this.settings.retention, this.settings.weights);
			return;
		}
		await store.saveSettings(db, $state.snapshot(this.settings));
		if (!sameWeights(this.settings.weights, weights)) {
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
		this.reviews = [];
		this.recent = [];
		this.schedule = new Map();
		this.reviewCount = 0;
		this.#logVersion++;
		await this.#readTotals(db);
		this.#tabs?.tell({ kind: 'changed' });
	}
}

export const progress = new Progress();
