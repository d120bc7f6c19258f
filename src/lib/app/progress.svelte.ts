import { untrack } from 'svelte';
import { version } from '$app/environment';
import { DEFAULT_GOAL, fromPosted, roundsFromLog, summarize, type DayOf, type GameSummary, type QuestionRef, type RoundResult, type StudyStats, type Summary, type SummaryInputs, type TopicRef } from '$lib/game';
import { DEFAULT_SETTINGS, effectiveReviews, reviewProblem, withCurrentZone, type GoalChangeRecord, type Review, type ReviewKind, type ReviewRating, type Settings } from '$lib/progress';
import { memoryClassBook, type ClassBook, type ClassBookData } from '$lib/classroom';
import { buildSchedule, foldReview, isAfter, sameWeights, schedulerFor, type ItemState } from '$lib/srs';
import {
	appendReviews,
	countReviews,
	DB_NAME,
	loadSettings,
	openProgressDB,
	readLogChunked,
	readSchedule,
	rebuildSchedule,
	requestPersistence,
	resetProgress,
	reviewsSince,
	runJob,
	saveSettings,
	storageFailure,
	storedClassBook,
	undoLast,
	type ImportResult,
	type Job,
	type Persistence,
	type ProgressDB,
	type ScheduleChange,
	type StorageFailure
} from '$lib/store';
import { buildCatalog, dashboard, type Catalog, type StudyData } from '$lib/study';
import { DayClock } from './clock';
import { catchUp, type SummaryReply, type SummaryRequest } from './summary-protocol';
import { applyTheme } from '$lib/components/theme';

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

const DAY = 86_400_000;
/**
 * Above this many reviews the summary is computed in the game worker, started only then (a new
 * learner starts none). summarize() measured in Node on a shared 2-core machine: 1,000 reviews
 * 12 ms, 2,000 11 ms, 5,000 34–85 ms, 10,000 118 ms, 20,000 620 ms; a phone is some 3–4 times
 * slower, so beyond 2,000 an answer would cost the page more than a 50 ms task.
 */
const BIG_LOG = 2_000;
/**
 * Answers not yet in IndexedDB are mirrored here (one key per tab), so a reload — to take a new
 * version, or after a crash — does not lose them: the next start saves them.
 */
const STASH = 'tcp-quest:pending:';
const tabId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

function stash(reviews: Review[]) {
	try {
		if (reviews.length) localStorage.setItem(STASH + tabId, JSON.stringify(reviews));
		else localStorage.removeItem(STASH + tabId);
	} catch {
		// No local storage either: the answers live as long as the tab.
	}
}

/** Every tab's stashed answers (well-formed ones), and the keys they came from. */
function unstash(): { reviews: Review[]; keys: string[] } {
	const reviews: Review[] = [];
	const keys: string[] = [];
	try {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i);
			if (!key?.startsWith(STASH)) continue;
			keys.push(key);
			const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
			if (Array.isArray(value)) for (const r of value) if (reviewProblem(r) === null) reviews.push(r as Review);
		}
	} catch {
		// Unreadable: nothing to recover.
	}
	return { reviews, keys };
}

/** Without IndexedDB a teacher's classes live in the tab: session storage keeps them across its reloads. */
const TAB_CLASSES = 'tcp-quest:classes';

function tabClassBook(): ClassBook {
	let initial: ClassBookData | undefined;
	try {
		const data = JSON.parse(sessionStorage.getItem(TAB_CLASSES) ?? 'null') as ClassBookData | null;
		if (data && Array.isArray(data.classes) && Array.isArray(data.results)) initial = data;
	} catch {
		// No session storage either: the classes last as long as this page.
	}
	return memoryClassBook(initial, (data) => {
		try {
			sessionStorage.setItem(TAB_CLASSES, JSON.stringify(data));
		} catch {
			// As above.
		}
	});
}

/** Other tabs of the app hear about every write, so two open tabs never show a stale log. */
const CHANNEL = 'tcp-quest:progress';
type TabMessage = { kind: 'appended'; reviews: Review[] } | { kind: 'changed' };

export interface JobStatus {
	kind: Job['kind'] | 'load';
	/** 0–1. */
	fraction: number;
}

/**
 * The app's one view of the learner's progress: the review log from IndexedDB, the settings and
 * the question bank. Everything else (schedule, due counts, mastery) is derived from these.
 *
 * Opening is fast whatever the log's size: the schedule comes from the store's cache and "today"
 * from the last two days of the log; the whole log (for XP, streaks, achievements) follows in slices.
 * When storage fails (full, unavailable, replaced by a newer version) answers stay in memory as
 * `pending` and the next successful write saves them, in order, in one transaction.
 */
class Progress {
	ready = $state(false);
	failure = $state<string | null>(null);
	/** Storage trouble the learner must hear about; null when all is saved. */
	storage = $state<StorageFailure | null>(null);
	/** Answers not yet saved (storage full or unavailable). */
	pendingCount = $state(0);
	/** Long work under way (a progress bar shows it). */
	job = $state<JobStatus | null>(null);
	/** The whole log, once `logLoaded`; until then only `recent` and `reviewCount` are known. */
	reviews = $state.raw<Review[]>([]);
	logLoaded = $state(false);
	/** The log from two days back: enough for every "today" figure in any time zone. */
	recent = $state.raw<Review[]>([]);
	reviewCount = $state(0);
	settings = $state<Settings>({ ...DEFAULT_SETTINGS });
	catalog = $state.raw<Catalog | null>(null);
	persistence = $state<Persistence | 'unknown'>('unknown');
	schedule = $state.raw<Map<string, ItemState>>(new Map());
	/**
	 * The clock the game reads "today" from: moved on by every answer, on return to the tab and when
	 * the local day changes, so the summary is not recomputed every second.
	 */
	clock = $state(Date.now());
	/** Answers recorded in this page's life: a celebration only follows a new answer, never a load or import. */
	recorded = $state(0);
	/** The one clock every "today" comes from (the learner's zone history; see DayClock). */
	#dayClock = $derived(new DayClock(this.settings.zones));
	#dayOf = $derived<DayOf>(this.#dayClock.dayOf);
	/** Flashcards first scheduled on the learner's today: the new-card quota used. */
	introducedToday = $derived(this.#dayClock.introducedOn(this.schedule, this.catalog?.flashcardFamilies, this.clock));
	/** Finished challenge rounds, from the log (personal bests). */
	rounds = $derived<RoundResult[]>(roundsFromLog(this.reviews));
	/** XP, level, goal, streak, quests and achievements: all derived from the log (in a worker when it is big). */
	get game(): GameSummary | null {
		return (this.#inWorker ? this.#summaryAsync : this.#summarySync)?.game ?? null;
	}
	/** The statistics page's figures, once the whole log is in (from the worker with the summary when it is big). */
	get stats(): StudyStats | null {
		return (this.#inWorker ? this.#summaryAsync : this.#summarySync)?.stats ?? null;
	}
	/** The game worker starts only for a log this big, and is never retried once it failed to start. */
	#workerFailed = $state(false);
	#inWorker = $derived(this.reviews.length > BIG_LOG && !this.#workerFailed);
	#gameWorker: Worker | null = null;
	#summarySync = $derived<Summary | null>(this.#inWorker ? null : this.#summarize());
	#summaryAsync = $state.raw<Summary | null>(null);
	/** Answers whose celebration waits for the worker's summary (see `recorded`). */
	#unannounced = 0;

	#db: ProgressDB | null = null;
	#classBook: ClassBook | null = null;
	#loading: Promise<void> | null = null;
	#pending: Review[] = [];
	/** Each item's state before an answer of this page's life: undo without the log when storage fails. */
	#before = new Map<string, ItemState | undefined>();
	#channel: BroadcastChannel | null = null;
	/** The log as last handed to the game worker, and the latest request made of it. */
	#sent: Review[] = [];
	#gameRequest = 0;
	#posting: Promise<void> = Promise.resolve();

	constructor() {
		// Keep the worker's summary in step with everything the summary depends on.
		$effect.root(() => {
			$effect(() => {
				const inputs = this.#summaryInputs();
				if (!this.#inWorker || !inputs) return;
				untrack(() => this.#askGame(this.reviews, inputs));
			});
		});
	}

	/** What the summary needs besides the log, once the whole log is in. */
	#summaryInputs(): SummaryInputs | null {
		const catalog = this.catalog;
		if (!this.ready || !catalog || !this.logLoaded) return null;
		const now = this.clock;
		const { mastery } = dashboard(catalog, this.schedule, this.recent, now, this.settings.dailyNew, this.introducedToday, this.dayOf);
		return { now, zones: this.settings.zones, goalHistory: this.#goalHistory(now), questions: catalog.data.questions, topics: catalog.data.topics, mastery };
	}

	#summarize(): Summary | null {
		const inputs = this.#summaryInputs();
		return inputs && summarize(this.reviews, inputs);
	}

	#startGameWorker(): Worker | null {
		if (this.#gameWorker) return this.#gameWorker;
		try {
			this.#gameWorker = new Worker(new URL('./game.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			this.#workerFailed = true;
			return null;
		}
		this.#gameWorker.addEventListener('message', this.#gameArrived);
		// A worker that cannot start (a blocked script): the summary is computed here instead.
		this.#gameWorker.addEventListener('error', () => {
			this.#gameWorker?.terminate();
			this.#gameWorker = null;
			this.#sent = [];
			this.#workerFailed = true;
		});
		return this.#gameWorker;
	}

	/** Hand the worker what it lacks of the log (in slices), then ask for a summary; the latest answer wins. */
	#askGame(reviews: Review[], inputs: SummaryInputs) {
		const worker = typeof Worker === 'undefined' ? null : this.#startGameWorker();
		if (!worker) return void (this.#workerFailed = true);
		const id = ++this.#gameRequest;
		const messages = catchUp(this.#sent, reviews, { questions: inputs.questions as QuestionRef[], topics: inputs.topics as TopicRef[] });
		this.#sent = reviews;
		const { now, zones, goalHistory, mastery } = inputs;
		const request: SummaryRequest = { kind: 'summary', id, inputs: { now, zones: $state.snapshot(zones), goalHistory: $state.snapshot(goalHistory), mastery: [...mastery] } };
		this.#posting = this.#posting.then(async () => {
			for (const message of messages) {
				worker.postMessage(message);
				// Between slices of a big log the page gets a turn.
				if (message.kind === 'append') await new Promise((r) => setTimeout(r, 0));
			}
			worker.postMessage(request);
		});
	}

	#gameArrived = (event: MessageEvent<SummaryReply>) => {
		if (event.data.id !== this.#gameRequest || !this.catalog) return;
		this.#summaryAsync = fromPosted(event.data.result, this.catalog.data.topics);
		// The summary and the answers it includes arrive together, so a celebration can follow.
		this.recorded += this.#unannounced;
		this.#unannounced = 0;
	};

	/** Load once; every page awaits the same promise. */
	load(): Promise<void> {
		this.#loading ??= this.#load().catch((e: unknown) => {
			this.failure = e instanceof Error ? e.message : String(e);
		});
		return this.#loading;
	}

	async #load() {
		const bank = fetch('/data/bank.json').then((r) => r.json() as Promise<StudyData>);
		try {
			this.#db = await openProgressDB(DB_NAME, () => (this.storage = 'replaced'));
		} catch (e) {
			// Private modes and disabled storage: study on in memory, and say so.
			console.warn('IndexedDB unavailable', e);
			this.storage = 'unavailable';
			this.logLoaded = true;
		}
		this.catalog = buildCatalog(await bank);
		const stashed = unstash();
		this.#pending.push(...stashed.reviews.filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i));
		if (this.#db) {
			this.settings = await loadSettings(this.#db);
			applyTheme(this.settings.theme);
			await this.#recordZone();
			// Answers a reload interrupted (this tab's or another's) are saved first; each key is
			// dropped only once its answers are in the log.
			if (this.#pending.length) {
				await this.#flush();
				if (this.#pending.length === 0) for (const key of stashed.keys) localStorage.removeItem(key);
			}
			await this.#readView(this.#db);
			this.#foldLocal(this.#pending);
		} else {
			this.reviews = this.recent = [...this.#pending];
			this.reviewCount = this.#pending.length;
			this.schedule = buildSchedule(this.#pending, this.settings.retention, this.settings.weights);
		}
		this.clock = Date.now();
		this.ready = true;
		// Lets tests (and curious users' devtools) see that progress has loaded.
		document.documentElement.dataset.ready = 'true';
		if (this.#db) {
			requestPersistence().then((p) => (this.persistence = p));
			void this.#loadLog(this.#db);
			this.#listen();
		}
		this.#watchClock();
	}

	/** Schedule (from the cache, rebuilt if stale), today's slice of the log and its size. */
	async #readView(db: ProgressDB) {
		const { retention, weights } = this.settings;
		let schedule = await readSchedule(db, retention, weights);
		// A small log (a new learner's: none) is replayed here at once; only a big one starts the jobs worker.
		if (!schedule && (await countReviews(db)) <= BIG_LOG) schedule = await rebuildSchedule(db, retention, undefined, weights);
		if (!schedule) {
			await this.#run({ kind: 'rebuild', retention, weights });
			schedule = (await readSchedule(db, retention, weights)) ?? (await rebuildSchedule(db, retention, undefined, weights));
		}
		const [recent, count] = await Promise.all([reviewsSince(db, Date.now() - 2 * DAY), countReviews(db)]);
		this.schedule = schedule;
		this.recent = this.#withPending(recent);
		this.reviewCount = count + this.#pending.length;
	}

	/** The whole log in slices, merged with anything answered meanwhile. */
	async #loadLog(db: ProgressDB) {
		const log = await readLogChunked(db);
		const known = new Set(log.map((r) => r.id));
		const extra = [...this.reviews, ...this.#pending].filter((r) => !known.has(r.id));
		this.reviews = extra.length ? [...log, ...extra] : log;
		this.logLoaded = true;
		document.documentElement.dataset.log = 'loaded';
	}

	#withPending(log: Review[]): Review[] {
		const ids = new Set(log.map((r) => r.id));
		const missing = this.#pending.filter((r) => !ids.has(r.id));
		return missing.length ? [...log, ...missing] : log;
	}

	#listen() {
		if (typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = (event: MessageEvent<TabMessage>) => void this.#heard(event.data);
	}

	#tell(message: TabMessage) {
		this.#channel?.postMessage(message);
	}

	/** Another tab wrote: take its reviews into the view and re-read the schedule it updated. */
	async #heard(message: TabMessage) {
		const db = this.#db;
		if (!db || this.storage === 'replaced') return;
		try {
			if (message.kind === 'appended') {
				const fresh = message.reviews.filter((r) => !this.recent.some((x) => x.id === r.id));
				this.recent = [...this.recent, ...fresh];
				if (this.logLoaded) this.reviews = [...this.reviews, ...fresh.filter((r) => !this.reviews.some((x) => x.id === r.id))];
				const [schedule, count] = await Promise.all([readSchedule(db, this.settings.retention, this.settings.weights), countReviews(db)]);
				if (schedule) this.schedule = schedule;
				this.reviewCount = count + this.#pending.length;
			} else {
				// Settings too: another tab's new weights or retention must not be rebuilt away with ours.
				this.settings = await loadSettings(db);
				await this.#readView(db);
				await this.#loadLog(db);
			}
			this.clock = Math.max(this.clock, Date.now());
		} catch (e) {
			this.#failed(e);
		}
	}

	#failed(e: unknown) {
		const failure = storageFailure(e);
		if (this.storage !== 'replaced') this.storage = failure;
		console.warn('storage failed', e);
	}

	/** Run a long job with a visible progress figure. */
	async #run<J extends Job>(job: J) {
		this.job = { kind: job.kind, fraction: 0 };
		try {
			return await runJob(this.db, job, (fraction) => (this.job = { kind: job.kind, fraction }));
		} finally {
			this.job = null;
		}
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
		// The zones are read at each tick: a zone recorded meanwhile moves the day with the learner.
		const clock = new DayClock([]);
		clock.watch(
			(now) => {
				this.clock = now;
				if (document.visibilityState === 'visible') void this.#recordZone();
			},
			{ visibility: document, visible: () => document.visibilityState === 'visible' }
		);
		$effect.root(() => {
			$effect(() => {
				clock.zones = this.settings.zones;
			});
		});
	}

	/** The goal history, made to end on the current setting (a hand-edited or old record may not). */
	#goalHistory(now: number): GoalChangeRecord[] {
		const history = this.settings.goalHistory;
		const last = [...history].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).at(-1)?.setting ?? DEFAULT_GOAL;
		return last === this.settings.goal ? history : [...history, { since: this.dayOf(now), setting: this.settings.goal }];
	}

	/**
	 * The teacher's classes and collected results: in IndexedDB, or — where the browser allows none —
	 * kept for this tab (`classesInTab`), like answers are.
	 */
	get classroom(): ClassBook {
		if (this.#db) return (this.#classBook ??= storedClassBook(this.#db));
		if (!this.ready) throw new Error('progress is not loaded');
		return (this.#classBook ??= tabClassBook());
	}

	/** Classes last only as long as this tab (no IndexedDB; `#db` is settled before `ready` turns true). */
	get classesInTab(): boolean {
		return this.ready && !this.#db;
	}

	get db(): ProgressDB {
		if (!this.#db) throw new Error('progress is not loaded');
		return this.#db;
	}

	/**
	 * Append one answer or rating to the log. Saved together with anything still pending, in one
	 * transaction; when storage fails the answer is kept in memory and the session goes on.
	 */
	async record(answer: Answer, now = Date.now()): Promise<Review> {
		const review: Review = { id: crypto.randomUUID(), at: now, appVersion: version, ...answer };
		this.#before.set(review.id, this.schedule.get(review.itemId));
		this.#pending.push(review);
		const change = await this.#flush();
		this.#show([review], change);
		if (this.#inWorker) this.#unannounced++;
		else this.recorded++;
		return review;
	}

	/** Try to save what is pending; the schedule change, or undefined when it stays in memory. */
	async #flush(): Promise<ScheduleChange | undefined> {
		const db = this.#db;
		const batch = [...this.#pending];
		if (!db || this.storage === 'replaced' || batch.length === 0) {
			this.pendingCount = this.#pending.length;
			stash(this.#pending);
			return undefined;
		}
		// Stashed before the write: a tab closed or navigated away mid-write keeps the answer for next time.
		stash(batch);
		try {
			const change = await appendReviews(db, batch, { skipKnown: true });
			this.#pending = this.#pending.filter((r) => !batch.includes(r));
			this.storage = null;
			this.#tell({ kind: 'appended', reviews: batch });
			return change;
		} catch (e) {
			this.#failed(e);
			return undefined;
		} finally {
			this.pendingCount = this.#pending.length;
			stash(this.#pending);
		}
	}

	/** Show new records: in the log, today's slice and the schedule (from the store's change, or folded here). */
	#show(added: Review[], change: ScheduleChange | undefined) {
		const latest = Math.max(...added.map((r) => r.at));
		this.clock = Math.max(this.clock, latest);
		this.recent = [...this.recent, ...added];
		this.reviewCount += added.length;
		if (this.logLoaded) this.reviews = [...this.reviews, ...added];
		if (!change) return this.#foldLocal(added);
		// A fresh copy replaces the raw state whole: pages re-derive from the new identity.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const schedule = new Map(this.schedule);
		for (const [id, state] of change) {
			if (state) schedule.set(id, state);
			else schedule.delete(id);
		}
		this.schedule = schedule;
	}

	/** Fold answers that are not (yet) in the store's cache into the schedule shown. */
	#foldLocal(added: Review[]) {
		if (added.length === 0) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, as above
		const schedule = new Map(this.schedule);
		const scheduler = schedulerFor(this.settings.retention, this.settings.weights);
		for (const r of added) {
			const state = schedule.get(r.itemId);
			if (r.kind === 'undo' || (state && !isAfter(r, state))) continue;
			const next = foldReview(state, r, scheduler);
			if (next) schedule.set(r.itemId, next);
		}
		this.schedule = schedule;
	}

	/** Cancel the last review; the log keeps both records, the schedule forgets the rating. */
	async undo(now = Date.now()): Promise<Review | null> {
		await this.#flush();
		const db = this.#db;
		if (db && this.#pending.length === 0 && this.storage !== 'replaced') {
			try {
				const { undone, record, change } = await undoLast(db, now, version);
				if (undone && record) {
					this.#show([record], change ?? this.#undoneState(undone));
					this.#tell({ kind: 'changed' });
				}
				return undone;
			} catch (e) {
				this.#failed(e);
			}
		}
		// In memory: undo the latest effective answer we know of, and save the undo with the rest later.
		const known = this.logLoaded ? this.reviews : this.recent;
		const undone = effectiveReviews(known).at(-1) ?? null;
		if (!undone) return null;
		const record: Review = { id: crypto.randomUUID(), itemId: undone.itemId, kind: 'undo', undoes: undone.id, durationMs: 0, at: now, appVersion: version };
		this.#pending.push(record);
		this.pendingCount = this.#pending.length;
		stash(this.#pending);
		this.#show([record], this.#undoneState(undone, record));
		return undone;
	}

	/** The undone item's state without its last review: remembered from this page's life, or replayed from the log. */
	#undoneState(undone: Review, record?: Review): Map<string, ItemState | undefined> {
		if (this.#before.has(undone.id)) return new Map([[undone.itemId, this.#before.get(undone.id)]]);
		const log = [...this.reviews.filter((r) => r.itemId === undone.itemId), ...(record ? [record] : [])];
		return new Map([[undone.itemId, buildSchedule(log, this.settings.retention, this.settings.weights).get(undone.itemId)]]);
	}

	async updateSettings(change: Partial<Settings>) {
		if (change.goal !== undefined && change.goal !== this.settings.goal && change.goalHistory === undefined) {
			// From today on: past days keep the goal they had (and the freezes they earned).
			const since = this.dayOf(Date.now());
			const history: GoalChangeRecord[] = this.settings.goalHistory.filter((c) => c.since !== since);
			change = { ...change, goalHistory: [...history, { since, setting: change.goal }] };
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
		await saveSettings(db, $state.snapshot(this.settings));
		if (!sameWeights(this.settings.weights, weights)) {
			// New weights move every due date: the whole cache is replayed in the jobs worker, with progress.
			await this.#run({ kind: 'rebuild', retention: this.settings.retention, weights: $state.snapshot(this.settings.weights) });
			this.#tell({ kind: 'changed' });
		}
		// The schedule depends on the retention and the weights: read (or rebuild) the cache for them.
		if (rescheduled) await this.#readView(db);
	}

	/** The backup file, built off the main thread (progress in `job`). */
	async exportBlob(now = Date.now()): Promise<Blob> {
		return this.#run({ kind: 'export', now });
	}

	async exportJson(now = Date.now()): Promise<string> {
		return (await this.exportBlob(now)).text();
	}

	/** Merge a backup file, off the main thread (progress in `job`); then re-read the view. */
	async importFile(file: Blob | string): Promise<ImportResult> {
		const result = await this.#run({ kind: 'import', file });
		if (result.ok && result.added > 0) {
			await this.#readView(this.db);
			await this.#loadLog(this.db);
			this.#tell({ kind: 'changed' });
		}
		return result;
	}

	importJson(text: string): Promise<ImportResult> {
		return this.importFile(text);
	}

	async reset() {
		await resetProgress(this.db);
		this.reviews = [];
		this.recent = [];
		this.schedule = new Map();
		this.reviewCount = 0;
		this.#tell({ kind: 'changed' });
	}
}

export const progress = new Progress();
