import { describe, expect, it } from 'vitest';
import { QUEST_TEMPLATES, addDays, dayInZone, questProgress, questsFor } from '../../../src/lib/features/game';
import { MIN, card, quiz, utc } from './fixtures';

const days = Array.from({ length: 120 }, (_, i) => addDays('2025-01-01', i));

describe('daily quests', () => {
	it('gives the same three quests for the same date', () => {
		for (const day of days) expect(questsFor(day)).toEqual(questsFor(day));
		expect(questsFor('2025-03-03').map((q) => q.id)).toEqual(questsFor('2025-03-03').map((q) => q.id));
	});

	it('draws three different quests, one of them for volume', () => {
		const volume = new Set(QUEST_TEMPLATES.filter((t) => t.volume).map((t) => t.id));
		for (const day of days) {
			const qs = questsFor(day);
			expect(qs).toHaveLength(3);
			expect(new Set(qs.map((q) => q.template)).size).toBe(3);
			expect(qs.filter((q) => volume.has(q.template))).toHaveLength(1);
			for (const q of qs) {
				expect(q.day).toBe(day);
				expect(q.title.zh).toContain(String(q.target));
				expect(q.title.en).toContain(String(q.target));
			}
		}
	});

	it('varies from day to day and uses every template', () => {
		const sets = new Set(days.map((d) => questsFor(d).map((q) => q.id).join()));
		expect(sets.size).toBeGreaterThan(60);
		const used = new Set(days.flatMap((d) => questsFor(d).map((q) => q.template)));
		expect(used.size).toBe(QUEST_TEMPLATES.length);
	});

	it('measures progress from that day’s reviews only', () => {
		const utcDay = dayInZone('UTC');
		const day = days.find((d) => questsFor(d).some((q) => q.template === 'reviews'))!;
		const target = questsFor(day).find((q) => q.template === 'reviews')!.target;
		const [y, m, d] = day.split('-').map(Number);
		const start = utc(y!, m!, d!, 9);
		const today = Array.from({ length: target - 1 }, (_, i) => quiz(start + i * MIN, `next_state:q${i}`));
		const yesterday = Array.from({ length: 30 }, (_, i) => card(start - 86_400_000 + i * MIN, `f${i}`, 3));
		const before = questProgress(day, [...yesterday, ...today], utcDay).find((q) => q.template === 'reviews')!;
		expect(before).toMatchObject({ current: target - 1, done: false });
		const after = questProgress(day, [...yesterday, ...today, quiz(start + target * MIN, 'duration:x', false)], utcDay).find((q) => q.template === 'reviews')!;
		expect(after).toMatchObject({ current: target, done: true });
	});

	it('counts right answers in a row within the day for a combo quest', () => {
		const utcDay = dayInZone('UTC');
		const day = days.find((d) => questsFor(d).some((q) => q.template === 'combo'))!;
		const target = questsFor(day).find((q) => q.template === 'combo')!.target;
		const [y, m, d] = day.split('-').map(Number);
		// A session that starts before midnight: only the answers after midnight count.
		const midnight = utc(y!, m!, d!);
		const log = Array.from({ length: target + 2 }, (_, i) => quiz(midnight + (i - 3) * MIN, `next_state:q${i}`));
		const combo = questProgress(day, log, utcDay).find((q) => q.template === 'combo')!;
		expect(combo).toMatchObject({ current: target - 1, done: false });
	});
});
