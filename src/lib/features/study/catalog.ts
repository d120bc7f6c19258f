import type { QuestionRef, TopicRef } from '../game/facts';
import type { Question } from '../quiz/types';

/**
 * Lookups over the bank that every page needs, computed once per load. In the browser it is built
 * over the bank's index (`QuestionRef`s: no words), and a session fetches the words of what it asks
 * (see slices.ts); at build time over the whole bank.
 */
export interface Catalog<Q extends QuestionRef = Question> {
	data: { topics: TopicRef[]; questions: Q[] };
	/** One flashcard per scheduled family, in deck order. */
	flashcards: Q[];
	/**
	 * Per topic, one flashcard per family in the topic's own wording: an interview card that repeats
	 * another (same family) is what studying the interview topic shows.
	 */
	topicFlashcards: Map<string, Q[]>;
	/** Their families: what the daily quota of new cards counts. */
	flashcardFamilies: ReadonlySet<string>;
	/** Every family that quiz questions ask about, in bank order. */
	quizFamilies: string[];
	questionsByFamily: Map<string, Q[]>;
	/** The topic a family was first asked in (a family can be asked in several: see follow-ups). */
	topicOfFamily: Map<string, string>;
	/** All families of a topic, flashcards and quizzes together: what mastery is measured over. */
	familiesByTopic: Map<string, string[]>;
	/** The quiz families each topic asks about, in bank order: what a topic's quiz draws from. */
	quizFamiliesByTopic: Map<string, string[]>;
}

export function buildCatalog<Q extends QuestionRef>(data: { topics: TopicRef[]; questions: Q[] }): Catalog<Q> {
	const flashcards: Q[] = [];
	const seenCard = new Set<string>();
	const topicFlashcards = new Map<string, Q[]>(data.topics.map((t) => [t.id, []]));
	const questionsByFamily = new Map<string, Q[]>();
	const topicOfFamily = new Map<string, string>();
	const familiesByTopic = new Map<string, string[]>(data.topics.map((t) => [t.id, []]));
	const quizFamiliesByTopic = new Map<string, string[]>(data.topics.map((t) => [t.id, []]));
	const seenInTopic = new Set<string>();
	const seenInQuiz = new Set<string>();
	for (const q of data.questions) {
		if (q.kind === 'flashcard') {
			if (!seenCard.has(q.family)) flashcards.push(q);
			seenCard.add(q.family);
			const own = topicFlashcards.get(q.topic);
			if (own && !own.some((x) => x.family === q.family)) own.push(q);
		} else {
			questionsByFamily.set(q.family, [...(questionsByFamily.get(q.family) ?? []), q]);
			const key = `${q.topic}\n${q.family}`;
			if (!seenInQuiz.has(key)) quizFamiliesByTopic.get(q.topic)?.push(q.family);
			seenInQuiz.add(key);
		}
		if (!topicOfFamily.has(q.family)) topicOfFamily.set(q.family, q.topic);
		const key = `${q.topic}\n${q.family}`;
		if (!seenInTopic.has(key)) familiesByTopic.get(q.topic)?.push(q.family);
		seenInTopic.add(key);
	}
	return {
		data,
		flashcards,
		topicFlashcards,
		flashcardFamilies: seenCard,
		quizFamilies: [...questionsByFamily.keys()],
		questionsByFamily,
		topicOfFamily,
		familiesByTopic,
		quizFamiliesByTopic
	};
}
