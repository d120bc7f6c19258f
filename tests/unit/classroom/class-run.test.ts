import { describe, expect, it } from 'vitest';
import {
	againRun,
	answerRun,
	buildQuiz,
	currentSeat,
	decodeResult,
	isAnswering,
	openRun,
	restoreRun,
	runScore,
	savedOf,
	runSecondsLeft,
	settleRun,
	startRun,
	timeOut,
	type ClassQuiz,
	type ClassRun
} from '../../../src/lib/features/classroom';
import { bank, choice } from './fixtures';

const quiz = (over: Parameters<typeof choice>[0] = {}): ClassQuiz => buildQuiz(bank(), choice({ count: 3, seconds: 20, ...over }));
const T0 = 1_000_000;

/** The right answer to the question showing. */
const rightAnswer = (run: ClassRun) => run.quiz.questions[currentSeat(run)!.index]!.answer;

/** Answer every question (right when `right`), writing each at once. */
function finish(run: ClassRun, right: (i: number) => boolean): ClassRun {
	let r = run;
	for (let i = 0; currentSeat(r); i++) {
		const seat = currentSeat(r)!;
		const wrong = seat.question.options.map((o) => o.id).filter((id) => !seat.question.answer.includes(id)).slice(0, 1);
		r = settleRun(answerRun(r, right(i) ? rightAnswer(r) : wrong, T0 + 1000 * (i + 1)), T0 + 1000 * (i + 1));
	}
	return r;
}

describe('a class run', () => {
	it('starts only with a name, cleaned, on the first seat', () => {
		const q = quiz();
		expect(startRun(openRun(q), '   ', 1, T0)).toBeNull();
		const run = startRun(openRun(q), '  Ada  ', 1, T0)!;
		expect(run.name).toBe('Ada');
		expect(run.at).toBe(0);
		expect(run.seats).toHaveLength(3);
		expect(run.answers).toEqual([null, null, null]);
		expect(isAnswering(run)).toBe(true);
	});

	it('keeps the answer waiting until it is written, then shows the next question', () => {
		const run = startRun(openRun(quiz()), 'Ada', 1, T0)!;
		const answered = answerRun(run, rightAnswer(run), T0 + 4200);
		expect(answered.pending).toMatchObject({ correct: true, durationMs: 4200, question: run.quiz.questions[currentSeat(run)!.index] });
		expect(isAnswering(answered)).toBe(false);
		// A second click while the first is being written changes nothing.
		expect(answerRun(answered, null, T0 + 5000)).toBe(answered);
		const next = settleRun(answered, T0 + 4300);
		expect(next.at).toBe(1);
		expect(next.shownAt).toBe(T0 + 4300);
		expect(next.pending).toBeNull();
		expect(next.answers[currentSeat(run)!.index]).toEqual(rightAnswer(run));
	});

	it('answers in the student order land in the teacher order', () => {
		const run = startRun(openRun(quiz({ order: 'shuffled', count: 6 })), 'Ada', 7, T0)!;
		expect(run.seats.map((s) => s.index)).not.toEqual([0, 1, 2, 3, 4, 5]);
		const done = finish(run, () => true);
		done.quiz.questions.forEach((q, i) => expect([...(done.answers[i] ?? [])].sort()).toEqual([...q.answer].sort()));
		expect(runScore(done)).toBe(6);
	});

	it('counts the seconds down and leaves the question unanswered when they run out', () => {
		const run = startRun(openRun(quiz({ seconds: 20 })), 'Ada', 1, T0)!;
		expect(runSecondsLeft(run, T0)).toBe(20);
		expect(runSecondsLeft(run, T0 + 250)).toBe(20);
		expect(runSecondsLeft(run, T0 + 1001)).toBe(19);
		expect(timeOut(run, T0 + 19_999)).toBe(run);
		const out = timeOut(run, T0 + 20_000);
		expect(out.pending).toMatchObject({ answer: null, correct: false, durationMs: 20_000 });
		// The timer fires again before the record is written: still one answer.
		expect(timeOut(out, T0 + 20_250)).toBe(out);
	});

	it('has no countdown without a time limit', () => {
		const run = startRun(openRun(quiz({ seconds: 0 })), 'Ada', 1, T0)!;
		expect(runSecondsLeft(run, T0 + 10 ** 9)).toBeNull();
		expect(timeOut(run, T0 + 10 ** 9)).toBe(run);
	});

	it('finishes with the result code of its answers', () => {
		const run = finish(startRun(openRun(quiz()), 'Ada', 1, T0)!, (i) => i !== 1);
		expect(run.at).toBe(-1);
		expect(currentSeat(run)).toBeUndefined();
		expect(runScore(run)).toBe(2);
		const decoded = decodeResult(run.quiz, run.result!.code);
		expect(decoded.ok && decoded.result).toMatchObject({ name: 'Ada', answers: run.answers });
		expect(savedOf(run)).toEqual({ result: run.result, answers: run.answers });
		expect(savedOf(openRun(run.quiz))).toBeNull();
	});

	it('restores a saved result through its code, not its saved answers', () => {
		const run = finish(startRun(openRun(quiz()), 'Ada', 1, T0)!, () => true);
		const saved = JSON.parse(JSON.stringify(savedOf(run)));
		const restored = restoreRun(run.quiz, saved)!;
		expect(restored).toMatchObject({ earlier: true, result: run.result, name: 'Ada', at: -1, answers: run.answers });
		expect(runScore(restored)).toBe(3);
		// Answers edited on the device are not believed: the code still says what was answered.
		expect(restoreRun(run.quiz, { ...saved, answers: [null, null, null] })!.answers).toEqual(run.answers);
	});

	it('restores nothing from a broken copy or another quiz\'s result', () => {
		const run = finish(startRun(openRun(quiz()), 'Ada', 1, T0)!, () => true);
		const other = quiz({ seed: 99 });
		expect(restoreRun(run.quiz, null)).toBeNull();
		expect(restoreRun(run.quiz, { result: { name: 'Ada' } })).toBeNull();
		expect(restoreRun(run.quiz, { result: { code: 'R1-NOT-A-CODE' } })).toBeNull();
		expect(restoreRun(other, savedOf(run))).toBeNull();
	});

	it('starts again from the name form with the same name', () => {
		const run = finish(startRun(openRun(quiz()), 'Ada', 1, T0)!, () => true);
		const again = againRun(run);
		expect(again).toMatchObject({ name: 'Ada', result: null, earlier: false, at: -1 });
	});
});
