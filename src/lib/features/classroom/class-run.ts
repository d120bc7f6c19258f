import type { Question } from '../quiz/types';
import type { ClassAnswer } from './answers';
import { cleanName } from './name';
import { decodeResult, encodeResult } from './result-code';
import { answerIsRight } from './score';
import { seatsFor, type ClassQuiz, type Seat } from './select';

/**
 * A student's run through a class quiz, as a pure reducer: the name form, each question in the
 * student's seat order since when, the answer waiting to be written, and the result code at the end.
 * The page keeps the timer, the record and the saved copy; every step gets the clock passed in.
 */
export interface ClassRun {
	quiz: ClassQuiz;
	name: string;
	seats: readonly Seat[];
	/** Position in `seats` of the question showing; -1 on the name form and the result. */
	at: number;
	/** When the current question showed: its countdown and the answer's duration start there. */
	shownAt: number;
	/** In the teacher's order, as the result code packs them. */
	answers: readonly ClassAnswer[];
	/** The answer given, waiting to be written to the log before the run moves on. */
	pending: PendingClassAnswer | null;
	result: { name: string; code: string } | null;
	/** The result was restored from an earlier run on this device, not just taken. */
	earlier: boolean;
}

/** What goes to the log for one answer (a time-out is no answer, and wrong). */
export interface PendingClassAnswer {
	question: Question;
	answer: ClassAnswer;
	correct: boolean;
	durationMs: number;
}

/** What the page keeps on the device to show a finished run again; only the code is trusted. */
export interface SavedRun {
	result: { name: string; code: string };
	answers: ClassAnswer[];
}

/** A quiz just opened: the name form. */
export const openRun = (quiz: ClassQuiz, name = ''): ClassRun => ({
	quiz,
	name,
	seats: [],
	at: -1,
	shownAt: 0,
	answers: [],
	pending: null,
	result: null,
	earlier: false
});

/**
 * A finished run from what an earlier visit saved, or null. The saved answers are not believed:
 * the result code is read again for this quiz, so a stale or edited copy shows nothing.
 */
export function restoreRun(quiz: ClassQuiz, saved: unknown): ClassRun | null {
	const code = (saved as { result?: { code?: unknown } } | null)?.result?.code;
	if (typeof code !== 'string') return null;
	const decoded = decodeResult(quiz, code);
	if (!decoded.ok) return null;
	const { name, answers } = decoded.result;
	return { ...openRun(quiz, name), answers, result: { name, code: decoded.result.code }, earlier: true };
}

/** What to save once the run is finished, or null before. */
export const savedOf = (run: ClassRun): SavedRun | null => (run.result ? { result: run.result, answers: [...run.answers] } : null);

/** Start with this name at `now`; null when the name is empty once cleaned. `seed` shuffles a shuffled quiz. */
export function startRun(run: ClassRun, rawName: string, seed: number, now: number): ClassRun | null {
	const name = cleanName(rawName);
	if (!name) return null;
	const seats = seatsFor(run.quiz, seed);
	return { ...openRun(run.quiz, name), seats, at: 0, shownAt: now, answers: run.quiz.questions.map(() => null) };
}

export const currentSeat = (run: ClassRun): Seat | undefined => (run.at >= 0 ? run.seats[run.at] : undefined);

/** Whether the student can answer: a question shows and nothing waits to be written. */
export const isAnswering = (run: ClassRun): boolean => currentSeat(run) !== undefined && !run.pending;

/** Whole seconds left on the current question at `now` (rounded up), or null when the quiz has no limit. */
export function runSecondsLeft(run: ClassRun, now: number): number | null {
	const limit = run.quiz.spec.seconds;
	if (!limit) return null;
	if (!currentSeat(run)) return 0;
	return Math.max(0, Math.ceil((run.shownAt + limit * 1000 - now) / 1000));
}

/** The student answered at `now`; null is no answer. */
export function answerRun(run: ClassRun, chosen: ClassAnswer, now: number): ClassRun {
	const seat = currentSeat(run);
	if (!seat || run.pending) return run;
	const question = run.quiz.questions[seat.index]!;
	const answer = chosen ? [...chosen] : null;
	return { ...run, pending: { question, answer, correct: answerIsRight(question, answer), durationMs: now - run.shownAt } };
}

/** The countdown's check at `now`: once the time is up, the question is left unanswered. */
export function timeOut(run: ClassRun, now: number): ClassRun {
	return isAnswering(run) && runSecondsLeft(run, now) === 0 ? answerRun(run, null, now) : run;
}

/** The answer waiting was written: keep it and show the next question at `now`, or finish with the result code. */
export function settleRun(run: ClassRun, now: number): ClassRun {
	const seat = currentSeat(run);
	if (!seat || !run.pending) return run;
	const answers = run.answers.map((a, i) => (i === seat.index ? run.pending!.answer : a));
	const settled = { ...run, answers, pending: null };
	if (run.at + 1 < run.seats.length) return { ...settled, at: run.at + 1, shownAt: now };
	return { ...settled, at: -1, result: { name: run.name, code: encodeResult(run.quiz, run.name, answers) } };
}

/** Back to the name form to take the quiz again (the log keeps the earlier answers). */
export const againRun = (run: ClassRun): ClassRun => openRun(run.quiz, run.name);

/** Right answers of a finished run. */
export const runScore = (run: ClassRun): number => run.quiz.questions.filter((q, i) => answerIsRight(q, run.answers[i] ?? null)).length;
