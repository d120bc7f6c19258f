import { QUESTION_KINDS, type QuestionKind } from '../quiz/types';
import { BitReader, BitWriter } from './base32';
import { open, seal, type CodeProblem } from './envelope';

/** The version of the quiz-code layout this app writes; it also reads version 1 (15 kinds, before capture questions). */
export const QUIZ_CODE_VERSION = 2;
/** Kind bits and payload characters of each layout: v2 added one kind (`capture`) at the end. */
const LAYOUT: Record<number, { kinds: number; chars: number }> = { 1: { kinds: 15, chars: 15 }, 2: { kinds: 16, chars: 16 } };

/** Kinds a classroom quiz can ask (flashcards have no answer to check). */
export const CLASS_KINDS = QUESTION_KINDS.filter((k) => k !== 'flashcard') as Exclude<QuestionKind, 'flashcard'>[];
export type ClassKind = (typeof CLASS_KINDS)[number];

/** Seconds per question a teacher can choose; 0 for no limit. Index = what the code stores. */
export const TIME_LIMITS = [0, 10, 20, 30, 45, 60, 90, 120] as const;
export type TimeLimit = (typeof TIME_LIMITS)[number];

export const MAX_QUESTIONS = 30;
/** Topic slots in the code: positions in the bank's topic list. */
export const MAX_TOPICS = 16;
export const SEED_BITS = 15;
export const FINGERPRINT_BITS = 20;

export type QuizOrder = 'fixed' | 'shuffled';

/** Everything a quiz code pins: with the same bank, these select exactly the same questions. */
export interface QuizSpec {
	/** Hash of the selected questions as asked (see `fingerprint`): differs when the content does. */
	fingerprint: number;
	seed: number;
	count: number;
	seconds: TimeLimit;
	order: QuizOrder;
	/** In CLASS_KINDS order, no duplicates. */
	kinds: ClassKind[];
	/** Positions in the bank's topic list, ascending. */
	topics: number[];
}

const mask = (positions: readonly number[]) => positions.reduce((m, p) => m | (1 << p), 0) >>> 0;
const positions = (m: number, width: number) => Array.from({ length: width }, (_, i) => i).filter((i) => (m >>> i) & 1);

/** Why a spec cannot be written as a code (a programming error or an out-of-range choice). */
export function specProblem(spec: QuizSpec): string | null {
	if (!Number.isInteger(spec.fingerprint) || spec.fingerprint < 0 || spec.fingerprint >= 2 ** FINGERPRINT_BITS) return 'fingerprint';
	if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed >= 2 ** SEED_BITS) return 'seed';
	if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_QUESTIONS) return 'count';
	if (!TIME_LIMITS.includes(spec.seconds)) return 'seconds';
	if (spec.order !== 'fixed' && spec.order !== 'shuffled') return 'order';
	if (spec.kinds.length === 0 || spec.kinds.some((k) => !CLASS_KINDS.includes(k))) return 'kinds';
	if (spec.topics.length === 0 || spec.topics.some((t) => !Number.isInteger(t) || t < 0 || t >= MAX_TOPICS)) return 'topics';
	return null;
}

/**
 * Layout (v2), 76 bits in 16 characters between `Q2` and three check characters:
 * fingerprint 20 · seed 15 · count−1 5 · time limit 3 · order 1 · kinds 16 · topics 16
 * (v1 had 15 kind bits in 15 characters).
 */
export function encodeQuiz(spec: QuizSpec): string {
	const problem = specProblem(spec);
	if (problem) throw new RangeError(`quiz spec: bad ${problem}`);
	const w = new BitWriter()
		.write(spec.fingerprint, FINGERPRINT_BITS)
		.write(spec.seed, SEED_BITS)
		.write(spec.count - 1, 5)
		.write(TIME_LIMITS.indexOf(spec.seconds), 3)
		.write(spec.order === 'shuffled' ? 1 : 0, 1)
		.write(mask(spec.kinds.map((k) => CLASS_KINDS.indexOf(k))), CLASS_KINDS.length)
		.write(mask(spec.topics), MAX_TOPICS);
	return seal('quiz', QUIZ_CODE_VERSION, w.symbols());
}

export type QuizCodeResult = { ok: true; spec: QuizSpec; code: string } | ({ ok: false } & CodeProblem);

/** Read a typed or scanned quiz code (any case, with or without dashes). */
export function decodeQuiz(typed: string): QuizCodeResult {
	const opened = open('quiz', typed);
	if (!opened.ok) return opened;
	const layout = LAYOUT[opened.version];
	if (!layout) return { ok: false, problem: 'version', version: opened.version };
	if (opened.payload.length !== layout.chars) return { ok: false, problem: 'format' };
	const r = new BitReader(opened.payload);
	const fingerprint = r.read(FINGERPRINT_BITS);
	const seed = r.read(SEED_BITS);
	const count = r.read(5) + 1;
	const seconds = TIME_LIMITS[r.read(3)]!;
	const order: QuizOrder = r.read(1) ? 'shuffled' : 'fixed';
	const kinds = positions(r.read(layout.kinds), layout.kinds).map((i) => CLASS_KINDS[i]!);
	const topics = positions(r.read(MAX_TOPICS), MAX_TOPICS);
	const spec: QuizSpec = { fingerprint, seed, count, seconds, order, kinds, topics };
	if (specProblem(spec)) return { ok: false, problem: 'format' };
	return { ok: true, spec, code: opened.canonical };
}

/** Where a student opens a quiz: the code travels in the hash, read on the device (pages are prerendered). */
export const quizLink = (origin: string, code: string): string => `${origin}/classroom/take#${code}`;

/** A quiz code from a pasted link or a bare code. */
export function codeFromLink(typed: string): string {
	const hash = typed.indexOf('#');
	return (hash >= 0 ? typed.slice(hash + 1) : typed).trim();
}
