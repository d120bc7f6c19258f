/**
 * The one list of topics every mode shows (home, flashcards, quiz, challenge), with what each mode
 * has for a topic. A mode that has nothing for a topic says so beside it rather than leaving it out,
 * so the same topics appear everywhere in the same order.
 */
import { CHALLENGE } from '../game/challenge';
import { challengeTopics } from '../game/rounds';
import type { Text } from '../../core/text';
import { UI } from '../../components/ui';
import type { QuestionRef } from '../game/facts';
import type { Catalog } from './catalog';

export interface TopicEntry {
	id: string;
	title: Text;
	/** Flashcards. */
	cards: number;
	/** Quiz questions, counted as families: one question, asked in one or more wordings. */
	questions: number;
	/** Whether the topic holds a whole challenge round of its own. */
	challenge: boolean;
}

export type Mode = 'cards' | 'quiz' | 'challenge';

export function topicCatalogue(catalog: Catalog<QuestionRef>): TopicEntry[] {
	const challenge = new Set(challengeTopics(catalog.data.topics, catalog.data.questions).map((t) => t.id));
	const cards = new Map([...catalog.topicFlashcards].map(([topic, qs]) => [topic, qs.length]));
	return catalog.data.topics.map((t) => ({
		id: t.id,
		title: t.title,
		cards: cards.get(t.id) ?? 0,
		questions: catalog.quizFamiliesByTopic.get(t.id)?.length ?? 0,
		challenge: challenge.has(t.id)
	}));
}

/** Why a mode cannot be used for a topic, or null when it can. */
export function unavailable(entry: TopicEntry, mode: Mode): Text | null {
	switch (mode) {
		case 'cards':
			return entry.cards > 0 ? null : UI.noCards;
		case 'quiz':
			return entry.questions > 0 ? null : UI.noQuiz;
		case 'challenge':
			return entry.challenge ? null : UI.noChallenge(CHALLENGE.questions);
	}
}
