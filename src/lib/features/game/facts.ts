/**
 * What the achievements look at, computed once from the log and the explicit inputs (clock, time
 * zone, goal, question bank, mastery, challenge results).
 */
import type { Text } from '../../core/text';
import type { Review } from '../../core/log/review';
import type { QuestionKind } from '../quiz/types';
import type { RoundResult } from './challenge';
import type { DayOf } from './days';
import type { Goal } from './goals';
import { streakFromEvents, type Streak } from './streak';
import { xpEvents, type XpEvent } from './xp';

/** The parts of a question the rules need; `Catalog.data.questions` fits as is. */
export interface QuestionRef {
	id: string;
	kind: QuestionKind;
	topic: string;
	family: string;
}

export interface TopicRef {
	id: string;
	title: Text;
}

export interface GameContext {
	now: number;
	dayOf: DayOf;
	goal: Goal;
	/** The question bank (flashcards included). */
	questions: readonly QuestionRef[];
	topics: readonly TopicRef[];
	/** Per topic, 0–1, as the dashboard computes it. */
	mastery?: ReadonlyMap<string, number>;
	rounds?: readonly RoundResult[];
}

export interface GameFacts {
	context: GameContext;
	events: XpEvent[];
	xp: number;
	streak: Streak;
	/** Question id → when it was first answered right. */
	firstRightAt: Map<string, number>;
	/** For each question once answered wrong, when it was first answered right afterwards; sorted. */
	recoveredAt: number[];
	/** Item (family) → first review. */
	firstReviewOfItem: Map<string, number>;
	/** Topic → first review. */
	firstReviewOfTopic: Map<string, number>;
}

export function gameFacts(log: readonly Review[], context: GameContext): GameFacts {
	const events = xpEvents(log);
	const topicOf = new Map<string, string>();
	for (const q of context.questions) {
		topicOf.set(q.id, q.topic);
		if (!topicOf.has(q.family)) topicOf.set(q.family, q.topic);
	}
	const firstRightAt = new Map<string, number>();
	const missed = new Set<string>();
	const recovered = new Set<string>();
	const recoveredAt: number[] = [];
	const firstReviewOfItem = new Map<string, number>();
	const firstReviewOfTopic = new Map<string, number>();
	for (const { review: r, right } of events) {
		if (!firstReviewOfItem.has(r.itemId)) firstReviewOfItem.set(r.itemId, r.at);
		const topic = (r.questionId !== undefined ? topicOf.get(r.questionId) : undefined) ?? topicOf.get(r.itemId);
		if (topic !== undefined && !firstReviewOfTopic.has(topic)) firstReviewOfTopic.set(topic, r.at);
		const q = r.questionId;
		if (q === undefined) continue;
		if (!right) missed.add(q);
		else {
			if (missed.has(q) && !recovered.has(q)) {
				recovered.add(q);
				recoveredAt.push(r.at);
			}
			if (!firstRightAt.has(q)) firstRightAt.set(q, r.at);
		}
	}
	return {
		context,
		events,
		xp: events.reduce((sum, e) => sum + e.xp, 0),
		streak: streakFromEvents(events, context),
		firstRightAt,
		recoveredAt,
		firstReviewOfItem,
		firstReviewOfTopic
	};
}
