import { buildQuiz, CLASS_KINDS, type ClassQuiz, type QuizChoice } from '../../../src/lib/features/classroom';
import { generateBank } from '../../../src/lib/server/generate';
import { loadDeck } from '../../../src/lib/server/deck';
import type { StudyData } from '../../../src/lib/features/study/data';

let cached: StudyData | null = null;

/** The real bank, as /data/bank.json serves it. */
export function bank(): StudyData {
	if (!cached) {
		const deck = loadDeck();
		cached = { topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) };
	}
	return cached;
}

export const allTopics = () => bank().topics.map((_, i) => i);

export const choice = (over: Partial<QuizChoice> = {}): QuizChoice => ({
	seed: 1234,
	count: 30,
	seconds: 30,
	order: 'fixed',
	kinds: [...CLASS_KINDS],
	topics: allTopics(),
	...over
});

/** A 30-question quiz over everything, with multiple-choice and ordering questions in it. */
export function bigQuiz(): ClassQuiz {
	for (let seed = 0; seed < 500; seed++) {
		const quiz = buildQuiz(bank(), choice({ seed }));
		if (quiz.questions.some((q) => q.multi) && quiz.questions.some((q) => q.kind === 'order_steps') && quiz.questions.length === 30) return quiz;
	}
	throw new Error('no seed gives a varied quiz');
}
