/**
 * The layout's early read (store/opening-read.ts): started beside the database's open before the
 * app layer has loaded, in one transaction, and taken by the facade's open instead of reading again,
 * unless a write came between. Real store (fake-indexeddb), fake clock; each test loads the modules
 * afresh, as a page does, since the early read happens once per page.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/lib/app/outbox';
import { savePending } from '../../../src/lib/app/saving';
import { DEFAULT_SETTINGS, type Review, type Settings, type Theme } from '../../../src/lib/core/log';
import { systemTimeZone } from '../../../src/lib/core/log/zone';
import { appendReviews, DB_NAME, openProgressDB, rebuildSchedule, rebuildTotals, saveSettings, type ProgressDB, type StoredTotals } from '../../../src/lib/store';
import { card, DAY, quiz, utc } from '../game/fixtures';

const now = utc(2026, 5, 10, 12);
const zones = [{ since: 0, timeZone: systemTimeZone() }];
const log: Review[] = [card(now - 10 * DAY, 'card:old', 3), card(now - DAY, 'card:a', 1), quiz(now - 1000)];

beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now }));
afterEach(async () => {
	vi.useRealTimers();
	await new Promise((done) => (indexedDB.deleteDatabase(DB_NAME).onsuccess = done));
});

/** A returning learner's database: the log, its schedule cache and totals, settings in the device's zone (opening writes nothing). */
async function seed({ schedule = true } = {}): Promise<void> {
	const db = await openProgressDB(DB_NAME);
	await saveSettings(db, { ...DEFAULT_SETTINGS, theme: 'dark', zones });
	await appendReviews(db, log);
	if (schedule) await rebuildSchedule(db, DEFAULT_SETTINGS.retention);
	await rebuildTotals(db, zones, now);
	db.close();
}

/** A page's modules, loaded afresh: the facade's opening and the store it reads (with the early read's state). */
async function page() {
	vi.resetModules();
	const opening = await import('../../../src/lib/app/opening');
	const store = await import('../../../src/lib/store');
	return { opening, store };
}

/** The facade's side, as plain data (see opening.test.ts). */
function reading(db: ProgressDB) {
	const themes: Theme[] = [];
	const outbox = new Outbox(null, 'tab');
	const view = { reviews: [], logLoaded: false, recent: [] as Review[], reviewCount: 0, schedule: new Map(), clock: 0, logVersion: 0, settings: { ...DEFAULT_SETTINGS } as Settings };
	let totals: StoredTotals | null = null;
	return {
		themes,
		view,
		outbox,
		plain: () => structuredClone(view.settings),
		totals: () => totals,
		keepTotals: (stored: StoredTotals) => void (totals = stored),
		run: async () => {},
		flush: () => savePending({ storage: null, pendingCount: 0 }, db, outbox, () => view.settings.zones, () => {}),
		loadLog: async () => {},
		applyTheme: (theme: Theme) => void themes.push(theme)
	};
}

/** The store functions that begin a transaction while `run` runs. */
async function readsDuring<T>(run: () => Promise<T>): Promise<{ result: T; reads: string[] }> {
	const reads: string[] = [];
	const open = IDBDatabase.prototype.transaction;
	const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<typeof open>) {
		const name = /\b(readOpening|reviewsSince|countReviews|readSchedule|readTotals|loadSettings|saveSettings|appendReviews)\b/.exec(new Error().stack ?? '')?.[1];
		if (name) reads.push(name);
		return open.apply(this, args);
	});
	try {
		return { result: await run(), reads };
	} finally {
		spy.mockRestore();
	}
}

/** The view and totals as the facade reads them itself, with no early read (the reference). */
async function readNow() {
	const { opening, store } = await page();
	const db = await store.openProgressDB(DB_NAME);
	const r = reading(db);
	const { totals } = await opening.openStored(r, db, []);
	const result = { view: { ...r.view }, totals: await totals };
	db.close();
	return result;
}

it('takes the early read: the same view and totals as reading them at open, and no read of its own', async () => {
	await seed();
	const reference = await readNow();
	const { opening, store } = await page();
	store.readEarly();
	const db = await store.openProgressDB(DB_NAME);
	const r = reading(db);
	const { result, reads } = await readsDuring(async () => {
		const { totals } = await opening.openStored(r, db, []);
		return totals;
	});
	expect(reads).toEqual([]);
	expect(r.themes).toEqual(['dark']);
	expect(r.view.settings).toEqual(reference.view.settings);
	expect(r.view.reviewCount).toBe(3);
	expect(r.view.recent).toEqual(reference.view.recent);
	expect(r.view.recent.map((x) => x.itemId)).toEqual(['card:a', log[2]!.itemId]);
	expect(r.view.schedule).toEqual(reference.view.schedule);
	expect(r.view.schedule.size).toBe(3);
	const totals = await result;
	expect(totals).not.toBeNull();
	expect(totals).toEqual(reference.totals);
	expect(store.takeEarlyRead()).toBeNull(); // taken once
	db.close();
});

it('drops the early read when the answers a reload left are written first, and reads again', async () => {
	await seed();
	const { opening, store } = await page();
	store.readEarly();
	const db = await store.openProgressDB(DB_NAME);
	const r = reading(db);
	const waiting = quiz(now - 500);
	r.outbox.add(waiting);
	const { reads } = await readsDuring(() => opening.openStored(r, db, []));
	expect(reads).toEqual(['appendReviews', 'reviewsSince', 'countReviews', 'readSchedule', 'readTotals']);
	expect(r.view.reviewCount).toBe(4);
	expect(r.view.recent.map((x) => x.id)).toContain(waiting.id);
	db.close();
});

it('a schedule cache the early read finds out of date is rebuilt, as without it', async () => {
	await seed({ schedule: false });
	const { opening, store } = await page();
	store.readEarly();
	const db = await store.openProgressDB(DB_NAME);
	const r = reading(db);
	const { reads } = await readsDuring(() => opening.openStored(r, db, []));
	expect(reads).toContain('readSchedule');
	expect([...r.view.schedule.keys()].sort()).toEqual(['card:a', 'card:old', log[2]!.itemId].sort());
	expect(r.view.reviewCount).toBe(3);
	db.close();
});

it('starts once per page, and not at all once the app has opened the database', async () => {
	await seed();
	const { store } = await page();
	const opens = vi.spyOn(indexedDB, 'open');
	store.readEarly();
	store.readEarly();
	expect(opens).toHaveBeenCalledTimes(1);
	const read = store.takeEarlyRead();
	expect(read).not.toBeNull();
	expect((await read!.records).count).toBe(3);
	expect(await read!.days).toHaveLength(new Set(log.filter((x) => x.at < now - 2 * DAY).map((x) => new Date(x.at).toDateString())).size);
	const db = await store.openProgressDB(DB_NAME);
	store.readEarly(); // too late: the app has its connection
	expect(store.takeEarlyRead()).toBeNull();
	expect(opens).toHaveBeenCalledTimes(1);
	opens.mockRestore();
	db.close();
});
