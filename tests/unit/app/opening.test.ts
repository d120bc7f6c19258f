/**
 * Opening: settings, the device's zone, the answers a reload interrupted, then the view, with the
 * totals asked for last; and the re-read after another tab's change. Runs against the real store
 * (fake-indexeddb) with a fake clock.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BIG_LOG } from '../../../src/lib/app/summary-source';
import { hearTab, openStored, openStoreOrNull, readTotals, recordZone, reread, settle, type OpenView, type Reading } from '../../../src/lib/app/opening';
import { Outbox } from '../../../src/lib/app/outbox';
import { savePending } from '../../../src/lib/app/saving';
import { systemTimeZone as deviceZone } from '../../../src/lib/core/log/zone';
import { DEFAULT_SETTINGS, type Settings, type Theme } from '../../../src/lib/core/log';
import { appendReviews, loadSettings, openProgressDB, rebuildSchedule, rebuildTotals, saveSettings, type Job, type ProgressDB, type StoredTotals } from '../../../src/lib/store';
import { card, DAY, quiz, utc } from '../game/fixtures';

const now = utc(2026, 5, 10, 12);
const emptyView = (settings: Settings = { ...DEFAULT_SETTINGS }): OpenView => ({ reviews: [], logLoaded: false, recent: [], reviewCount: 0, schedule: new Map(), clock: 0, logVersion: 0, settings });

/** The facade's side, as plain data; `calls` names each step the facade was asked for, in order. */
function reading(db: ProgressDB | null, view = emptyView()) {
	const calls: string[] = [];
	const themes: Theme[] = [];
	const jobs: Job[] = [];
	let totals: StoredTotals | null = null;
	const outbox = new Outbox(null, 'tab');
	const r: Reading = {
		view,
		outbox,
		plain: () => structuredClone(view.settings),
		totals: () => totals,
		keepTotals: (stored) => void (totals = stored),
		run: async (job) => void jobs.push(job),
		flush: () => (calls.push('flush'), savePending({ storage: null, pendingCount: 0 }, db, outbox, () => view.settings.zones, () => {})),
		loadLog: async () => void calls.push('loadLog'),
		applyTheme: (theme) => void themes.push(theme)
	};
	return { r, calls, themes, jobs, totals: () => totals };
}

/** Which store reads begin a transaction, in order (the name of the store function on the stack). */
function watchReads() {
	const reads: string[] = [];
	const open = IDBDatabase.prototype.transaction;
	const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<typeof open>) {
		const name = /\b(reviewsSince|countReviews|readSchedule|readTotals|loadSettings|saveSettings|appendReviews)\b/.exec(new Error().stack ?? '')?.[1];
		if (name) reads.push(name);
		return open.apply(this, args);
	});
	return { reads, stop: () => spy.mockRestore() };
}

describe('opening', () => {
	beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now }));
	afterEach(() => void vi.useRealTimers());

	it('reads the settings (theme first), records the zone, saves what a reload left, then the view; the totals go out last', async () => {
		const db = await openProgressDB('opening-1');
		await saveSettings(db, { ...DEFAULT_SETTINGS, theme: 'dark' });
		await appendReviews(db, [card(now - 10 * DAY, 'card:old', 3), card(now - DAY, 'card:a', 3)]);
		await rebuildSchedule(db, DEFAULT_SETTINGS.retention); // a returning learner's cache
		const { r, calls, themes } = reading(db);
		const waiting = quiz(now - 1000);
		r.outbox.add(waiting);
		const watch = watchReads();
		const { totals } = await openStored(r, db, []);
		watch.stop();
		expect(themes).toEqual(['dark']);
		expect(r.view.settings.zones).toEqual([{ since: 0, timeZone: deviceZone() }]);
		expect((await loadSettings(db)).zones).toEqual([{ since: 0, timeZone: deviceZone() }]);
		// The outbox was written before the view was read: the count comes from the store.
		expect(calls).toEqual(['flush']);
		expect(r.outbox.size).toBe(0);
		expect(r.view.reviewCount).toBe(3);
		expect(r.view.recent.map((x) => x.itemId)).toEqual(['card:a', waiting.itemId]);
		expect([...r.view.schedule.keys()].sort()).toEqual(['card:a', 'card:old', waiting.itemId]);
		// The three reads of the view go out together, before the totals (measured: home is usable sooner).
		const opened = watch.reads.slice(watch.reads.indexOf('appendReviews') + 1);
		expect(opened).toEqual(['reviewsSince', 'countReviews', 'readSchedule', 'readTotals']);
		expect(await totals).toBeNull(); // none stored yet: readTotals rebuilds them
		db.close();
	});

	it('the totals: rebuilt when missing, their tail and the outbox in `recent`; trouble leaves the old ones', async () => {
		const db = await openProgressDB('opening-2');
		await appendReviews(db, [card(now - 10 * DAY, 'card:old', 3), card(now - 1000, 'card:a', 3)]);
		const { r, totals, jobs } = reading(db);
		const waiting = quiz(now);
		r.outbox.add(waiting);
		await readTotals(r, db);
		expect(totals()?.checkpoint).toBeGreaterThan(now - 10 * DAY);
		expect(r.view.recent.map((x) => x.itemId)).toEqual(['card:a', waiting.itemId]);
		expect(jobs).toEqual([]); // a small log is never handed to the jobs worker
		const kept = totals();
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		db.close();
		await readTotals(r, db); // every transaction now throws
		expect(totals()).toBe(kept);
	});

	it('a moved device records its zone from now on; without a store, for this visit only', async () => {
		const db = await openProgressDB('opening-3');
		const { r } = reading(db, emptyView({ ...DEFAULT_SETTINGS, zones: [{ since: 0, timeZone: 'Asia/Tokyo' }] }));
		await recordZone(r, db);
		expect(r.view.settings.zones).toEqual([{ since: 0, timeZone: 'Asia/Tokyo' }, { since: now, timeZone: deviceZone() }]);
		expect((await loadSettings(db)).zones).toEqual(r.view.settings.zones);
		const before = r.view.settings;
		await recordZone(r, db, now + DAY);
		expect(r.view.settings).toBe(before); // unchanged: nothing written
		const memory = reading(null, emptyView({ ...DEFAULT_SETTINGS, zones: [{ since: 0, timeZone: 'Asia/Tokyo' }] }));
		await recordZone(memory.r, null);
		expect(memory.r.view.settings.zones).toHaveLength(2);
		db.close();
	});

	it('reads everything again: another tab’s settings, and a pull’s records join a whole log already read', async () => {
		const db = await openProgressDB('opening-4');
		const stored = card(now - 5 * DAY, 'card:a', 3);
		await appendReviews(db, [stored]);
		await rebuildTotals(db, [], now);
		await saveSettings(db, { ...DEFAULT_SETTINGS, retention: 0.85 });
		const { r, calls } = reading(db);
		Object.assign(r.view, { reviews: [stored], logLoaded: true });
		const pulled = quiz(now - 1000);
		await appendReviews(db, [pulled]);
		await reread(r, db, [pulled]);
		expect(r.view.settings.retention).toBe(0.85);
		expect(r.view).toMatchObject({ logLoaded: true, reviewCount: 2, logVersion: 1 });
		expect(r.view.reviews.map((x) => x.id)).toEqual([stored.id, pulled.id]);
		expect(calls).toEqual([]); // the whole log was not read again
		// Without the records (another tab imported): a whole log that was read is read again.
		await reread(r, db);
		expect(calls).toEqual(['loadLog']);
		expect(r.view.logVersion).toBe(2);
		db.close();
	});

	it('reading again after an import does not wait for a big log: the whole log is read in the background', async () => {
		const db = await openProgressDB('opening-big');
		await appendReviews(db, Array.from({ length: BIG_LOG + 1 }, (_, i) => card(now - DAY + i, `card:${i % 40}`, 3)));
		await rebuildTotals(db, [], now);
		const { r } = reading(db);
		r.view.logLoaded = true; // a page that had the whole log
		let asked = false;
		r.loadLog = () => ((asked = true), new Promise<void>(() => {})); // 200,000 records still on their way
		await reread(r, db);
		expect(asked).toBe(true);
		expect(r.view).toMatchObject({ reviewCount: BIG_LOG + 1, logVersion: 1 });
		db.close();
	});

	it('another tab’s answers join the view; its other changes are read again', async () => {
		const db = await openProgressDB('opening-5');
		const theirs = card(now + 5000, 'card:b', 3);
		await appendReviews(db, [theirs]);
		const { r, calls } = reading(db);
		await hearTab(r, db, { kind: 'appended', reviews: [theirs] });
		expect(r.view).toMatchObject({ recent: [theirs], reviewCount: 1, clock: now, logVersion: 1 });
		await hearTab(r, db, { kind: 'changed' });
		expect(calls).toEqual(['loadLog']); // a small log is read whole
		db.close();
	});

	it('once usable: the totals asked for at open, then a small log read whole; a big one is left to the game worker', async () => {
		const db = await openProgressDB('opening-6');
		await appendReviews(db, [card(now - DAY, 'card:a', 3)]);
		const stored = await rebuildTotals(db, [], now);
		const small = reading(db);
		await settle(small.r, db, Promise.resolve(stored));
		expect(small.totals()).toEqual(stored);
		expect(small.calls).toEqual(['loadLog']);
		const big = reading(db, { ...emptyView(), reviewCount: 1_000_000 });
		await settle(big.r, db, Promise.resolve(stored));
		expect(big.calls).toEqual([]);
		db.close();
	});

	it('where the browser gives no IndexedDB, opening says so with null, never throws', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		expect(await openStoreOrNull(() => {})).toBeNull();
		open.mockRestore();
		const db = await openStoreOrNull(() => {});
		expect(db).not.toBeNull();
		db?.close();
	});
});
