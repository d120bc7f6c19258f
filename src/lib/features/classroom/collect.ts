import type { StudyData } from '../study/data';
import type { ClassBook } from './book';
import type { ClassRecord, ClassResultRecord } from './records';
import { decodeResult, type ResultCodeResult, type StudentResult } from './result-code';
import { openQuiz, type ClassQuiz, type OpenQuizResult } from './select';

/** What the teacher collects results in: a class opened from its quiz code, kept in a `ClassBook`. */

/** A result code the teacher's device refused, shortened for the list, with why. */
export interface RefusedCode {
	code: string;
	problem: Extract<ResultCodeResult, { ok: false }>;
}

/** Codes pasted as one text: anything between spaces, commas or semicolons. */
export const splitCodes = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

const SHOWN_CHARS = 24;
const shortened = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);

/** Check every code against the quiz before any is kept: the good ones (canonical) and the refused. */
export function sortResultCodes(quiz: ClassQuiz, texts: readonly string[]): { good: { code: string; name: string }[]; refused: RefusedCode[] } {
	const good: { code: string; name: string }[] = [];
	const refused: RefusedCode[] = [];
	for (const text of texts) {
		const d = decodeResult(quiz, text);
		if (d.ok) good.push({ code: d.result.code, name: d.result.name });
		else refused.push({ code: shortened(text), problem: d });
	}
	return { good, refused };
}

/** The results kept for a class, read back from their codes; a record this quiz cannot read is left out. */
export const readResults = (quiz: ClassQuiz, records: readonly ClassResultRecord[]): StudentResult[] =>
	records.flatMap((r) => {
		const d = decodeResult(quiz, r.code);
		return d.ok ? [d.result] : [];
	});

export type QuizProblem = Extract<OpenQuizResult, { ok: false }>;

/** A class kept on this device; its quiz is null (with why) when this app's content no longer gives its questions. */
export type OpenedClass = { ok: true; record: ClassRecord; quiz: ClassQuiz | null; problem: QuizProblem | null; isNew: boolean } | QuizProblem;

/** Open a class by its quiz code. A class already kept opens even if its code no longer reads; a valid new code becomes a class. */
export async function openClass(book: ClassBook, bank: StudyData, code: string, now: number): Promise<OpenedClass> {
	const opened = openQuiz(bank, code);
	let record = await book.getClass(code);
	const isNew = !record;
	if (!record) {
		if (!opened.ok) return opened;
		record = (await book.getClass(opened.quiz.code)) ?? (await book.saveClass(opened.quiz.code, '', now));
	}
	return opened.ok ? { ok: true, record, quiz: opened.quiz, problem: null, isNew } : { ok: true, record, quiz: null, problem: opened, isNew };
}

/** Keep the good codes among `texts` for this class (a code already kept counts once); the refused ones say why. */
export async function collectResults(book: ClassBook, quiz: ClassQuiz, classCode: string, texts: readonly string[], now: number) {
	const { good, refused } = sortResultCodes(quiz, texts);
	const { added, skipped } = good.length ? await book.addResults(classCode, good, now) : { added: 0, skipped: 0 };
	return { added, skipped, refused };
}

export const csvFileName = (classCode: string): string => `tcp-quest-class-${classCode}.csv`;
