/**
 * Everything derived from the whole log that pages show (XP, level, goal, streak, quests,
 * achievements, statistics), in one function that the page runs for a small log and the game
 * worker for a big one, so the two can never disagree.
 */
import type { Review } from '../../core/log/review';
import { achievementsFor, type AchievementStatus } from './achievements';
import { learnerDay, type ZoneChange } from './days';
import type { QuestionRef, TopicRef } from './facts';
import { goalFromHistory, type GoalChange } from './goals';
import type { RoundResult } from './challenge';
import { roundsFromLog } from './rounds';
import { studyStats, type StudyStats } from './stats';
import { gameSummary, type GameSummary } from './summary';

/** What the summary depends on besides the log: all of it can be posted to a worker. */
export interface SummaryInputs {
	now: number;
	/** The learner's zone history (see learnerDay). */
	zones: readonly ZoneChange[];
	goalHistory: readonly GoalChange[];
	questions: readonly QuestionRef[];
	topics: readonly TopicRef[];
	/** Per topic, 0–1. */
	mastery: ReadonlyMap<string, number>;
}

export interface Summary {
	game: GameSummary;
	stats: StudyStats;
	/** Finished challenge rounds (personal bests). */
	rounds: RoundResult[];
}

export function summarize(log: readonly Review[], inputs: SummaryInputs): Summary {
	return { ...summarizeGame(log, inputs), stats: summaryStats(log, inputs) };
}

/** The game figures and the rounds alone: what a page that keeps the running totals needs of the whole log. */
export function summarizeGame(log: readonly Review[], inputs: SummaryInputs): Omit<Summary, 'stats'> {
	const dayOf = learnerDay(inputs.zones);
	const rounds = roundsFromLog(log);
	const game = gameSummary(log, {
		now: inputs.now,
		dayOf,
		goal: goalFromHistory(inputs.goalHistory),
		questions: inputs.questions,
		topics: inputs.topics,
		mastery: inputs.mastery,
		rounds
	});
	return { game, rounds };
}

/** The statistics alone. */
export const summaryStats = (log: readonly Review[], inputs: Pick<SummaryInputs, 'now' | 'zones'>): StudyStats => studyStats(log, { now: inputs.now, dayOf: learnerDay(inputs.zones) });

/** A summary as a worker posts it: an achievement carries its rule (a function), so only its id travels. */
export type PostedSummary = Omit<Summary, 'game'> & { game: Omit<GameSummary, 'achievements'> & { achievements: (Omit<AchievementStatus, 'achievement'> & { id: string })[] } };

export function toPosted<S extends Pick<Summary, 'game'>>({ game, ...rest }: S): Omit<S, 'game'> & Pick<PostedSummary, 'game'> {
	return { ...rest, game: { ...game, achievements: game.achievements.map(({ achievement, ...status }) => ({ ...status, id: achievement.id })) } };
}

/** The page puts its own copy of each achievement back. */
export function fromPosted<P extends Pick<PostedSummary, 'game'>>({ game, ...rest }: P, topics: readonly TopicRef[]): Omit<P, 'game'> & Pick<Summary, 'game'> {
	const byId = new Map(achievementsFor(topics).map((a) => [a.id, a]));
	const { achievements, ...scores } = game;
	return { ...rest, game: { ...scores, achievements: achievements.flatMap(({ id, ...status }) => (byId.has(id) ? [{ ...status, achievement: byId.get(id)! }] : [])) } };
}
