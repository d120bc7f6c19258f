import { randomFor, shuffle } from '../../core/random';
import type { Question } from '../quiz/types';
import { isSetAside, isStudied, type Schedule } from '../../core/srs';
import type { QuestionRef } from '../game/facts';
import type { Catalog } from './catalog';
import { isCorrect } from './grading';
import { quizFamiliesIn, requeue, type QuizScope } from './sessions';

/** How many questions a quiz can have, where the pool holds more. */
export const QUIZ_SIZES = [5, 10, 20] as const;

/** A size the setup offers: a fixed one, or every question of a smaller pool. */
export interface QuizSizeChoice {
	n: number;
	all: boolean;
}

/** The sizes a pool of `families` questions can fill: the fixed ones below it, then "all" if it is small. */
export function quizSizeChoices(families: number): QuizSizeChoice[] {
	if (families === 0) return [];
	const fixed = QUIZ_SIZES.filter((n) => n < families).map((n) => ({ n, all: false }));
	return families <= QUIZ_SIZES.at(-1)! ? [...fixed, { n: families, all: true }] : fixed;
}

/** The size a quiz gets when `wanted` was chosen: the largest offered size that is not more. */
export function fitQuizSize(wanted: number, families: number): number {
	const choices = quizSizeChoices(families);
	return (choices.filter((c) => c.n <= wanted).at(-1) ?? choices[0])?.n ?? 0;
}


/** One checked answer. */
export interface Attempt {
	question: Question;
	/** Option ids as given: for `order_steps`, in the learner's order. */
	chosen: readonly string[];
	correct: boolean;
	/** A missed question asked again later in the session. */
	retry: boolean;
	durationMs: number;
}

/** A quiz as data: what is asked, what was answered, and the answer being shown right now. */
export interface QuizSession {
	queue: readonly Question[];
	index: number;
	/** Questions planned at the start (the queue grows when a missed question comes back). */
	planned: number;
	startedAt: number;
	attempts: readonly Attempt[];
	/** Ids of questions already sent back once: a second miss does not loop forever. */
	requeued: readonly string[];
	/** The answer just checked, shown with its feedback until `next`. */
	checked: Attempt | null;
	finishedAt: number | null;
}

/** Where a quiz can draw from: the topic's quiz families, how many are due, how many never seen. */
export interface QuizPool {
	families: number;
	due: number;
	unseen: number;
}

export function quizPool(catalog: Catalog<QuestionRef>, schedule: Schedule, now: number, scope: QuizScope = {}): QuizPool {
	const families = quizFamiliesIn(catalog, scope);
	let due = 0;
	let unseen = 0;
	for (const f of families) {
		const state = schedule.get(f);
		if (isSetAside(state, now)) continue;
		if (!isStudied(state)) unseen++;
		else if (state.card.due.getTime() <= now) due++;
	}
	return { families: families.length, due, unseen };
}

/**
 * The options in a per-session order, so a learner remembers answers and not positions. Steps to
 * order keep the bank's order, which is guaranteed not to be the answer.
 */
export function withShuffledOptions(q: Question, seed: number): Question {
	if (q.kind === 'order_steps') return q;
	return { ...q, options: shuffle(q.options, randomFor(seed, q.id)) };
}

export function startQuiz(queue: readonly Question[], now: number): QuizSession {
	return { queue, index: 0, planned: queue.length, startedAt: now, attempts: [], requeued: [], checked: null, finishedAt: queue.length ? null : now };
}

export const currentQuestion = (s: QuizSession): Question | undefined => (s.finishedAt === null ? s.queue[s.index] : undefined);

/** Whether the current question is a second try of one missed earlier in this session. */
export const isRetry = (s: QuizSession): boolean => {
	const q = s.queue[s.index];
	return q !== undefined && s.queue.indexOf(q) < s.index;
};

/** Whether an answer is complete enough to check: one option, at least one, or every step placed. */
export function canCheck(q: Question, chosen: readonly string[]): boolean {
	if (q.kind === 'order_steps') return chosen.length === q.options.length;
	return q.multi ? chosen.length > 0 : chosen.length === 1;
}

/** Check the current question. A first miss sends it back a few questions later, once. */
export function check(s: QuizSession, chosen: readonly string[], durationMs: number): QuizSession {
	const question = currentQuestion(s);
	if (!question || s.checked || !canCheck(question, chosen)) return s;
	const correct = isCorrect(question, chosen);
	const attempt: Attempt = { question, chosen: [...chosen], correct, retry: isRetry(s), durationMs };
	const again = !correct && !s.requeued.includes(question.id);
	return {
		...s,
		queue: again ? requeue(s.queue, s.index, question) : s.queue,
		requeued: again ? [...s.requeued, question.id] : s.requeued,
		attempts: [...s.attempts, attempt],
		checked: attempt
	};
}

/** Leave the feedback and go to the next question; past the last one the quiz is over. */
export function next(s: QuizSession, now: number): QuizSession {
	if (!s.checked) return s;
	const index = s.index + 1;
	return { ...s, index, checked: null, finishedAt: index >= s.queue.length ? now : null };
}

/** End early: the summary covers what was answered. */
export function finish(s: QuizSession, now: number): QuizSession {
	return s.finishedAt === null ? { ...s, checked: null, finishedAt: now } : s;
}

export interface QuizSummary {
	/** Distinct questions answered. */
	total: number;
	/** Right on the first try: the score. */
	firstTry: number;
	/** Missed at first, then right when they came back. */
	fixedOnRetry: number;
	durationMs: number;
	/** First-try misses, in the order asked, with what was answered. */
	missed: Attempt[];
}

export function summarize(s: QuizSession, now = s.finishedAt ?? s.startedAt): QuizSummary {
	const first = s.attempts.filter((a) => !a.retry);
	return {
		total: first.length,
		firstTry: first.filter((a) => a.correct).length,
		fixedOnRetry: s.attempts.filter((a) => a.retry && a.correct).length,
		durationMs: Math.max(0, now - s.startedAt),
		missed: first.filter((a) => !a.correct)
	};
}
