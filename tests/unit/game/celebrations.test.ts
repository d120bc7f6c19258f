import { describe, expect, it } from 'vitest';
import { celebrations, dayInZone, gameSummary, questsFor, type GameContext } from '../../../src/lib/features/game';
import type { Review } from '../../../src/lib/core/log/review';
import { DAY, MIN, card, quiz, utc } from './fixtures';

const T = utc(2025, 5, 5, 10);
const context = (now: number, goal = 20): GameContext => ({ now, dayOf: dayInZone('UTC'), goal, questions: [], topics: [] });
const summary = (log: Review[], now = log.at(-1)?.at ?? T, goal = 20) => gameSummary(log, context(now, goal));
/** `n` right quiz answers a minute apart, from `start`. */
const answers = (n: number, start = T) => Array.from({ length: n }, (_, i) => quiz(start + i * MIN, `next_state:Q${i}:x`));

describe('celebrations', () => {
	it('celebrate the first review', () => {
		const [first] = answers(1);
		const got = celebrations(summary([], T), summary([first!]));
		expect(got).toEqual([expect.objectContaining({ kind: 'achievement', id: 'syn' })]);
	});

	it('celebrate nothing when nothing new was reached', () => {
		const log = answers(3);
		expect(celebrations(summary(log.slice(0, 2)), summary(log))).toEqual([]);
		expect(celebrations(summary(log), summary(log))).toEqual([]);
	});

	it('celebrate the daily goal once, when it is reached', () => {
		// Next-state questions earn 4 XP each (plus a combo bonus from the fifth): 20 XP by the fifth.
		const log = answers(6);
		const i = log.findIndex((_, k) => summary(log.slice(0, k + 1)).today.met);
		expect(i).toBeGreaterThan(0);
		expect(celebrations(summary(log.slice(0, i)), summary(log.slice(0, i + 1)))).toContainEqual({ kind: 'goal', xp: 20 });
		expect(celebrations(summary(log.slice(0, i + 1)), summary(log.slice(0, i + 2))).some((c) => c.kind === 'goal')).toBe(false);
	});

	it('celebrate a level-up, biggest news first', () => {
		const log = answers(14);
		const i = log.findIndex((_, k) => summary(log.slice(0, k + 1)).level.level === 2);
		expect(i).toBeGreaterThan(0);
		const got = celebrations(summary(log.slice(0, i)), summary(log.slice(0, i + 1)));
		expect(got[0]).toEqual({ kind: 'level', level: 2 });
	});

	it('celebrate a finished quest', () => {
		const quests = questsFor('2025-05-05');
		const log: Review[] = [];
		let found = false;
		// Study a mix until some quest completes; the one that did is celebrated, by its title.
		for (let k = 0; k < 60 && !found; k++) {
			const before = summary(log, T + k * MIN);
			log.push(k % 2 ? card(T + k * MIN, `card:c${k}`, 3) : quiz(T + k * MIN, `next_state:Q${k}:x`));
			const after = summary(log);
			const got = celebrations(before, after).filter((c) => c.kind === 'quest');
			if (got.length) {
				found = true;
				expect(quests.map((q) => q.id)).toContain((got[0] as { id: string }).id);
			}
		}
		expect(found).toBe(true);
	});

	it('do not celebrate today’s goal or quests across midnight', () => {
		const yesterday = answers(8, T - DAY);
		const before = summary(yesterday, T - DAY + 30 * MIN);
		const after = summary([...yesterday, quiz(T, 'next_state:new:x')], T);
		expect(celebrations(before, after).some((c) => c.kind === 'goal' || c.kind === 'quest')).toBe(false);
	});
});
