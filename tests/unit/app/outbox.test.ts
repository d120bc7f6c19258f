/**
 * The outbox: answers storage could not take yet survive a reload (the stash), are written in order
 * in one call, and leave only once written; a failed write keeps them all. Runs against the real
 * store (fake-indexeddb) for the flush.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Outbox, STASH, type KeyValueStore } from '../../../src/lib/app/outbox';
import { allReviews, appendReviews, openProgressDB } from '../../../src/lib/store';
import { card, quiz, utc } from '../game/fixtures';

/** localStorage as a Map; `full` makes every write throw, as a full quota does. */
function fakeStorage(init: Record<string, string> = {}) {
	const map = new Map(Object.entries(init));
	const s = {
		full: false,
		get length() {
			return map.size;
		},
		key: (i: number) => [...map.keys()][i] ?? null,
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => {
			if (s.full) throw new DOMException('full', 'QuotaExceededError');
			map.set(k, v);
		},
		removeItem: (k: string) => void map.delete(k),
		map
	};
	return s satisfies KeyValueStore;
}

const T = utc(2026, 4, 1, 9);
const a = quiz(T, undefined, true, { id: 'a' });
const b = card(T + 1000, 'card:x', 3, { id: 'b' });

describe('outbox', () => {
	it('stashes every answer under the tab’s key until it is written', async () => {
		const storage = fakeStorage();
		const box = new Outbox(storage, 'tab1');
		box.add(a);
		box.add(b);
		expect(JSON.parse(storage.getItem(`${STASH}tab1`)!)).toEqual([a, b]);
		const db = await openProgressDB('outbox-1');
		const batches: string[][] = [];
		await box.flush((batch) => {
			batches.push(batch.map((r) => r.id));
			return appendReviews(db, batch);
		});
		// One write, in order; then nothing left, in memory or in the stash.
		expect(batches).toEqual([['a', 'b']]);
		expect((await allReviews(db)).map((r) => r.id)).toEqual(['a', 'b']);
		expect(box.size).toBe(0);
		expect(storage.getItem(`${STASH}tab1`)).toBeNull();
		db.close();
	});

	it('a failed write keeps everything, and the next flush writes it with what came after', async () => {
		const box = new Outbox(fakeStorage(), 'tab1');
		box.add(a);
		await expect(box.flush(() => Promise.reject(new DOMException('full', 'QuotaExceededError')))).rejects.toThrow('full');
		expect(box.pending).toEqual([a]);
		box.add(b);
		const written: string[] = [];
		await box.flush(async (batch) => void written.push(...batch.map((r) => r.id)));
		expect(written).toEqual(['a', 'b']);
		expect(box.size).toBe(0);
	});

	it('an answer added during a write stays for the next one', async () => {
		const box = new Outbox(fakeStorage(), 'tab1');
		box.add(a);
		await box.flush(async () => box.add(b));
		expect(box.pending).toEqual([b]);
	});

	it('recovers every tab’s well-formed stashed answers once each, and forgets the keys only when asked', () => {
		const storage = fakeStorage({
			[`${STASH}old1`]: JSON.stringify([a, { bogus: true }]),
			[`${STASH}old2`]: JSON.stringify([a, b]),
			[`${STASH}broken`]: '{not json',
			'other-app': JSON.stringify([b])
		});
		const box = new Outbox(storage, 'tab2');
		const keys = box.recover();
		expect(box.pending.map((r) => r.id).sort()).toEqual(['a', 'b']);
		expect(keys.sort()).toEqual([`${STASH}broken`, `${STASH}old1`, `${STASH}old2`].sort());
		expect(storage.map.has(`${STASH}old1`)).toBe(true);
		box.forget(keys);
		expect([...storage.map.keys()]).toEqual(['other-app']);
	});

	it('without local storage (or with it full) answers still wait in memory', async () => {
		const storage = fakeStorage();
		storage.full = true;
		for (const box of [new Outbox(null, 't'), new Outbox(storage, 't')]) {
			box.add(a);
			expect(box.size).toBe(1);
			expect(box.recover()).toEqual([]);
			await box.flush(async () => {});
			expect(box.size).toBe(0);
		}
	});
});
