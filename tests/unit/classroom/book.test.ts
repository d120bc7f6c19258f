import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryClassBook, type ClassBook, type ClassBookData } from '../../../src/lib/features/classroom';
import { openProgressDB, storedClassBook, type ProgressDB } from '../../../src/lib/store';

let n = 0;
const open: ProgressDB[] = [];
afterEach(() => {
	for (const db of open.splice(0)) db.close();
});

/** The same rules hold for the classes in IndexedDB and for those kept in a tab's memory. */
const books: [string, () => Promise<ClassBook>][] = [
	[
		'stored',
		async () => {
			const db = await openProgressDB(`book-${++n}`);
			open.push(db);
			return storedClassBook(db);
		}
	],
	['in memory', async () => memoryClassBook()]
];

describe.each(books)('a class book (%s)', (_, fresh) => {
	it('keeps classes newest first, with a bounded label and their first date', async () => {
		const book = await fresh();
		await book.saveClass('Q1A', 'Morning', 1);
		await book.saveClass('Q1B', `  Afternoon\u0000 ${'x'.repeat(100)}`, 2);
		await book.saveClass('Q1C', 'Same time', 2);
		await book.saveClass('Q1A', 'Morning, renamed', 3);
		const classes = await book.allClasses();
		expect(classes.map((c) => [c.code, c.createdAt])).toEqual([
			['Q1C', 2],
			['Q1B', 2],
			['Q1A', 1]
		]);
		expect([...classes[1]!.title]).toHaveLength(60);
		expect((await book.getClass('Q1A'))?.title).toBe('Morning, renamed');
		expect(await book.getClass('Q1Z')).toBeUndefined();
	});

	it('counts the same result once, and deletes results and whole classes', async () => {
		const book = await fresh();
		await book.saveClass('Q1A', '', 1);
		await book.saveClass('Q1B', '', 1);
		expect(await book.addResults('Q1A', [{ code: 'R1X', name: 'Ada' }, { code: 'R1X', name: 'Ada' }, { code: 'R1Y', name: 'Bo' }], 10)).toEqual({ added: 2, skipped: 1 });
		expect(await book.addResults('Q1A', [{ code: 'R1X', name: 'Ada' }], 11)).toEqual({ added: 0, skipped: 1 });
		expect(await book.addResults('Q1B', [{ code: 'R1X', name: 'Ada' }], 12)).toEqual({ added: 1, skipped: 0 });
		await expect(book.addResults('Q1C', [{ code: 'R1Z', name: 'Cy' }], 12)).rejects.toThrow();
		const a = await book.classResults('Q1A');
		expect(a.map((r) => r.name)).toEqual(['Ada', 'Bo']);
		await book.deleteResult(a[0]!.id);
		expect((await book.classResults('Q1A')).map((r) => r.name)).toEqual(['Bo']);
		await book.deleteClass('Q1A');
		expect(await book.classResults('Q1A')).toEqual([]);
		expect(await book.getClass('Q1A')).toBeUndefined();
		expect(await book.classResults('Q1B')).toHaveLength(1);
	});

	it('hands out copies: changing a returned record changes nothing kept', async () => {
		const book = await fresh();
		const saved = await book.saveClass('Q1A', 'Kept', 1);
		saved.title = 'changed';
		(await book.allClasses())[0]!.title = 'changed too';
		expect((await book.getClass('Q1A'))?.title).toBe('Kept');
	});
});

describe('a class book in memory', () => {
	it('reports its whole content after each change, and starts again from it', async () => {
		let last: ClassBookData | null = null;
		const book = memoryClassBook(undefined, (data) => (last = data));
		await book.saveClass('Q1A', 'Room 1', 5);
		await book.addResults('Q1A', [{ code: 'R1X', name: 'Ada' }], 6);
		expect(last).toEqual({ classes: [{ code: 'Q1A', title: 'Room 1', createdAt: 5 }], results: [{ id: 'Q1A:R1X', classCode: 'Q1A', code: 'R1X', name: 'Ada', addedAt: 6 }] });
		const again = memoryClassBook(last!);
		expect(await again.allClasses()).toEqual(await book.allClasses());
		expect(await again.classResults('Q1A')).toEqual(await book.classResults('Q1A'));
	});

	it('drops results whose class is not in the data it starts from', async () => {
		const book = memoryClassBook({ classes: [], results: [{ id: 'Q1A:R1X', classCode: 'Q1A', code: 'R1X', name: 'Ada', addedAt: 6 }] });
		expect(await book.classResults('Q1A')).toEqual([]);
	});
});
