import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '../../../src/lib/core/log';
import {
	addResults,
	allClasses,
	allReviews,
	classResults,
	createSchemaV1,
	deleteClass,
	deleteResult,
	getClass,
	openProgressDB,
	saveClass,
	SCHEMA_VERSION,
	type ProgressDB,
	type ProgressSchemaV1
} from '../../../src/lib/store';

let n = 0;
const open: ProgressDB[] = [];
afterEach(() => {
	for (const db of open.splice(0)) db.close();
});
async function fresh(name = `classroom-${++n}`): Promise<ProgressDB> {
	const db = await openProgressDB(name);
	open.push(db);
	return db;
}

const review: Review = { id: 'r1', itemId: 'f', kind: 'quiz', correct: true, durationMs: 1, at: 1, appVersion: 't' };

describe('classroom stores (schema version 3)', () => {
	it('are added by the upgrade from version 1, keeping the log', async () => {
		const name = `classroom-v1-${++n}`;
		const v1 = await openDB<ProgressSchemaV1>(name, 1, { upgrade: (db) => createSchemaV1(db) });
		await v1.add('reviews', review);
		v1.close();
		const db = await fresh(name);
		expect(db.version).toBe(SCHEMA_VERSION);
		expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
		expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['reviews', 'settings', 'classes', 'classResults']));
		expect(await allReviews(db)).toEqual([review]);
		expect([...db.transaction('classResults').store.indexNames]).toEqual(['by-class']);
	});

	it('are added by the upgrade from version 2, keeping the log and settings', async () => {
		const name = `classroom-v2-${++n}`;
		const v2 = await openDB(name, 2, {
			upgrade(db, old, _new, tx) {
				if (old < 1) db.createObjectStore('reviews', { keyPath: 'id' });
				tx.objectStore('reviews').createIndex('by-item', 'itemId');
				tx.objectStore('reviews').createIndex('by-at', 'at');
				db.createObjectStore('settings');
			}
		});
		await v2.add('reviews', review);
		await v2.put('settings', { theme: 'dark' }, 'settings');
		v2.close();
		const db = await fresh(name);
		expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['reviews', 'settings', 'classes', 'classResults']));
		expect(await allReviews(db)).toEqual([review]);
		expect(await db.get('settings', 'settings')).toMatchObject({ theme: 'dark' });
		await saveClass(db, 'Q1AAAA', 'Room 101', 5);
		expect(await allClasses(db)).toEqual([{ code: 'Q1AAAA', title: 'Room 101', createdAt: 5 }]);
	});

	it('keep classes newest first, with a bounded label and their first date', async () => {
		const db = await fresh();
		await saveClass(db, 'Q1A', 'Morning', 1);
		await saveClass(db, 'Q1B', `  Afternoon\u0000 ${'x'.repeat(100)}`, 2);
		await saveClass(db, 'Q1A', 'Morning, renamed', 3);
		const classes = await allClasses(db);
		expect(classes.map((c) => [c.code, c.createdAt])).toEqual([
			['Q1B', 2],
			['Q1A', 1]
		]);
		expect([...classes[0]!.title]).toHaveLength(60);
		expect((await getClass(db, 'Q1A'))?.title).toBe('Morning, renamed');
	});

	it('count the same result once, and delete results and whole classes', async () => {
		const db = await fresh();
		await saveClass(db, 'Q1A', '', 1);
		await saveClass(db, 'Q1B', '', 1);
		expect(await addResults(db, 'Q1A', [{ code: 'R1X', name: 'Ada' }, { code: 'R1X', name: 'Ada' }, { code: 'R1Y', name: 'Bo' }], 10)).toEqual({ added: 2, skipped: 1 });
		expect(await addResults(db, 'Q1A', [{ code: 'R1X', name: 'Ada' }], 11)).toEqual({ added: 0, skipped: 1 });
		expect(await addResults(db, 'Q1B', [{ code: 'R1X', name: 'Ada' }], 12)).toEqual({ added: 1, skipped: 0 });
		await expect(addResults(db, 'Q1C', [{ code: 'R1Z', name: 'Cy' }], 12)).rejects.toThrow();
		const a = await classResults(db, 'Q1A');
		expect(a.map((r) => r.name)).toEqual(['Ada', 'Bo']);
		await deleteResult(db, a[0]!.id);
		expect((await classResults(db, 'Q1A')).map((r) => r.name)).toEqual(['Bo']);
		await deleteClass(db, 'Q1A');
		expect(await classResults(db, 'Q1A')).toEqual([]);
		expect(await getClass(db, 'Q1A')).toBeUndefined();
		expect(await classResults(db, 'Q1B')).toHaveLength(1);
	});
});
