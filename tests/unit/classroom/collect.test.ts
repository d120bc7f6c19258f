import { describe, expect, it } from 'vitest';
import {
	buildQuiz,
	collectResults,
	csvFileName,
	encodeResult,
	memoryClassBook,
	openClass,
	readResults,
	sortResultCodes,
	splitCodes,
	type ClassQuiz
} from '../../../src/lib/features/classroom';
import type { StudyData } from '../../../src/lib/features/study/data';
import { bank, choice } from './fixtures';

const quiz = (seed = 1): ClassQuiz => buildQuiz(bank(), choice({ count: 3, seed }));
const resultOf = (q: ClassQuiz, name: string) => encodeResult(q, name, q.questions.map((x) => x.answer));

describe('collecting results', () => {
	it('splits pasted codes on spaces, commas and semicolons', () => {
		expect(splitCodes(' R1A,R1B;\nR1C  ')).toEqual(['R1A', 'R1B', 'R1C']);
		expect(splitCodes(' \n ')).toEqual([]);
	});

	it('keeps the good codes in their canonical form and says why the others are refused', () => {
		const q = quiz();
		const good = resultOf(q, 'Ada');
		const other = resultOf(quiz(2), 'Bob');
		const { good: kept, refused } = sortResultCodes(q, [good.toLowerCase(), other, 'x'.repeat(40)]);
		expect(kept).toEqual([{ code: good, name: 'Ada' }]);
		expect(refused.map((r) => r.problem.problem)).toEqual(['quiz', expect.any(String)]);
		expect(refused[1]!.code).toBe(`${'x'.repeat(24)}…`);
	});

	it('opens a new class from a valid code, and a kept class again', async () => {
		const book = memoryClassBook();
		const q = quiz();
		const first = await openClass(book, bank(), q.code.toLowerCase(), 5);
		expect(first).toMatchObject({ ok: true, isNew: true, record: { code: q.code, createdAt: 5 }, problem: null });
		expect(first.ok && first.quiz?.code).toBe(q.code);
		const again = await openClass(book, bank(), q.code, 9);
		expect(again).toMatchObject({ ok: true, isNew: false, record: { createdAt: 5 } });
		expect(await book.allClasses()).toHaveLength(1);
	});

	it('refuses a bad new code, but opens a kept class whose code this content no longer reads', async () => {
		const book = memoryClassBook();
		const q = quiz();
		expect(await openClass(book, bank(), 'Q1NOPE', 1)).toMatchObject({ ok: false });
		expect(await book.allClasses()).toEqual([]);
		await book.saveClass(q.code, 'Kept', 1);
		const otherContent: StudyData = { ...bank(), questions: bank().questions.slice(1) };
		const kept = await openClass(book, otherContent, q.code, 2);
		expect(kept).toMatchObject({ ok: true, quiz: null, problem: { ok: false, problem: 'content' }, record: { title: 'Kept' } });
	});

	it('stores the good codes once and reads them back for the quiz', async () => {
		const book = memoryClassBook();
		const q = quiz();
		await book.saveClass(q.code, '', 1);
		const codes = [resultOf(q, 'Ada'), resultOf(q, 'Bob')];
		expect(await collectResults(book, q, q.code, [...codes, 'junk'], 2)).toMatchObject({ added: 2, skipped: 0, refused: [{ code: 'junk' }] });
		expect(await collectResults(book, q, q.code, [codes[0]!], 3)).toMatchObject({ added: 0, skipped: 1, refused: [] });
		const records = await book.classResults(q.code);
		expect(readResults(q, records).map((r) => r.name)).toEqual(['Ada', 'Bob']);
		// A record another quiz cannot read is left out.
		expect(readResults(quiz(2), records)).toEqual([]);
	});

	it('names the CSV after the class', () => {
		expect(csvFileName('Q1ABC')).toBe('tcp-quest-class-Q1ABC.csv');
	});
});
