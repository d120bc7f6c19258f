/**
 * Pulled batches into the store's log (what sync does through the jobs worker's `merge`): merged by
 * id as an import merges, the schedule cache folded without the whole log, and only the log's pages
 * late enough to hold the merged records read.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeBackup, type Review, type ReviewRating } from '../../../src/lib/core/log';
import { buildSchedule } from '../../../src/lib/core/srs';
import { allReviews, importProgress, loadSettings, readSchedule, type ProgressDB } from '../../../src/lib/store';
import { mergeReviews } from '../../../src/lib/store/backup';
import { LOG_PAGE } from '../../../src/lib/store/db';
import { reviewsOf, toBatches } from '../../../src/lib/features/sync/batches';
import { reviewMaker, testDatabases } from '../store-fixtures';

const R = 0.9;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = new Date(2025, 0, 6, 9, 0).getTime();
const DEVICE = 'device-laptop';

const { fresh: freshDB } = testDatabases('merge', R);
const review = reviewMaker('m');
const undo = (target: Review, at: number): Review => ({ ...review(target.itemId, 3, at), kind: 'undo', rating: undefined, undoes: target.id });

/** A batch pulled from the server, as sync hands it to the store. */
const pulled = (reviews: Review[], first = 0) => reviewsOf(toBatches(reviews, DEVICE, first)).reviews;

async function expectCacheMatchesLog(db: ProgressDB) {
	const cached = await readSchedule(db, R);
	expect(cached, 'cache is stale').not.toBeNull();
	expect(cached).toEqual(buildSchedule(await allReviews(db), R));
}
const idsOf = (log: Review[]) => log.map((r) => r.id).sort();

describe('merging pulled batches', () => {
	it('importing and syncing the same reviews leaves each exactly once, in either order', async () => {
		const log = Array.from({ length: 60 }, (_, i) => review(`card:c${i % 7}`, ((i % 4) + 1) as ReviewRating, T0 + i * MIN));
		const file = async (db: ProgressDB) => JSON.stringify(makeBackup(log, await loadSettings(db), T0 + DAY));
		const expected = idsOf(log);

		const importedFirst = await freshDB();
		expect((await importProgress(importedFirst, await file(importedFirst))).ok).toBe(true);
		expect(await mergeReviews(importedFirst, pulled(log))).toEqual({ added: 0, skipped: 60 });
		expect(idsOf(await allReviews(importedFirst))).toEqual(expected);
		await expectCacheMatchesLog(importedFirst);

		const syncedFirst = await freshDB();
		// Two pulls overlapping by half, then the backup.
		expect(await mergeReviews(syncedFirst, pulled(log.slice(0, 40)))).toEqual({ added: 40, skipped: 0 });
		expect(await mergeReviews(syncedFirst, pulled(log.slice(20)))).toEqual({ added: 20, skipped: 20 });
		const result = await importProgress(syncedFirst, await file(syncedFirst));
		expect(result.ok && result.added).toBe(0);
		expect(idsOf(await allReviews(syncedFirst))).toEqual(expected);
		await expectCacheMatchesLog(syncedFirst);
	});

	it('undo records merge like answers: in the same pull, a later pull, before their target, of a quiz answer', async () => {
		const db = await freshDB();
		const a1 = review('card:a', 3, T0);
		const a2 = review('card:a', 1, T0 + MIN);
		const b1 = review('card:b', 4, T0 + 2 * MIN);
		const q = review('quiz:q', 3, T0 + 3 * MIN, { kind: 'quiz', rating: undefined, correct: true });
		// Same pull: a2 and its undo.
		await mergeReviews(db, pulled([a1, a2, undo(a2, T0 + 4 * MIN), b1, q]));
		await expectCacheMatchesLog(db);
		// A later pull undoes b1 (the state's last answer) and the quiz answer (which never moved a schedule).
		await mergeReviews(db, pulled([undo(b1, T0 + 5 * MIN), undo(q, T0 + 6 * MIN)], 1));
		await expectCacheMatchesLog(db);
		expect((await readSchedule(db, R))?.has('card:b')).toBe(false);
		// Another device's undo arrives before the answer it cancels: the answer must not count.
		const c1 = review('card:c', 4, T0 + 7 * MIN);
		await mergeReviews(db, pulled([undo(c1, T0 + 8 * MIN)], 2));
		await mergeReviews(db, pulled([c1], 3));
		await expectCacheMatchesLog(db);
		expect((await readSchedule(db, R))?.has('card:c')).toBe(false);
		// Merging everything again changes nothing.
		const before = await allReviews(db);
		expect((await mergeReviews(db, before)).added).toBe(0);
		expect(await allReviews(db)).toEqual(before);
		await expectCacheMatchesLog(db);
	});

	it('a big log (>130,000 reviews) takes a pull without reading it whole', async () => {
		const db = await freshDB();
		const PAGES = 131;
		// Five-minute steps over many items: the log's pages, written as the store writes them.
		const history = Array.from({ length: PAGES * LOG_PAGE }, (_, i) => review(`card:c${i % 400}`, ((i % 4) + 1) as ReviewRating, T0 + i * 5 * MIN));
		expect((await mergeReviews(db, history)).added).toBe(history.length);
		await expectCacheMatchesLog(db);

		// Every page read from the log by the merge, counted as IndexedDB hands them out.
		let pagesRead = 0;
		const counted = (request: IDBRequest<unknown[]>, store: IDBObjectStore) => {
			if (store.name === 'log') request.addEventListener('success', () => (pagesRead += request.result.length));
			return request;
		};
		const storeGetAll = IDBObjectStore.prototype.getAll;
		const indexGetAll = IDBIndex.prototype.getAll;
		vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
			return counted(storeGetAll.apply(this, args), this);
		});
		vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args) {
			return counted(indexGetAll.apply(this, args), this.objectStore);
		});
		const end = history.at(-1)!.at;
		// A pull: the last hundred answers again (already here), new answers and an undo of one of them.
		const fresh = Array.from({ length: 400 }, (_, i) => review(`card:c${i % 50}`, 3, end + (i + 1) * MIN));
		const pull = pulled([...history.slice(-100), ...fresh, undo(fresh.at(-1)!, end + DAY)]);
		expect(await mergeReviews(db, pull)).toEqual({ added: 401, skipped: 100 });
		expect(pagesRead).toBeGreaterThan(0);
		expect(pagesRead).toBeLessThanOrEqual(2);
		vi.restoreAllMocks();
		expect((await allReviews(db)).length).toBe(history.length + 401);
		await expectCacheMatchesLog(db);
	}, 120_000);
});
