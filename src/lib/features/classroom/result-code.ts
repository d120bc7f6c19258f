import { BitReader, BitWriter } from './base32';
import { answerBits, packAnswers, unpackAnswers, type ClassAnswer } from './answers';
import { open, seal, type CodeProblem } from './envelope';
import { cleanName, MAX_NAME_BYTES, nameBytes } from './name';
import { QUIZ_ID_BITS, type ClassQuiz } from './select';

/** The version of the result-code layout this app writes and reads. */
export const RESULT_CODE_VERSION = 1;

/** One student's answers to one quiz, in the teacher's question order. */
export interface StudentResult {
	name: string;
	answers: ClassAnswer[];
	/** The canonical result code: the same result always has the same code. */
	code: string;
}

/**
 * Layout (v1) between `R1` and six check characters: quiz id 25 · name length in bytes 6 · the
 * name in UTF-8 · every answer packed into one mixed-radix number · zero padding to a character.
 */
export function encodeResult(quiz: ClassQuiz, rawName: string, answers: readonly ClassAnswer[]): string {
	const name = cleanName(rawName);
	if (!name) throw new RangeError('a result needs a name');
	const bytes = nameBytes(name);
	const w = new BitWriter().write(quiz.id, QUIZ_ID_BITS).write(bytes.length, 6);
	for (const b of bytes) w.write(b, 8);
	w.write(packAnswers(quiz.questions, answers), answerBits(quiz.questions));
	return seal('result', RESULT_CODE_VERSION, w.symbols());
}

export type ResultCodeResult = { ok: true; result: StudentResult } | ({ ok: false } & (CodeProblem | { problem: 'quiz' } | { problem: 'name' }));

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read a result code for this quiz. Another quiz's result, a bad name or stray bits are refused. */
export function decodeResult(quiz: ClassQuiz, typed: string): ResultCodeResult {
	const opened = open('result', typed);
	if (!opened.ok) return opened;
	if (opened.version !== RESULT_CODE_VERSION) return { ok: false, problem: 'version', version: opened.version };
	try {
		const r = new BitReader(opened.payload);
		if (r.read(QUIZ_ID_BITS) !== quiz.id) return { ok: false, problem: 'quiz' };
		const length = r.read(6);
		if (length === 0 || length > MAX_NAME_BYTES) return { ok: false, problem: 'name' };
		const bytes = Uint8Array.from({ length }, () => r.read(8));
		let name: string;
		try {
			name = utf8.decode(bytes);
		} catch {
			return { ok: false, problem: 'name' };
		}
		// Only names this app would have written: nothing invisible, nothing too long.
		if (cleanName(name) !== name) return { ok: false, problem: 'name' };
		const answers = unpackAnswers(quiz.questions, r.big(answerBits(quiz.questions)));
		if (!answers || !r.onlyPadding()) return { ok: false, problem: 'format' };
		return { ok: true, result: { name, answers, code: opened.canonical } };
	} catch {
		return { ok: false, problem: 'format' };
	}
}
