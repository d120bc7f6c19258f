/**
 * Sync with the learner's own CouchDB (Settings → Sync), loaded only once sync is set up or opened.
 * New answers are cut into write-once batches of this device in a local PouchDB database, which
 * replicates both ways with the server; pulled batches are merged into the log as a backup import
 * merges (progress.mergeSynced), as they arrive, and the page's view follows once per pull (progress.refresh).
 * A checkpoint in the local copy (LogSync) lets a page load read neither every batch nor the whole log.
 * Live while online, retried with backoff, stopped by faults only the learner can fix (a wrong password).
 */
import { untrack } from 'svelte';
import { checkConfig, backoff } from '$lib/features/sync/config';
import { deviceOf, writeSettings, type DocDB } from '$lib/features/sync/engine';
import { LogSync } from '$lib/features/sync/log-sync';
import { reviewsOf } from '$lib/features/sync/batches';
import { applyShared, shared, SETTINGS_DOC, type SettingsDoc } from '$lib/features/sync/settings-doc';
import { faultOf, needsLearner, type SyncStatus } from '$lib/features/sync/status';
import type { Review } from '$lib/core/log';
import { progress } from './progress.svelte';
import { readSyncConfig, tellWorkerOrigin, writeSyncConfig, type StoredSync } from './sync-config';
import type { PouchInstance, Replication } from './sync-client';

const SEEN_DOC = '_local/settings-seen';
type Seen = { at: number; json: string };

/** True when the page's CSP already lets `connect-src` reach `origin` (the service worker adds it). */
function cspAllows(origin: string): boolean {
	const meta = document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content');
	if (!meta) return true;
	const connect = /connect-src([^;]*)/.exec(meta)?.[1] ?? '';
	return connect.split(/\s+/).includes(origin);
}

class Sync {
	status = $state<SyncStatus>({ kind: 'off' });
	/** Batches the server refused to take, or pulled batches this app refused to merge. */
	refused = $state(0);
	#client: typeof import('./sync-client') | null = null;
	#local: PouchInstance | null = null;
	#remote: PouchInstance | null = null;
	#rep: Replication | null = null;
	#device = '';
	/** The log and the local copy in step (pushes, merges and their checkpoint). */
	#log: LogSync | null = null;
	/** Merged reviews the page's view has not been refreshed with yet (see #refresh). */
	#merged: Review[] = [];
	#seen: Seen | null = null;
	#failures = 0;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#soon: ReturnType<typeof setTimeout> | undefined;
	#work: Promise<unknown> = Promise.resolve();
	#stopWatch: (() => void) | null = null;
	#config: StoredSync | null = null;

	get config(): StoredSync | null {
		return readSyncConfig();
	}

	/** Save a new config and start; false (with the reason in `status`) when the page must first reload for the CSP. */
	async configure(config: StoredSync): Promise<'started' | 'reload'> {
		const checked = checkConfig(config);
		if (!checked.ok) throw new Error(checked.error.en);
		await this.stop();
		writeSyncConfig({ ...checked.config, auto: config.auto });
		if (!cspAllows(checked.origin)) {
			if (await tellWorkerOrigin(checked.origin)) return 'reload';
			this.status = { kind: 'failed', why: 'csp' };
			return 'started';
		}
		await this.start();
		return 'started';
	}

	#starting: Promise<void> | null = null;

	/** Start from the stored config (a page load with sync set up, or "sync now"); a start already under way is joined, not run twice. */
	start(): Promise<void> {
		this.#starting ??= this.#start().finally(() => (this.#starting = null));
		return this.#starting;
	}

	async #start(): Promise<void> {
		const stored = readSyncConfig();
		const checked = stored && checkConfig(stored);
		if (!stored || !checked?.ok) return;
		this.#config = stored;
		if (!cspAllows(checked.origin)) {
			// The worker may have lost it (a cleared cache): tell it again; the next page load can connect.
			void tellWorkerOrigin(checked.origin);
			this.status = { kind: 'failed', why: 'csp' };
			return;
		}
		this.status = { kind: 'connecting' };
		try {
			this.#client ??= await import('./sync-client');
			// The log itself is not read: pushing reads only what came after the checkpoint (#pushLocal).
			await progress.load();
			this.#local ??= this.#client.openLocal();
			this.#remote = this.#client.openRemote(checked.dbUrl, stored);
			this.#device = await deviceOf(this.#local);
			// Batches pulled before a cut (or a closed tab) that never reached the log are merged first; merged ones are not read.
			const log = new LogSync(this.#local, this.#device, { from: (n) => progress.logFrom(n), merge: (pulled) => this.#mergeIntoLog(pulled) });
			await log.open();
			this.#log = log;
			await this.#merge([], []);
			this.#seen = await this.#local.get(SEEN_DOC).then((d) => d as unknown as Seen, () => null);
			await this.#pushLocal();
			this.#watch();
			this.#replicate();
		} catch (e) {
			this.#failed(e);
		}
	}

	/** "Sync now": write what is new and replicate at once, whatever the backoff. */
	async now(): Promise<void> {
		if (!this.#local) return this.start();
		clearTimeout(this.#retry);
		this.#failures = 0;
		await this.#pushLocal();
		this.#replicate();
	}

	async stop(): Promise<void> {
		clearTimeout(this.#retry);
		clearTimeout(this.#soon);
		this.#rep?.cancel();
		this.#rep = null;
		this.#stopWatch?.();
		this.#stopWatch = null;
		if (typeof window !== 'undefined') window.removeEventListener('online', this.#online);
		await this.#work.catch(() => undefined);
		this.status = { kind: 'off' };
	}

	/** Stop and forget: the config, the local copy (a later start is a new device) and the CSP's origin. The log keeps every answer. */
	async forget(): Promise<void> {
		await this.stop();
		writeSyncConfig(null);
		const local = this.#local;
		this.#local = null;
		this.#remote = null;
		this.#seen = null;
		this.#log = null;
		this.#merged = [];
		await local?.destroy().catch(() => undefined);
		// Never started in this page: the local copy is deleted without loading PouchDB.
		if (!local) indexedDB.deleteDatabase('_pouch_tcp-quest-sync');
		await tellWorkerOrigin(null);
		this.refused = 0;
	}

	#online = () => void this.now();

	#watch() {
		if (this.#stopWatch) return;
		window.addEventListener('online', this.#online);
		this.#stopWatch = $effect.root(() => {
			$effect(() => {
				void progress.reviewCount;
				void JSON.stringify(shared(progress.settings));
				untrack(() => {
					clearTimeout(this.#soon);
					this.#soon = setTimeout(() => void this.#pushLocal().catch((e: unknown) => this.#failed(e)), 150);
				});
			});
		});
	}

	/**
	 * New answers into batches (replicated by the live sync), and a settings change into the settings
	 * document. Only the log after the checkpoint's `count` is read: every record before it is in a batch.
	 */
	#pushLocal(): Promise<unknown> {
		return this.#serial(async () => {
			const local = this.#local;
			if (!local || !this.#log) return;
			await this.#log.push();
			const json = JSON.stringify(shared(progress.settings));
			if (json !== this.#seen?.json) {
				// Before the first sync the server's settings win: this device's are only defaults or older.
				const mine = { updatedAt: this.#seen ? Date.now() : 0, device: this.#device, settings: shared(progress.settings) };
				await this.#adopt(await writeSettings(local, mine));
			}
		});
	}

	#replicate() {
		const { local, remote } = { local: this.#local, remote: this.#remote };
		if (!local || !remote || !this.#config) return;
		this.#rep?.cancel();
		const live = this.#config.auto;
		// Batches are ~100 KB: 200 per request (measured faster than 50, 100 or 400) and two in flight; a first pull of 400 is two round trips.
		const rep = local.sync(remote, { live, retry: false, batch_size: 200, batches_limit: 2 });
		this.#rep = rep;
		const mine = () => this.#rep === rep;
		rep.on('active', () => mine() && (this.status = { kind: 'syncing', pulled: 0 }))
			.on('change', (info) => {
				const { direction, change } = info as { direction: string; change: { docs: unknown[] } };
				if (!mine() || direction !== 'pull') return;
				const { reviews, refused, batches } = reviewsOf(change.docs);
				this.refused += refused.length;
				if (batches.length) void this.#merge(reviews, batches);
				if (change.docs.some((d) => (d as { _id?: string })._id === SETTINGS_DOC)) void this.#serial(async () => local && this.#adopt(await writeSettings(local, null)));
			})
			.on('denied', () => mine() && this.refused++)
			.on('paused', (err) => mine() && !err && this.#done())
			.on('complete', () => mine() && !live && this.#done())
			.on('error', (err) => mine() && this.#failed(err));
	}

	/** Every pulled review is in the log: synced. The page's view follows (a first sync's running totals are rebuilt, a job of its own). */
	async #done() {
		await this.#work.catch(() => undefined);
		// The checkpoint takes the pulled batches now, not at the next answer (nor after the view's refresh, which may rebuild the totals): the next page load reads none of them.
		void this.#pushLocal().catch(() => undefined);
		void this.#refresh().catch(() => undefined);
		this.#failures = 0;
		this.status = { kind: 'synced', at: Date.now() };
	}

	#failed(error: unknown) {
		void this.#refresh().catch(() => undefined);
		console.warn('sync failed', error instanceof Error ? error.message : (error as { status?: number })?.status);
		const why = faultOf(error, navigator.onLine);
		this.#rep?.cancel();
		this.#rep = null;
		if (needsLearner(why)) {
			this.status = { kind: 'failed', why };
			return;
		}
		const delay = backoff(this.#failures++);
		this.status = { kind: 'waiting', retryAt: Date.now() + delay, why };
		clearTimeout(this.#retry);
		// Offline: the `online` event restarts it; the timer is the fallback where that event is unreliable.
		this.#retry = setTimeout(() => void this.now(), delay);
	}

	/**
	 * Pulled reviews into the log (merged by id, as an import merges), one merge at a time. What
	 * arrives while a merge runs waits and goes in with the next one, so a first sync's many pulled
	 * batches are a few merges, not one per replication step. The page's view follows at the end.
	 */
	#merge(reviews: Review[], batches: string[]): Promise<unknown> {
		this.#log?.queue(reviews, batches);
		return this.#serial(async () => this.#log?.mergeQueued());
	}

	/** Into the store's log (the jobs worker's merge); what it added waits for the page's view in #merged. */
	async #mergeIntoLog(pulled: Review[]) {
		const have = new Set((progress.logLoaded ? progress.reviews : progress.recent).map((r) => r.id));
		const missing = pulled.filter((r) => !have.has(r.id));
		if (missing.length && (await progress.mergeSynced(missing)) > 0) for (const r of missing) this.#merged.push(r);
	}

	/** Once per pull (done or cut short): the page's view takes what was merged since the last time. */
	#refresh(): Promise<unknown> {
		return this.#serial(async () => {
			const merged = this.#merged;
			this.#merged = [];
			await progress.refresh(merged);
		});
	}

	/** Take the winning settings document: apply it here if it is not what this device has. */
	async #adopt(winner: SettingsDoc | null) {
		const local = this.#local;
		if (!winner || !local) return;
		const json = JSON.stringify(winner.settings);
		if (json !== JSON.stringify(shared(progress.settings))) await progress.updateSettings(applyShared($state.snapshot(progress.settings), winner.settings));
		const seen: Seen = { at: winner.updatedAt, json: JSON.stringify(shared(progress.settings)) };
		const old = await (local as DocDB).get(SEEN_DOC).catch(() => null);
		await local.put({ _id: SEEN_DOC, ...(old?._rev ? { _rev: old._rev } : {}), ...seen });
		this.#seen = seen;
	}

	#serial<T>(step: () => Promise<T>): Promise<T> {
		const next = this.#work.then(step, step);
		this.#work = next.catch(() => undefined);
		return next;
	}
}

export const sync = new Sync();
