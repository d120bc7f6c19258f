/**
 * The level curve, published so a learner can see what the next level costs:
 *
 *   going from level n to n + 1 costs   50 + 25·(n − 1) XP        (50, 75, 100, 125, …)
 *   reaching level n takes in total     50·(n − 1) + 25·(n − 1)(n − 2)/2 XP
 *
 * so level 2 needs 50 XP, level 5 350, level 10 1,350 and level 20 5,225. The step grows linearly:
 * at the regular goal (50 XP a day) early levels come every day or two and level 20 after about
 * a hundred days, so there is always a next level in reach but never a wall.
 */

export const LEVEL_FIRST_STEP = 50;
export const LEVEL_STEP_GROWTH = 25;

/** XP it takes to go from level `n` to level `n + 1`. */
export const levelStep = (n: number): number => LEVEL_FIRST_STEP + LEVEL_STEP_GROWTH * (n - 1);

/** Total XP needed to reach level `n` (level 1 needs none). */
export const xpToReach = (n: number): number =>
	n <= 1 ? 0 : LEVEL_FIRST_STEP * (n - 1) + (LEVEL_STEP_GROWTH * (n - 1) * (n - 2)) / 2;

export interface Level {
	level: number;
	/** XP earned since reaching this level. */
	into: number;
	/** XP this level spans: the next level comes at `into === needed`. */
	needed: number;
}

export function levelFor(xp: number): Level {
	const total = Math.max(0, Math.floor(xp));
	// Solve xpToReach(n) <= total for n, then correct any rounding of the square root.
	const a = LEVEL_STEP_GROWTH / 2;
	const b = LEVEL_FIRST_STEP - (3 * LEVEL_STEP_GROWTH) / 2;
	const c = LEVEL_STEP_GROWTH - LEVEL_FIRST_STEP - total;
	let level = Math.max(1, Math.floor((-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a)));
	while (xpToReach(level + 1) <= total) level++;
	while (level > 1 && xpToReach(level) > total) level--;
	return { level, into: total - xpToReach(level), needed: levelStep(level) };
}
