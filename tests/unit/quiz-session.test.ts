import { describe, expect, it } from 'vitest';
import { text } from '../../src/lib/core/text';
import type { Question } from '../../src/lib/features/quiz/types';
import { buildCatalog } from '../../src/lib/features/study/catalog';
import { planQuiz, timesAsked } from '../../src/lib/features/study/sessions';
import { topicCatalogue, unavailable } from '../../src/lib/features/study/topics';
import {
	canCheck,
	check,
	currentQuestion,
	finish,
	isRetry,
	next,
	quizPool,
	fitQuizSize,
	quizSizeChoices,
	startQuiz,
	summarize,
	withShuffledOptions,
	type QuizSession
} from '../../src/lib/features/study/quiz-session';
import { answerText, choose, codeSpans, joinOptions, markOf, minutesSeconds, moveStep, rightOptions, textLines, toggleStep, unplaced } from '../../src/lib/components/quiz/answers';
import type { ItemState } from '../../src/lib/core/srs';

const T0 = Date.UTC(2025, 0, 6, 9);

function single(id: string, answer = 'a', topic = 't1'): Question {
	return {
		id,
		kind: 'next_state',
		topic,
		family: `fam:${id}`,
		prompt: text(`问 ${id}`, `Q ${id}`),
		options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, label: text(o.toUpperCase(), o.toUpperCase()) })),
		answer: [answer],
		explanation: text('因为。（来源：RFC 9293）', 'Because. (Source: RFC 9293)'),
		source: 'RFC 9293'
	};
}

const multi: Question = { ...single('m'), kind: 'event_between', answer: ['a', 'c'], multi: true };
const order: Question = {
	...single('o'),
	kind: 'order_steps',
	options: ['syn-ack', 'ack', 'syn'].map((o) => ({ id: o, label: text(o, o) })),
	answer: ['syn', 'syn-ack', 'ack']
};

/** Answer the current question and move on. */
function play(s: QuizSession, chosen: string[], at = T0): QuizSession {
	return next(check(s, chosen, 1000), at);
}

describe('checking an answer', () => {
	it('gives feedback for a right single choice and keeps the queue', () => {
		const s = check(startQuiz([single('q1'), single('q2')], T0), ['a'], 1234);
		expect(s.checked).toMatchObject({ correct: true, chosen: ['a'], retry: false, durationMs: 1234 });
		expect(s.queue.map((q) => q.id)).toEqual(['q1', 'q2']);
		expect(s.index).toBe(0);
	});

	it('a miss comes back three questions later, or last', () => {
		const queue = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => single(id));
		const s = check(startQuiz(queue, T0), ['b'], 500);
		expect(s.checked?.correct).toBe(false);
		expect(s.queue.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q1', 'q5']);
		const short = check(startQuiz([single('q1'), single('q2')], T0), ['b'], 500);
		expect(short.queue.map((q) => q.id)).toEqual(['q1', 'q2', 'q1']);
	});

	it('a question comes back once only, even when missed again', () => {
		let s = startQuiz([single('q1')], T0);
		s = play(s, ['b']);
		expect(currentQuestion(s)?.id).toBe('q1');
		expect(isRetry(s)).toBe(true);
		s = check(s, ['c'], 10);
		expect(s.checked).toMatchObject({ correct: false, retry: true });
		expect(s.queue).toHaveLength(2);
		s = next(s, T0 + 5000);
		expect(s.finishedAt).toBe(T0 + 5000);
		expect(currentQuestion(s)).toBeUndefined();
	});

	it('refuses an incomplete answer and a second check', () => {
		const s = startQuiz([multi, order], T0);
		expect(check(s, [], 1)).toBe(s);
		expect(canCheck(order, ['syn'])).toBe(false);
		expect(canCheck(order, ['syn', 'ack', 'syn-ack'])).toBe(true);
		expect(canCheck(single('x'), ['a', 'b'])).toBe(false);
		const checked = check(s, ['a'], 1);
		expect(check(checked, ['a', 'c'], 1)).toBe(checked);
		expect(next(s, T0)).toBe(s);
	});

	it('grades multiple answers as all or nothing and marks each option', () => {
		const partly = check(startQuiz([multi], T0), ['a', 'b'], 1);
		expect(partly.checked?.correct).toBe(false);
		const attempt = partly.checked!;
		expect(['a', 'b', 'c', 'd'].map((id) => markOf(attempt, id))).toEqual(['right', 'wrong', 'missed', 'none']);
		expect(check(startQuiz([multi], T0), ['c', 'a'], 1).checked?.correct).toBe(true);
	});

	it('grades an order by exact sequence', () => {
		expect(check(startQuiz([order], T0), ['syn', 'syn-ack', 'ack'], 1).checked?.correct).toBe(true);
		expect(check(startQuiz([order], T0), ['syn', 'ack', 'syn-ack'], 1).checked?.correct).toBe(false);
		expect(rightOptions(order).map((o) => o.id)).toEqual(['syn', 'syn-ack', 'ack']);
	});
});

describe('building an answer', () => {
	it('a single choice replaces, a multiple choice toggles in option order', () => {
		expect(choose(single('x'), ['a'], 'c')).toEqual(['c']);
		expect(choose(multi, ['c'], 'a')).toEqual(['a', 'c']);
		expect(choose(multi, ['a', 'c'], 'a')).toEqual(['c']);
		expect(choose(multi, ['a'], 'zzz')).toEqual(['a']);
	});

	it('tapping a step appends it, tapping it again takes it out; moves stay in range', () => {
		let steps = toggleStep([], 'ack');
		steps = toggleStep(steps, 'syn');
		expect(steps).toEqual(['ack', 'syn']);
		expect(unplaced(order, steps).map((o) => o.id)).toEqual(['syn-ack']);
		expect(moveStep(steps, 1, -1)).toEqual(['syn', 'ack']);
		expect(moveStep(steps, 0, -1)).toEqual(['ack', 'syn']);
		expect(moveStep(steps, 1, 1)).toEqual(['ack', 'syn']);
		expect(toggleStep(steps, 'ack')).toEqual(['syn']);
	});
});

describe('summary', () => {
	it('scores first attempts only and lists the misses', () => {
		const queue = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => single(id));
		let s = startQuiz(queue, T0);
		s = play(s, ['a']); // q1 right
		s = play(s, ['b']); // q2 wrong → back after q5
		s = play(s, ['a']); // q3
		s = play(s, ['d']); // q4 wrong → last
		s = play(s, ['a']); // q5
		expect(s.queue.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q2', 'q4']);
		s = play(s, ['a']); // q2 right on the retry
		expect(s.finishedAt).toBeNull();
		s = play(s, ['b'], T0 + 95_000); // q4 wrong again, and the quiz ends
		expect(s.finishedAt).toBe(T0 + 95_000);
		const sum = summarize(s);
		expect(sum).toMatchObject({ total: 5, firstTry: 3, fixedOnRetry: 1, durationMs: 95_000 });
		expect(sum.missed.map((a) => [a.question.id, a.chosen])).toEqual([
			['q2', ['b']],
			['q4', ['d']]
		]);
		expect(minutesSeconds(sum.durationMs)).toEqual({ minutes: 1, seconds: 35 });
	});

	it('ending early summarizes what was answered', () => {
		let s = startQuiz([single('q1'), single('q2'), single('q3')], T0);
		s = play(s, ['c']);
		s = finish(check(s, ['a'], 1), T0 + 10_000);
		expect(currentQuestion(s)).toBeUndefined();
		expect(summarize(s)).toMatchObject({ total: 2, firstTry: 1, durationMs: 10_000 });
	});

	it('an empty quiz is over at once', () => {
		expect(startQuiz([], T0).finishedAt).toBe(T0);
	});
});

describe('planning helpers', () => {
	const questions = [single('a1', 'a', 't1'), single('a2', 'a', 't1'), single('b1', 'a', 't2')];
	const cardOnly: Question = { ...single('c', 'a', 't3'), kind: 'flashcard', options: [], answer: [] };
	const catalog = buildCatalog({
		topics: [
			{ id: 't1', title: text('一', 'One') },
			{ id: 't2', title: text('二', 'Two') },
			{ id: 't3', title: text('三', 'Three') }
		],
		questions: [...questions, cardOnly]
	});
	const state = (due: number) => ({ card: { due: new Date(due) } }) as unknown as ItemState;

	it('counts due and unseen families of a topic', () => {
		const schedule = new Map([
			['fam:a1', state(T0 - 1)],
			['fam:b1', state(T0 + 1)]
		]);
		expect(quizPool(catalog, schedule, T0, { topic: 't1' })).toEqual({ families: 2, due: 1, unseen: 1 });
		expect(quizPool(catalog, schedule, T0)).toEqual({ families: 3, due: 1, unseen: 1 });
		expect(quizPool(catalog, schedule, T0, { topic: 't3' })).toEqual({ families: 0, due: 0, unseen: 0 });
	});

	// Behaviour changed on purpose (issue 11, finding 10): every topic is listed, and a topic without
	// quiz questions says so instead of disappearing from the list.
	it('lists every topic, and says which have no quiz questions', () => {
		const entries = topicCatalogue(catalog);
		expect(entries.map((tp) => [tp.id, tp.questions])).toEqual([
			['t1', 2],
			['t2', 1],
			['t3', 0]
		]);
		expect(unavailable(entries[0]!, 'quiz')).toBeNull();
		expect(unavailable(entries[2]!, 'quiz')?.en).toBe('no quiz questions yet');
	});

	it('offers only sizes the pool can fill, and "all" for a small pool', () => {
		expect(quizSizeChoices(0)).toEqual([]);
		expect(quizSizeChoices(5)).toEqual([{ n: 5, all: true }]);
		expect(quizSizeChoices(11)).toEqual([
			{ n: 5, all: false },
			{ n: 10, all: false },
			{ n: 11, all: true }
		]);
		expect(quizSizeChoices(62).map((c) => c.n)).toEqual([5, 10, 20]);
		// The largest size that fits what was ticked: 10 wanted from 5 questions is all 5.
		expect(fitQuizSize(10, 5)).toBe(5);
		expect(fitQuizSize(10, 8)).toBe(8);
		expect(fitQuizSize(20, 11)).toBe(11);
		expect(fitQuizSize(10, 62)).toBe(10);
		expect(fitQuizSize(5, 3)).toBe(3);
	});

	it('asks a family in the wording asked least, so the next quiz asks it another way', () => {
		const wordings = [single('w1', 'a', 't1'), single('w2', 'a', 't1'), single('w3', 'a', 't1')].map((q) => ({ ...q, family: 'fam:w' }));
		const three = buildCatalog({ topics: [{ id: 't1', title: text('一', 'One') }], questions: wordings });
		const log: { questionId: string; kind: string }[] = [];
		const seen: string[] = [];
		for (let session = 0; session < 3; session++) {
			const [q] = planQuiz(three, new Map(), T0, session, 5, { topic: 't1' }, timesAsked(log));
			seen.push(q!.id);
			log.push({ questionId: q!.id, kind: 'quiz' });
		}
		expect(new Set(seen).size).toBe(3);
		// Deterministic for a seed and a log.
		expect(planQuiz(three, new Map(), T0, 7, 5, {}, timesAsked(log))).toEqual(planQuiz(three, new Map(), T0, 7, 5, {}, timesAsked(log)));
		// An undone answer was not asked.
		expect(timesAsked([{ questionId: 'w1', kind: 'undo' }]).size).toBe(0);
	});

	it('shuffles options per session, the same way for the same seed, but never the steps to order', () => {
		const q = { ...single('s'), options: 'abcdefgh'.split('').map((o) => ({ id: o, label: text(o, o) })) };
		const one = withShuffledOptions(q, 1).options.map((o) => o.id);
		expect(withShuffledOptions(q, 1).options.map((o) => o.id)).toEqual(one);
		expect([...one].sort()).toEqual('abcdefgh'.split(''));
		const seeds = [1, 2, 3, 4, 5].map((seed) => withShuffledOptions(q, seed).options.map((o) => o.id).join(''));
		expect(new Set(seeds).size).toBeGreaterThan(1);
		expect(withShuffledOptions(order, 1)).toBe(order);
		expect(q.options.map((o) => o.id).join('')).toBe('abcdefgh');
	});

	it('splits inline code', () => {
		expect(codeSpans('A host prints this `ss -tan` listing.')).toEqual([
			{ code: false, text: 'A host prints this ' },
			{ code: true, text: 'ss -tan' },
			{ code: false, text: ' listing.' }
		]);
		expect(codeSpans('plain')).toEqual([{ code: false, text: 'plain' }]);
	});

	it('joins chosen options without stacking punctuation ("。；") and numbers ordered steps', () => {
		expect(joinOptions(['保持 syncookies 为 1。', '调大 backlog。'], 'zh')).toBe('保持 syncookies 为 1；调大 backlog');
		expect(joinOptions(['Keep syncookies at 1.', 'Raise the backlog.'], 'en')).toBe('Keep syncookies at 1; Raise the backlog');
		expect(joinOptions(['A → B：SYN', 'B → A：SYN+ACK'], 'zh', true)).toBe('1. A → B：SYN\n2. B → A：SYN+ACK');
	});

	it('shows an answer by its labels in the order given, steps numbered, an unknown id as itself', () => {
		const labelled: Question = { ...multi, options: [{ id: 'a', label: text('保持 1。', 'Keep 1.') }, { id: 'c', label: text('调大。', 'Raise it.') }] };
		expect(answerText(labelled, ['c', 'a'], 'zh')).toBe('调大；保持 1');
		expect(answerText(labelled, labelled.answer, 'en')).toBe('Keep 1; Raise it');
		expect(answerText(order, order.answer, 'en')).toBe('1. syn\n2. syn-ack\n3. ack');
		expect(answerText(labelled, ['x'], 'en')).toBe('x');
		expect(answerText(labelled, [], 'en')).toBe('');
	});

	it('splits text into lines, trimmed, each with its inline code', () => {
		expect(textLines('1. A → B: `SYN`\n (Source: RFC 9293)')).toEqual([
			[
				{ code: false, text: '1. A → B: ' },
				{ code: true, text: 'SYN' }
			],
			[{ code: false, text: '(Source: RFC 9293)' }]
		]);
		expect(textLines('one line')).toEqual([[{ code: false, text: 'one line' }]]);
	});
});
