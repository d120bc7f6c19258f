import type { State } from '../../core/fsm';
import { randomFor, shuffle } from '../../core/random';
import { statesOfFamily } from '../quiz/scope';
import type { QuestionRef } from '../game/facts';
import { dueQueue, isSetAside, isStudied, type Schedule } from '../../core/srs';
import type { Catalog } from './catalog';

export interface FlashcardPlan<Q extends QuestionRef = QuestionRef> {
	/** Due reviews first, then today's new cards. */
	cards: Q[];
	due: number;
	fresh: number;
}


/** Today's flashcard session: every due card, then new ones up to what is left of the daily quota. */
export function planFlashcards<Q extends QuestionRef>(catalog: Catalog<Q>, schedule: Schedule, now: number, newPerDay: number, newIntroducedToday: number, topic?: string): FlashcardPlan<Q> {
	const pool = topic ? (catalog.topicFlashcards.get(topic) ?? []) : catalog.flashcards;
	const byFamily = new Map(pool.map((q) => [q.family, q]));
	const { due, fresh } = dueQueue([...byFamily.keys()], schedule, now, { newPerDay, newIntroducedToday });
	return { cards: [...due, ...fresh].map((f) => byFamily.get(f)!), due: due.length, fresh: fresh.length };
}

/** Cram: extra practice over a topic's cards in a seeded order; it never moves a due date. */
export function planCram<Q extends QuestionRef>(catalog: Catalog<Q>, seed: number, topic?: string, size = 20): Q[] {
	const pool = topic ? (catalog.topicFlashcards.get(topic) ?? []) : catalog.flashcards;
	return shuffle(pool, randomFor(seed, 'cram')).slice(0, size);
}

/** Which modes have something for a topic: flashcards to study, questions to quiz (as /study and /quiz draw them). */
export function topicModes(catalog: Catalog<QuestionRef>, topic: string): { study: boolean; quiz: boolean } {
	return {
		study: (catalog.topicFlashcards.get(topic)?.length ?? 0) > 0,
		quiz: quizFamiliesIn(catalog, { topic }).length > 0
	};
}

/** What a quiz draws from: everything, one topic, or the questions about one state of the machine. */
export interface QuizScope {
	topic?: string;
	state?: State;
}

export function quizFamiliesIn(catalog: Catalog<QuestionRef>, { topic, state }: QuizScope): string[] {
	const families = topic ? (catalog.quizFamiliesByTopic.get(topic) ?? []) : catalog.quizFamilies;
	return state ? families.filter((f) => statesOfFamily(f).includes(state)) : families;
}

/** How many times each question was asked: a quiz asks the wording of a family asked least. */
export function timesAsked(log: readonly { questionId?: string; kind: string }[]): Map<string, number> {
	const asked = new Map<string, number>();
	for (const r of log) if (r.questionId !== undefined && r.kind !== 'undo') asked.set(r.questionId, (asked.get(r.questionId) ?? 0) + 1);
	return asked;
}

/**
 * A quiz: due families first (most overdue first), then families never seen, then the rest,
 * one question per family: of the family's wordings in the topic, one asked least so far (`asked`,
 * see `timesAsked`), ties broken by the session's seed. So the next quiz on a topic asks a family
 * in another wording where it has one, and the same seed and log give the same quiz.
 */
export function planQuiz<Q extends QuestionRef>(
	catalog: Catalog<Q>,
	schedule: Schedule,
	now: number,
	seed: number,
	size: number,
	scope: QuizScope = {},
	asked: ReadonlyMap<string, number> = new Map()
): Q[] {
	const random = randomFor(seed, 'quiz');
	// Suspended and buried families are left out, as the flashcard queue leaves them out.
	const families = quizFamiliesIn(catalog, scope).filter((f) => !isSetAside(schedule.get(f), now));
	const { due } = dueQueue(families, schedule, now, { newPerDay: 0, newIntroducedToday: 0 });
	const unseen = shuffle(families.filter((f) => !isStudied(schedule.get(f))), random);
	const rest = shuffle(families.filter((f) => isStudied(schedule.get(f)) && !due.includes(f)), random);
	return [...due, ...unseen, ...rest].slice(0, size).map((f) => {
		const all = catalog.questionsByFamily.get(f)!;
		const inTopic = scope.topic ? all.filter((q) => q.topic === scope.topic) : all;
		const wordings = inTopic.length ? inTopic : all;
		const least = Math.min(...wordings.map((q) => asked.get(q.id) ?? 0));
		const fresh = wordings.filter((q) => (asked.get(q.id) ?? 0) === least);
		return fresh[Math.floor(random() * fresh.length)]!;
	});
}

/** A missed question comes back later in the same session, once: a few questions on, or last. */
export function requeue<T>(queue: readonly T[], at: number, item: T, gap = 3): T[] {
	const position = Math.min(queue.length, at + 1 + gap);
	return [...queue.slice(0, position), item, ...queue.slice(position)];
}
