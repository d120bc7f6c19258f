import { describe, expect, it } from 'vitest';
import { levelFor, levelStep, xpToReach } from '../../../src/lib/features/game';

describe('level curve', () => {
	it('follows the published thresholds', () => {
		expect([1, 2, 3, 4, 5, 10, 20].map(xpToReach)).toEqual([0, 50, 125, 225, 350, 1350, 5225]);
		expect([1, 2, 3].map(levelStep)).toEqual([50, 75, 100]);
	});

	it('puts each XP total on the right level, at the edges', () => {
		expect(levelFor(0)).toEqual({ level: 1, into: 0, needed: 50 });
		expect(levelFor(49)).toEqual({ level: 1, into: 49, needed: 50 });
		expect(levelFor(50)).toEqual({ level: 2, into: 0, needed: 75 });
		expect(levelFor(124)).toEqual({ level: 2, into: 74, needed: 75 });
		expect(levelFor(125)).toEqual({ level: 3, into: 0, needed: 100 });
		expect(levelFor(1349).level).toBe(9);
		expect(levelFor(1350)).toEqual({ level: 10, into: 0, needed: 275 });
		expect(levelFor(-5)).toEqual({ level: 1, into: 0, needed: 50 });
	});

	it('agrees with the step sizes for every total up to 100,000 XP', () => {
		const wrong: number[] = [];
		let level = 1;
		for (let xp = 0; xp <= 100_000; xp++) {
			if (xp === xpToReach(level + 1)) level++;
			const l = levelFor(xp);
			const ok = l.level === level && l.needed === xpToReach(level + 1) - xpToReach(level) && l.into === xp - xpToReach(level) && l.into < l.needed;
			if (!ok) wrong.push(xp);
		}
		expect(wrong).toEqual([]);
		expect(level).toBeGreaterThan(80);
	});
});
