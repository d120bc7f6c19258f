import { hash, randomFor, shuffle } from '../../core/random';
import { isQuizQuestion, type Question } from '../quiz/types';
import type { StudyData } from '../study/data';
import { encodeQuiz, decodeQuiz, FINGERPRINT_BITS, MAX_QUESTIONS, type ClassKind, type QuizSpec } from './quiz-code';
import type { CodeProblem } from './envelope';

/** What the teacher chooses; the fingerprint is computed from the questions it selects. */
export type QuizChoice = Omit<QuizSpec, 'fingerprint'>;

/** A quiz ready to take, project or mark: its code, what the code pins, the questions in order. */
export interface ClassQuiz {
	code: string;
	spec: QuizSpec;
	/** In the teacher's (canonical) order, options in the bank's order. */
	questions: Question[];
	/** Names the quiz inside result codes. */
	id: number;
}

export const QUIZ_ID_BITS = 25;

/** The quiz a result code belongs to: a hash of the canonical quiz code. */
export const quizIdOf = (code: string): number => (hash(`classroom:${code}`) >>> (32 - QUIZ_ID_BITS)) >>> 0;

const topicIds = (bank: StudyData, positions: readonly number[]) => new Set(positions.map((p) => bank.topics[p]?.id).filter((id) => id !== undefined));

/** Questions a choice of kinds and topics can draw from, in bank order. */
export function eligible(bank: StudyData, kinds: readonly ClassKind[], topics: readonly number[]): Question[] {
	const ids = topicIds(bank, topics);
	const wanted = new Set<string>(kinds);
	return bank.questions.filter((q) => isQuizQuestion(q) && wanted.has(q.kind) && ids.has(q.topic));
}

/** How many questions such a quiz can have: one per family (questions about the same fact). */
export function available(bank: StudyData, kinds: readonly ClassKind[], topics: readonly number[]): number {
	return Math.min(MAX_QUESTIONS, new Set(eligible(bank, kinds, topics).map((q) => q.family)).size);
}

/** The questions a choice selects: `count` families in seeded order, one seeded question from each. */
export function selectQuestions(bank: StudyData, choice: QuizChoice): Question[] {
	const byFamily = new Map<string, Question[]>();
	for (const q of eligible(bank, choice.kinds, choice.topics)) byFamily.set(q.family, [...(byFamily.get(q.family) ?? []), q]);
	const random = randomFor(choice.seed, 'classroom');
	return shuffle([...byFamily.keys()], random)
		.slice(0, choice.count)
		.map((f) => {
			const group = byFamily.get(f)!;
			return group[Math.floor(random() * group.length)]!;
		});
}

/**
 * The content version a code pins: a hash of the selected questions as asked — ids, prompts,
 * listings, options and answers, in both languages. Another app whose content would ask anything
 * differently gets another fingerprint. (Explanations are left out: a reworded explanation is
 * not a different quiz.)
 */
export function fingerprint(questions: readonly Question[]): number {
	const asked = questions.map((q) => [q.id, q.kind, q.prompt, q.listing ?? '', q.options, q.answer, q.multi === true]);
	const h = hash(JSON.stringify(asked));
	return (h ^ (h >>> FINGERPRINT_BITS)) & (2 ** FINGERPRINT_BITS - 1);
}

/** Make a quiz from the teacher's choices. Fewer questions than asked if the pool is smaller. */
export function buildQuiz(bank: StudyData, choice: QuizChoice): ClassQuiz {
	const questions = selectQuestions(bank, choice);
	const spec: QuizSpec = { ...choice, count: Math.max(1, questions.length), fingerprint: fingerprint(questions) };
	const code = encodeQuiz(spec);
	return { code, spec, questions, id: quizIdOf(code) };
}

export type OpenQuizResult = { ok: true; quiz: ClassQuiz } | ({ ok: false } & (CodeProblem | { problem: 'content' }));

/** Open a quiz code against this app's bank; refuse it when the bank would give other questions. */
export function openQuiz(bank: StudyData, typed: string): OpenQuizResult {
	const decoded = decodeQuiz(typed);
	if (!decoded.ok) return decoded;
	const questions = selectQuestions(bank, decoded.spec);
	if (questions.length !== decoded.spec.count || fingerprint(questions) !== decoded.spec.fingerprint) return { ok: false, problem: 'content' };
	return { ok: true, quiz: { code: decoded.code, spec: decoded.spec, questions, id: quizIdOf(decoded.code) } };
}

/** One question as a student sees it, with its place in the teacher's order. */
export interface Seat {
	question: Question;
	/** Position in `ClassQuiz.questions`. */
	index: number;
}

/**
 * The order a student takes the quiz in. Fixed: the teacher's order. Shuffled: questions and
 * options in an order of the student's own (steps to order keep theirs: it is never the answer).
 */
export function seatsFor(quiz: ClassQuiz, studentSeed: number): Seat[] {
	const seats = quiz.questions.map((question, index) => ({ question, index }));
	if (quiz.spec.order === 'fixed') return seats;
	const random = randomFor(studentSeed, `classroom:${quiz.code}`);
	return shuffle(seats, random).map((s) =>
		s.question.kind === 'order_steps' ? s : { ...s, question: { ...s.question, options: shuffle(s.question.options, random) } }
	);
}

export { encodeQuiz, decodeQuiz };
