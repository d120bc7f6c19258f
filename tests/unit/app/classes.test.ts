/** The class book loads its code on first use only, once, and each call keeps its own answer. */
import { describe, expect, it } from 'vitest';
import { lazyClassBook } from '../../../src/lib/app/classes';
import { memoryClassBook } from '../../../src/lib/features/classroom/book';
import { tabClassBook } from '../../../src/lib/app/tab-classes';

describe('class book', () => {
	it('fetches nothing until used, then once for every call', async () => {
		let loads = 0;
		const book = lazyClassBook(async () => (loads++, memoryClassBook()));
		expect(loads).toBe(0);
		const [saved, none] = await Promise.all([book.saveClass('ABCD', 'Net 101', 5), book.getClass('ZZZZ')]);
		expect(saved).toEqual({ code: 'ABCD', title: 'Net 101', createdAt: 5 });
		expect(none).toBeUndefined();
		expect(await book.addResults('ABCD', [{ code: 'r1', name: 'Li' }], 6)).toEqual({ added: 1, skipped: 0 });
		expect((await book.classResults('ABCD')).map((r) => r.name)).toEqual(['Li']);
		await book.deleteClass('ABCD');
		expect(await book.allClasses()).toEqual([]);
		expect(loads).toBe(1);
	});

	it('a failed load rejects the call, as a failed store would, and the next call tries again', async () => {
		let online = false;
		const book = lazyClassBook(async () => (online ? memoryClassBook() : Promise.reject(new Error('offline'))));
		await expect(book.allClasses()).rejects.toThrow('offline');
		online = true;
		expect(await book.allClasses()).toEqual([]);
	});

	it('without IndexedDB, classes outlive a reload of the tab (session storage)', async () => {
		const kept = new Map<string, string>();
		const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
		await tabClassBook(storage).saveClass('ABCD', 'Net 101', 5);
		expect(await tabClassBook(storage).allClasses()).toEqual([{ code: 'ABCD', title: 'Net 101', createdAt: 5 }]);
	});
});
