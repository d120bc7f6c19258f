import { shuffle, type Random } from '../random';

export { hash, randomFor, rng, shuffle, type Random } from '../random';

/**
 * Choose `n` distractors: the most plausible first (they come first in `ranked`), with a little
 * seeded variety among equally plausible ones.
 */
export function pickDistractors<T>(ranked: readonly T[][], n: number, random: Random, key: (item: T) => unknown = (x) => x): T[] {
	const out: T[] = [];
	const taken = new Set<unknown>();
	for (const tier of ranked) {
		for (const item of shuffle(tier, random)) {
			if (out.length === n) return out;
			if (taken.has(key(item))) continue;
			taken.add(key(item));
			out.push(item);
		}
	}
	return out;
}
