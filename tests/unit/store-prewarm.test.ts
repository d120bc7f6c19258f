/** The layout's early open of the database: the app's first open takes that connection, once. */
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { DB_NAME, openProgressDB, prewarmProgressDB } from '../../src/lib/store/db';

it('hands the early connection to the first open of the app database, and nothing after that', async () => {
	const opens = vi.spyOn(indexedDB, 'open');
	prewarmProgressDB();
	prewarmProgressDB();
	expect(opens).toHaveBeenCalledTimes(1);
	const replaced = vi.fn();
	const first = await openProgressDB(DB_NAME, replaced);
	expect(opens).toHaveBeenCalledTimes(1);
	// The app has its connection: a late prewarm opens nothing, a second open is a new connection.
	prewarmProgressDB();
	const second = await openProgressDB(DB_NAME);
	expect(opens).toHaveBeenCalledTimes(2);
	expect(second).not.toBe(first);
	// A newer version opened elsewhere: the taken connection closes and its taker hears of it.
	const newer = indexedDB.open(DB_NAME, 99);
	await new Promise((r) => (newer.onsuccess = r));
	expect(replaced).toHaveBeenCalledOnce();
	newer.result.close();
	opens.mockRestore();
});

it('where reading indexedDB throws (some private windows), the early open throws nothing: the first open gets the error', async () => {
	const denied = new DOMException('denied', 'SecurityError');
	const real = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
	Object.defineProperty(globalThis, 'indexedDB', { configurable: true, get: () => { throw denied; } });
	try {
		vi.resetModules(); // a fresh module: the first test's open made later prewarms no-ops
		const fresh = await import('../../src/lib/store/db');
		expect(() => fresh.prewarmProgressDB()).not.toThrow();
		await expect(fresh.openProgressDB()).rejects.toBe(denied);
	} finally {
		Object.defineProperty(globalThis, 'indexedDB', real);
	}
});
