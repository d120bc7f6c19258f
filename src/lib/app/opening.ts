/**
 * What the page reads from the store: on open (settings, the device's zone, the answers a reload
 * interrupted, the view, then the running totals) and again when the log changed under it (another
 * tab, an import, a pull). Plain functions over the facade's fields, so tests pass a plain object.
 */
import { sanitizeSettings, withCurrentZone, type Review, type Settings, type Theme } from '$lib/core/log';
import { systemTimeZone } from '$lib/core/log/zone';
import * as store from '$lib/store';
import type { Job, ProgressDB, ScheduleChange, StoredTotals } from '$lib/store';
import { readView, showRead, takeAppended, type LogView } from './log-view';
import type { Outbox } from './outbox';
import { loadTotals, mergeById } from './running-totals';
import { BIG_LOG } from './summary-source';
import type { TabMessage } from './tab-sync';

/** The store, or null where the browser gives none (private modes, disabled storage). */
export async function openStoreOrNull(onReplaced: () => void): Promise<ProgressDB | null> {
	try {
		return await store.openProgressDB(store.DB_NAME, onReplaced);
	} catch (e) {
		console.warn('IndexedDB unavailable', e);
		return null;
	}
}

export interface OpenView extends LogView {
	settings: Settings;
}

/** The facade's side of a read: its fields, and the steps that stay with it. */
export interface Reading {
	view: OpenView;
	outbox: Outbox;
	/** The settings as plain data (the facade's are reactive proxies, which neither IndexedDB nor a worker takes). */
	plain: () => Settings;
	totals: () => StoredTotals | null;
	keepTotals: (stored: StoredTotals) => void;
	/** A long job with its progress shown (long-jobs.ts): the rebuilds a big log needs. */
	run: (job: Job) => Promise<unknown>;
	/** Save the outbox (saving.ts); the schedule change, or undefined when nothing was written. */
	flush: () => Promise<ScheduleChange | undefined>;
	/** The whole log, read once however many ask (the facade's `loadLog`); never rejects: a failed read is the storage failure the page shows. */
	loadLog: () => Promise<void>;
	applyTheme: (theme: Theme) => void;
}

/**
 * Until the page is usable: the settings (and their theme), the device's zone, the answers a
 * reload interrupted (`stashed`: the ids this tab had kept), then the view — from the layout's early
 * read when there is one and nothing was written since, else read now. The totals are asked for beside the
 * view but after it: IndexedDB answers in turn, and the schedule makes the page usable. Their read
 * is handed back for `readTotals`, which waits until the page is ready.
 */
export async function openStored(reading: Reading, db: ProgressDB, stashed: readonly string[]): Promise<{ totals: Promise<StoredTotals | null> }> {
	const { view, outbox } = reading;
	// Read already, if the layout started the read while this code loaded (store/opening-read.ts).
	const early = store.takeEarlyRead();
	let read = early ? await early.records.catch(() => null) : null;
	view.settings = read ? sanitizeSettings(read.settings) : await store.loadSettings(db);
	reading.applyTheme(view.settings.theme);
	await recordZone(reading, db);
	// Answers a reload interrupted (this tab's or another's) are saved first; what was read before them is out of date.
	if (outbox.size && (await reading.flush()) !== undefined) {
		outbox.forget(stashed);
		read = null;
	}
	if (early && read && showRead(view, read, reading.plain(), outbox)) {
		const records = read;
		const zones = () => reading.plain().zones;
		return { totals: early.days.then((days) => store.totalsFromRead(records, days, zones()), () => store.readTotals(db, zones())) };
	}
	const shown = readStoredView(reading, db);
	const totals = store.readTotals(db, reading.plain().zones);
	await shown;
	return { totals };
}

/** The schedule, the last days and the count (see log-view.ts); a big log's stale schedule is rebuilt in the jobs worker. */
export function readStoredView(reading: Reading, db: ProgressDB): Promise<void> {
	const { view, outbox } = reading;
	const { retention, weights } = reading.plain();
	const rebuild = () => reading.run({ kind: 'rebuild', retention, weights });
	return readView(db, view, view.settings, outbox, reading.totals()?.checkpoint ?? Infinity, rebuild);
}

/** The running totals and the log since their checkpoint (rebuilt first if they do not match the log); `read`: the totals asked for already. */
export async function readTotals(reading: Reading, db: ProgressDB, read?: Promise<StoredTotals | null>): Promise<void> {
	const { view, outbox } = reading;
	try {
		const { stored, tail } = await loadTotals(db, reading.plain().zones, BIG_LOG, reading.run, read);
		view.recent = mergeById(mergeById(tail, view.recent.filter((r) => r.at >= stored.checkpoint)), outbox.pending);
		reading.keepTotals(stored);
	} catch (e) {
		console.warn('running totals unavailable', e);
	}
}

/** Remember the device's time zone if it moved, so past reviews keep the days they were made on. Without a store, for this visit only. */
export async function recordZone(reading: Reading, db: ProgressDB | null, now = Date.now()): Promise<void> {
	const { view } = reading;
	const zones = withCurrentZone(view.settings.zones, systemTimeZone(), now);
	if (zones === view.settings.zones) return;
	view.settings = { ...view.settings, zones };
	// Advisory: the zone is recorded again on the next start.
	if (db) await store.saveSettings(db, reading.plain()).catch(() => {});
}

/** Everything read again after the log changed under the page; `added` (a pull's records) joins a whole log already read instead of reading it again. */
export async function reread(reading: Reading, db: ProgressDB, added?: Review[]): Promise<void> {
	const { view, outbox } = reading;
	// Settings too: another tab's new weights or retention must not be rebuilt away with ours.
	view.settings = await store.loadSettings(db);
	const wanted = view.logLoaded;
	const kept = wanted && added ? mergeById(view.reviews, added) : null;
	view.logLoaded = false;
	await readStoredView(reading, db);
	await readTotals(reading, db);
	if (kept) [view.reviews, view.logLoaded] = [mergeById(kept, [...view.recent, ...outbox.pending]), true];
	// A big log is read whole in the background: an import's report does not wait for 200,000 records.
	else if (view.reviewCount > BIG_LOG) {
		if (wanted) void reading.loadLog();
	} else await reading.loadLog();
	view.logVersion++;
}

/** Another tab wrote: its answers join the view; anything else (an import, a reset, an undo, new settings) is read again. */
export async function hearTab(reading: Reading, db: ProgressDB, message: TabMessage): Promise<void> {
	const { view, outbox } = reading;
	if (message.kind === 'appended') await takeAppended(db, view, message.reviews, view.settings, outbox);
	else await reread(reading, db);
	view.clock = Math.max(view.clock, Date.now());
}

/** Once the page is usable: the running totals (`read`: asked for by `openStored`), then a small log read whole (a big one is summed up in the game worker). */
export async function settle(reading: Reading, db: ProgressDB, read?: Promise<StoredTotals | null>): Promise<void> {
	await readTotals(reading, db, read);
	if (reading.view.reviewCount <= BIG_LOG) void reading.loadLog();
}
