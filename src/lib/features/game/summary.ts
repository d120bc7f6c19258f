/** Everything the home page shows of the game, from one pass over the log. */
import type { Review } from '../../core/log/review';
import { progressFromFacts, type AchievementStatus } from './achievements';
import { gameFacts, type GameContext } from './facts';
import { goalProgress, type GoalProgress } from './goals';
import { levelFor, type Level } from './levels';
import { questProgressFromEvents, type QuestProgress } from './quests';
import type { Streak } from './streak';

export interface GameSummary {
	xp: number;
	level: Level;
	today: GoalProgress;
	streak: Streak;
	quests: QuestProgress[];
	achievements: AchievementStatus[];
}

export function gameSummary(log: readonly Review[], context: GameContext): GameSummary {
	const facts = gameFacts(log, context);
	return {
		xp: facts.xp,
		level: levelFor(facts.xp),
		today: goalProgress(facts.streak.todayXp, facts.streak.todayGoal),
		streak: facts.streak,
		quests: questProgressFromEvents(facts.streak.today, facts.events, context.dayOf),
		achievements: progressFromFacts(facts)
	};
}
