/**
 * The schedule cache and the faults around the log: every write leaves log and cache agreeing
 * (one transaction), two connections (tabs) lose and double nothing, a full disk writes nothing.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeBackup, parseBackup, type Review, type ReviewRating } from '../../src/lib/core/log';
import { reviewMaker, testDatabases } from './store-fixtures';
import { buildSchedule, DEFAULT_WEIGHTS } from '../../src/lib/core/srs';
import {
	allReviews,
	appendReviews,
	exportParts,
	importProgress,
	loadSettings,
	readSchedule,
	rebuildSchedule,
	resetProgress,
	storageFailure,
	undoLast,
	type ProgressDB
} from '../../src/lib/store';

const appendReview = (db: ProgressDB, r: Review) => appendReviews(db, [r]);

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = new Date(2025, 0, 6, 9, 0).getTime();
const R = 0.9;

const { connect, fresh: freshDB, uniqueName } = testDatabases('cache', R);
const review = reviewMaker('r');

/** The cache must always equal a fresh replay of the whole log. */
async function expectCacheMatchesLog(db: ProgressDB) {
	const cached = await readSchedule(db, R);
	expect(cached, 'cache is stale').not.toBeNull();
	expect(cached).toEqual(buildSchedule(await allReviews(db), R));
}

describe('schedule cache', () => {
	it('follows appends, cram, quiz answers, undos and out-of-order reviews', async () => {
		const db = await freshDB();
		await appendReview(db, review('a', 3, T0));
		await appendReview(db, review('b', 1, T0 + MIN));
		await appendReview(db, review('a', 4, T0 + DAY, { cram: true }));
		await appendReview(db, { ...review('q', 1, T0 + DAY), kind: 'quiz', rating: undefined, correct: true });
		await appendReview(db, review('a', 2, T0 + 2 * DAY));
		await expectCacheMatchesLog(db);
		// A review older than the item's state (merged from another device) replays the item.
		await appendReview(db, review('a', 1, T0 + DAY / 2));
		await expectCacheMatchesLog(db);
		const { undone, change } = await undoLast(db, T0 + 3 * DAY);
		expect(undone?.itemId).toBe('a');
		expect(change?.has('a')).toBe(true);
		await expectCacheMatchesLog(db);
		await undoLast(db, T0 + 3 * DAY + 1);
		await undoLast(db, T0 + 3 * DAY + 2);
		await expectCacheMatchesLog(db);
	});

	it('finds the latest review to undo across pages that overlap in time', async () => {
		const db = await freshDB();
		// Recent answers first, then an old backup merged in: the newest review is on an early page.
		const recent = Array.from({ length: 1500 }, (_, i) => review(`i${i % 7}`, 3, T0 + 100 * DAY + i * MIN));
		await appendReviews(db, recent);
		const older = Array.from({ length: 1200 }, (_, i) => review(`i${i % 5}`, 2, T0 + i * MIN));
		await appendReviews(db, older);
		expect((await undoLast(db, T0 + 200 * DAY)).undone).toEqual(recent.at(-1));
		expect((await undoLast(db, T0 + 200 * DAY + 1)).undone).toEqual(recent.at(-2));
		await expectCacheMatchesLog(db);
	});

	it('undoes many steps on one item without a replay, and past them with one', async () => {
		const db = await freshDB();
		for (let i = 0; i < 30; i++) await appendReview(db, review('a', ((i % 4) + 1) as ReviewRating, T0 + i * DAY));
		for (let i = 0; i < 25; i++) {
			await undoLast(db, T0 + 40 * DAY + i);
			await expectCacheMatchesLog(db);
		}
	});

	it('is stale after a write that bypassed it, or for another retention, and rebuilds to the replay', async () => {
		const db = await freshDB();
		await appendReview(db, review('a', 3, T0));
		expect(await readSchedule(db, 0.8)).toBeNull();
		// A write that bypassed the cache (a seeded or hand-edited database).
		const page = (await db.get('log', 0))!;
		await db.put('log', { ...page, reviews: [...page.reviews, review('a', 1, T0 + DAY)] });
		expect(await readSchedule(db, R)).toBeNull();
		await rebuildSchedule(db, R);
		await expectCacheMatchesLog(db);
	});

	it('is keyed by the weights: stale for others, rebuilt with them, and folds answers with them', async () => {
		const db = await freshDB();
		await appendReviews(db, [review('a', 3, T0), review('a', 3, T0 + 11 * MIN), review('b', 1, T0 + DAY)]);
		const mine = [...DEFAULT_WEIGHTS];
		mine[2] = 20;
		expect(await readSchedule(db, R, mine)).toBeNull();
		await rebuildSchedule(db, R, undefined, mine);
		expect(await readSchedule(db, R)).toBeNull();
		await appendReview(db, review('a', 3, T0 + 30 * DAY));
		const log = await allReviews(db);
		expect(await readSchedule(db, R, mine)).toEqual(buildSchedule(log, R, mine));
		expect(buildSchedule(log, R, mine)).not.toEqual(buildSchedule(log, R));
	});

	it('is cleared with the log on reset', async () => {
		const db = await freshDB();
		await appendReview(db, review('a', 3, T0));
		await resetProgress(db);
		expect(await readSchedule(db, R)).toEqual(new Map());
	});
});

describe('faults', () => {
	it('two tabs answering at once lose nothing and count nothing twice', async () => {
		const name = uniqueName();
		const first = await connect(name);
		await rebuildSchedule(first, R);
		const second = await connect(name);
		const mine = Array.from({ length: 20 }, (_, i) => review(i % 2 ? 'a' : 'b', 3, T0 + i * MIN));
		const theirs = Array.from({ length: 20 }, (_, i) => review(i % 3 ? 'a' : 'c', 2, T0 + i * MIN + 1));
		await Promise.all([...mine.map((r) => appendReview(first, r)), ...theirs.map((r) => appendReview(second, r))]);
		const log = await allReviews(first);
		expect(log).toHaveLength(40);
		expect(new Set(log.map((r) => r.id)).size).toBe(40);
		await expectCacheMatchesLog(second);
	});

	it('a crash between the two writes of one answer leaves neither (one transaction)', async () => {
		const db = await freshDB();
		await appendReview(db, review('a', 3, T0));
		const before = await readSchedule(db, R);
		// The log write succeeds, then the cache write dies: as if the tab were closed in between.
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
			if (this.name === 'schedule') throw new DOMException('simulated crash', 'UnknownError');
			return put.apply(this, args);
		});
		await expect(appendReview(db, review('a', 1, T0 + DAY))).rejects.toThrow(/simulated crash/);
		vi.restoreAllMocks();
		expect(await allReviews(db)).toHaveLength(1);
		expect(await readSchedule(db, R)).toEqual(before);
		await expectCacheMatchesLog(db);
	});

	it('a full disk writes nothing, says "full", and the next write saves what was pending', async () => {
		const db = await freshDB();
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function () {
			throw new DOMException('quota', 'QuotaExceededError');
		});
		const pending = [review('a', 3, T0)];
		const error = await appendReviews(db, pending).catch((e: unknown) => e);
		expect(storageFailure(error)).toBe('full');
		vi.mocked(IDBObjectStore.prototype.put).mockImplementation(put);
		expect(await allReviews(db)).toEqual([]);
		await appendReviews(db, [...pending, review('a', 2, T0 + DAY)]);
		expect(await allReviews(db)).toHaveLength(2);
		await expectCacheMatchesLog(db);
	});
});

describe('big backups', () => {
	/** More than one slice of adds and of export. */
	const many = (n: number, from = 0) =>
		Array.from({ length: n }, (_, i) => review(`item-${(from + i) % 37}`, ((i % 4) + 1) as ReviewRating, T0 + (from + i) * MIN));

	it('exports in parts that parse back to the same backup', async () => {
		const db = await freshDB();
		const log = many(12_000);
		await appendReviews(db, log);
		const parts = await exportParts(db, T0, () => {});
		const parsed = parseBackup(parts.join(''));
		expect(parsed.ok && parsed.backup).toEqual(makeBackup(log, await loadSettings(db), T0));
	});

	it('imports in slices in one transaction, folds into the cache, and changes nothing the second time', async () => {
		const source = many(11_000);
		const file = JSON.stringify(makeBackup(source, (await loadSettings(await freshDB())), T0));
		const db = await freshDB();
		await appendReviews(db, many(50, 20_000));
		const seen: number[] = [];
		expect(await importProgress(db, file, (d, t) => seen.push(d / t))).toMatchObject({ ok: true, added: 11_000, skipped: 0 });
		expect(seen.length).toBeGreaterThan(2);
		expect(seen.at(-1)).toBe(1);
		await expectCacheMatchesLog(db);
		expect(await importProgress(db, file)).toMatchObject({ ok: true, added: 0, skipped: 11_000 });
		expect(await allReviews(db)).toHaveLength(11_050);
	});

	it('a failure late in an import leaves nothing of it', async () => {
		const db = await freshDB();
		const file = JSON.stringify(makeBackup(many(7_000), await loadSettings(db), T0));
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
			if (this.name === 'meta') throw new DOMException('quota', 'QuotaExceededError');
			return put.apply(this, args);
		});
		await expect(importProgress(db, file)).rejects.toThrow();
		vi.restoreAllMocks();
		expect(await allReviews(db)).toEqual([]);
		await expectCacheMatchesLog(db);
	});
});
