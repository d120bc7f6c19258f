import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, localDay, type Backup, type Review, type ReviewRating } from '../../src/lib/core/log';
import { buildSchedule, dueQueue, introducedOn } from '../../src/lib/core/srs';
import {
	allReviews,
	appendReviews,
	countReviews,
	exportParts,
	reviewsSince,
	createSchemaV1,
	importProgress,
	loadSettings,
	openProgressDB,
	requestPersistence,
	resetProgress,
	saveSettings,
	SCHEMA_VERSION,
	undoLast,
	type ProgressDB,
	type ProgressSchemaV1
} from '../../src/lib/store';

const appendReview = (db: ProgressDB, r: Review) => appendReviews(db, [r]);
/** The backup file the app writes, parsed. */
const exportProgress = async (db: ProgressDB, now: number) => JSON.parse((await exportParts(db, now)).join('')) as Backup;

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = new Date(2025, 0, 6, 9, 0).getTime();

let dbCount = 0;
const open: ProgressDB[] = [];
async function freshDB(): Promise<ProgressDB> {
	const db = await openProgressDB(`test-${++dbCount}`);
	open.push(db);
	return db;
}
afterEach(() => {
	for (const db of open.splice(0)) db.close();
	vi.unstubAllGlobals();
});

let seq = 0;
const review = (itemId: string, rating: ReviewRating, at: number): Review => ({
	id: `rev-${++seq}`,
	itemId,
	kind: 'flashcard',
	rating,
	durationMs: 2000,
	at,
	appVersion: 'test'
});
const byId = (log: Review[]) => [...log].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('review log', () => {
	it('appends and reads back reviews', async () => {
		const db = await freshDB();
		const a = review('a', 3, T0);
		const b: Review = { ...review('b', 1, T0 + MIN), kind: 'quiz', rating: undefined, correct: false };
		await appendReview(db, a);
		await appendReview(db, b);
		expect(byId(await allReviews(db))).toEqual(byId([a, b]));
		expect(await reviewsSince(db, T0 + MIN)).toEqual([b]);
	});

	it('never overwrites a review and refuses malformed ones', async () => {
		const db = await freshDB();
		const a = review('a', 3, T0);
		await appendReview(db, a);
		await expect(appendReview(db, { ...a, rating: 1 })).rejects.toThrow();
		await expect(appendReview(db, { ...review('a', 3, T0), at: Number.NaN })).rejects.toThrow(/"at"/);
		expect(await allReviews(db)).toEqual([a]);
	});

	it('undoes the latest review by appending, one at a time', async () => {
		const db = await freshDB();
		expect((await undoLast(db, T0)).undone).toBeNull();
		const first = review('a', 3, T0);
		const second = review('b', 1, T0 + MIN);
		await appendReview(db, second); // stored order must not matter
		await appendReview(db, first);

		expect((await undoLast(db, T0 + 2 * MIN, '0.1.0')).undone).toEqual(second);
		const log = await allReviews(db);
		expect(log).toHaveLength(3);
		expect(log.find((r) => r.kind === 'undo')).toMatchObject({
			undoes: second.id,
			itemId: 'b',
			at: T0 + 2 * MIN,
			appVersion: '0.1.0'
		});
		expect(buildSchedule(log, 0.9)).toEqual(buildSchedule([first], 0.9));

		expect((await undoLast(db, T0 + 3 * MIN)).undone).toEqual(first);
		expect((await undoLast(db, T0 + 4 * MIN)).undone).toBeNull();
		expect(buildSchedule(await allReviews(db), 0.9).size).toBe(0);
	});

	it('resets progress but keeps settings', async () => {
		const db = await freshDB();
		await appendReview(db, review('a', 3, T0));
		await saveSettings(db, { ...DEFAULT_SETTINGS, dailyNew: 5 });
		await resetProgress(db);
		expect(await allReviews(db)).toEqual([]);
		expect((await loadSettings(db)).dailyNew).toBe(5);
	});
});

describe('settings store', () => {
	it('loads defaults, then what was saved', async () => {
		const db = await freshDB();
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
		const mine = { ...DEFAULT_SETTINGS, lang: 'zh', dailyNew: 20, retention: 0.85, theme: 'dark', goal: 'serious', zones: [{ since: 0, timeZone: 'Asia/Shanghai' }] } as const;
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await saveSettings(db, structuredClone(mine) as any);
		expect(await loadSettings(db)).toEqual(mine);
	});
});

describe('backup and restore', () => {
	/** Two weeks of study over five items. */
	async function studied(db: ProgressDB): Promise<void> {
		for (let day = 0; day < 14; day++) {
			for (const [i, item] of ['a', 'b', 'c', 'd', 'e'].entries()) {
				if ((day + i) % 3 !== 0) continue;
				const rating = (((day + i) % 4) + 1) as ReviewRating;
				await appendReview(db, review(item, rating, T0 + day * DAY + i * MIN));
			}
		}
		await undoLast(db, T0 + 14 * DAY);
	}

	it('changes nothing when the same backup is imported twice', async () => {
		const source = await freshDB();
		await studied(source);
		const file = JSON.stringify(await exportProgress(source, T0 + 15 * DAY));
		const total = (await allReviews(source)).length;

		const target = await freshDB();
		await appendReview(target, review('z', 3, T0));
		expect(await importProgress(target, file)).toMatchObject({ ok: true, added: total, skipped: 0 });
		const after = await allReviews(target);
		expect(await importProgress(target, file)).toMatchObject({ ok: true, added: 0, skipped: total });
		expect(await allReviews(target)).toEqual(after);
		expect(await importProgress(source, file)).toMatchObject({ ok: true, added: 0, skipped: total });
	});

	it('writes nothing from a corrupt file', async () => {
		const db = await freshDB();
		await studied(db);
		const before = await allReviews(db);
		const backup = await exportProgress(db, T0);
		const fresh = review('new', 3, T0);
		// A valid new record first, then a broken one: the valid one must not land either.
		const broken = { ...fresh, id: 'bad', at: 'noon' };
		const file = JSON.stringify({ ...backup, reviews: [fresh, ...backup.reviews, broken] });
		const result = await importProgress(db, file);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.en).toMatch(/"at" is not a number/);
		expect(await allReviews(db)).toEqual(before);
		expect((await importProgress(db, 'not json')).ok).toBe(false);
		expect(await allReviews(db)).toEqual(before);
	});

	it('restores the identical schedule after export, reset and import', async () => {
		const db = await freshDB();
		await studied(db);
		const deck = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		const now = T0 + 20 * DAY;
		const snapshot = async () => {
			const log = await allReviews(db);
			const schedule = buildSchedule(log, 0.9);
			const newIntroducedToday = introducedOn(schedule, localDay(now));
			const queue = dueQueue(deck, schedule, now, { newPerDay: 10, newIntroducedToday });
			return { schedule, queue };
		};
		const before = await snapshot();
		expect(before.queue.due.length).toBeGreaterThan(0);
		const file = JSON.stringify(await exportProgress(db, now));

		await resetProgress(db);
		expect((await snapshot()).schedule.size).toBe(0);
		const result = await importProgress(db, file);
		expect(result.ok && result.added).toBeGreaterThan(0);
		expect(await snapshot()).toEqual(before);
	});
});

describe('schema upgrade', () => {
	it('keeps every version-1 record and adds the indexes and settings store', async () => {
		const name = `upgrade-${++dbCount}`;
		const v1 = await openDB<ProgressSchemaV1>(name, 1, { upgrade: (db) => createSchemaV1(db) });
		const old = [review('a', 3, T0), review('b', 4, T0 + MIN), review('a', 1, T0 + DAY)];
		for (const r of old) await v1.add('reviews', r);
		expect([...v1.objectStoreNames]).toEqual(['reviews']);
		v1.close();

		const db = await openProgressDB(name);
		open.push(db);
		expect(db.version).toBe(SCHEMA_VERSION);
		expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['reviews', 'settings', 'log', 'schedule', 'meta']));
		// Version 4 moved the log into pages, in time order, unchanged.
		expect(await allReviews(db)).toEqual([...old].sort((x, y) => x.at - y.at));
		expect(await db.count('reviews')).toBe(0);
		expect(await countReviews(db)).toBe(3);
		expect(await reviewsSince(db, T0 + 1)).toHaveLength(2);
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
		await saveSettings(db, { ...DEFAULT_SETTINGS, theme: 'light' });
		expect((await loadSettings(db)).theme).toBe('light');
	});
});

describe('requestPersistence', () => {
	it('reports unsupported when the Storage API is missing', async () => {
		vi.stubGlobal('navigator', {});
		expect(await requestPersistence()).toBe('unsupported');
	});

	it('reuses an existing grant and asks otherwise', async () => {
		const persist = vi.fn(async () => false);
		vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
		expect(await requestPersistence()).toBe('granted');
		expect(persist).not.toHaveBeenCalled();
		vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
		expect(await requestPersistence()).toBe('denied');
		vi.stubGlobal('navigator', { storage: { persist: async () => true } });
		expect(await requestPersistence()).toBe('granted');
	});
});
