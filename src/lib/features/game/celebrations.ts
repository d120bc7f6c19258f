/**
 * What deserves a celebration after an answer: the game summary before and after it, compared.
 * Only gains count (an undo or an import never celebrates, the caller only asks after a new review),
 * and today's goal and quests only within the same day.
 */
import type { Text } from '../../core/text';
import type { GameSummary } from './summary';

export type Celebration =
	| { kind: 'level'; level: number }
	| { kind: 'goal'; xp: number }
	| { kind: 'quest'; id: string; title: Text }
	| { kind: 'achievement'; id: string; title: Text };

/** The biggest news first: a level, then achievements, the goal, quests. */
export function celebrations(before: GameSummary, after: GameSummary): Celebration[] {
	const out: Celebration[] = [];
	if (after.level.level > before.level.level) out.push({ kind: 'level', level: after.level.level });
	const earned = new Set(before.achievements.filter((a) => a.earned).map((a) => a.achievement.id));
	for (const a of after.achievements) {
		if (a.earned && !earned.has(a.achievement.id)) out.push({ kind: 'achievement', id: a.achievement.id, title: a.achievement.title });
	}
	const sameDay = before.streak.today === after.streak.today;
	if (sameDay && after.today.met && !before.today.met) out.push({ kind: 'goal', xp: after.today.goal });
	if (sameDay) {
		const done = new Set(before.quests.filter((q) => q.done).map((q) => q.id));
		for (const q of after.quests) if (q.done && !done.has(q.id)) out.push({ kind: 'quest', id: q.id, title: q.title });
	}
	return out;
}
