/// <reference lib="webworker" />
/**
 * XP, streaks, quests, achievements and statistics for a big log (years of study), computed here so the page
 * never stalls. Messages arrive in order: the log in slices, then requests for a summary.
 */
import { learnerDay, gameSummary, goalFromHistory, roundsFromLog, studyStats, type QuestionRef, type TopicRef, type ZoneChange } from '../game';
import { type GoalChangeRecord, type Review } from '../progress';

export type GameRequest =
	| { kind: 'bank'; questions: QuestionRef[]; topics: TopicRef[] }
	| { kind: 'reset' }
	| { kind: 'append'; reviews: Review[] }
	| { kind: 'summary'; id: number; now: number; zones: ZoneChange[]; goalHistory: GoalChangeRecord[]; mastery: [string, number][] };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let log: Review[] = [];
let questions: QuestionRef[] = [];
let topics: TopicRef[] = [];

scope.addEventListener('message', (event: MessageEvent<GameRequest>) => {
	const m = event.data;
	switch (m.kind) {
		case 'bank':
			({ questions, topics } = m);
			return;
		case 'reset':
			log = [];
			return;
		case 'append':
			for (const r of m.reviews) log.push(r);
			return;
		case 'summary': {
			const rounds = roundsFromLog(log);
			const dayOf = learnerDay(m.zones);
			const game = gameSummary(log, {
				now: m.now,
				dayOf,
				goal: goalFromHistory(m.goalHistory),
				questions,
				topics,
				mastery: new Map(m.mastery),
				rounds
			});
			// An achievement carries its rule (a function, which cannot be posted): send its id, and the
			// page puts its own copy of the achievement back.
			const achievements = game.achievements.map(({ achievement, ...status }) => ({ ...status, id: achievement.id }));
			// The statistics page's figures ride along: one pass over a big log less on the page.
			const stats = studyStats(log, { now: m.now, dayOf });
			scope.postMessage({ id: m.id, game: { ...game, achievements }, stats });
		}
	}
});
