import { describe, expect, it } from 'vitest';
import { dayInZone, gameSummary, levelFor, progress, questProgress, streakOf, xpByDay, xpOf, type GameContext, type QuestionRef } from '../../../src/lib/features/game';
import type { Review, ReviewRating } from '../../../src/lib/core/log/review';
import { generateBank } from '../../../src/lib/server/generate';
import { loadDeck } from '../../../src/lib/server/deck';
import { DAY, MIN, card, quiz, shuffled, undo, utc } from './fixtures';

const START = utc(2025, 2, 1, 1);
const dayOf = dayInZone('Europe/Berlin');

/** Five weeks of uneven study: every kind, misses, cram, undos, ties on the same millisecond. */
function studyLog(bank: readonly QuestionRef[]): Review[] {
	const quizzes = bank.filter((q) => q.kind !== 'flashcard');
	const log: Review[] = [];
	for (let d = 0; d < 35; d++) {
		if (d % 6 === 5 || d === 17 || d === 18) continue;
		const n = 3 + ((d * 7) % 11);
		for (let i = 0; i < n; i++) {
			const at = START + d * DAY + ((d * 13) % 12) * 3_600_000 + i * ((i % 4) + 1) * MIN;
			const q = quizzes[(d * 31 + i * 17) % quizzes.length]!;
			const extra: Partial<Review> = { cram: i % 9 === 8, kind: d % 4 === 0 ? 'challenge' : 'quiz', itemId: q.family };
			if (i % 5 === 4) log.push(card(at, `state:LISTEN`, ((i % 4) + 1) as ReviewRating, { id: `c${d}:${i}` }));
			else log.push(quiz(at, q.id, (d + i) % 4 !== 0, extra));
			if (i === 2) log.push(quiz(at, q.id, false, { id: `tie${d}` })); // same instant: the id decides the order
		}
	}
	log.push(undo(START + 3 * DAY + 12 * 3_600_000, log[10]!), undo(START + 20 * DAY, log[200]!));
	return log;
}

const bank = generateBank(loadDeck(), 'tcp-quest').map(({ id, kind, topic, family }) => ({ id, kind, topic, family }));
const topics = [...new Set(bank.map((q) => q.topic))].map((id) => ({ id, title: { zh: id, en: id } }));
const log = studyLog(bank);
const context: GameContext = { now: START + 34 * DAY + 20 * 3_600_000, dayOf, goal: 20, questions: bank, topics };

function everything(l: readonly Review[]) {
	const summary = gameSummary(l, context);
	return {
		xp: xpOf(l),
		byDay: [...xpByDay(l, dayOf)].sort(),
		streak: streakOf(l, context),
		achievements: progress(l, context).map(({ achievement, ...p }) => ({ id: achievement.id, ...p })),
		quests: ['2025-02-03', '2025-02-20', '2025-03-07'].map((d) => questProgress(d, l, dayOf)),
		summary: { ...summary, achievements: summary.achievements.map((a) => [a.achievement.id, a.earned, a.current, a.earnedAt]) }
	};
}

describe('replaying the log', () => {
	const expected = everything(log);

	it('exercises the rules (the log is not trivial)', () => {
		expect(expected.xp).toBeGreaterThan(500);
		expect(expected.streak.longest).toBeGreaterThan(3);
		expect(expected.streak.frozenDays.length).toBeGreaterThan(0);
		expect(expected.achievements.filter((a) => a.earned).length).toBeGreaterThan(5);
		expect(expected.summary.xp).toBe(expected.xp);
		expect(expected.summary.level).toEqual(levelFor(expected.xp));
		expect(expected.summary.quests).toHaveLength(3);
	});

	it('gives the same totals whatever order the log is stored in', () => {
		for (let seed = 1; seed <= 15; seed++) expect(everything(shuffled(log, seed))).toEqual(expected);
	});

	it('gives the same totals after merging two devices’ overlapping copies', () => {
		const a = log.filter((_, i) => i % 3 !== 0);
		const b = log.filter((_, i) => i % 3 !== 1);
		expect(everything([...shuffled(b, 7), ...a])).toEqual(expected);
	});

	it('is changed by a real difference (the comparison can fail)', () => {
		expect(everything(log.slice(1)).xp).not.toBe(expected.xp);
	});
});

describe('the real question bank', () => {
	it('has questions for every set an achievement asks to get all right', () => {
		const all = progress([], context);
		const sets = ['simultaneous-close', 'time-wait-survivor', 'half-close', 'syn-flood-defender', 'in-order-delivery', 'ss-tan', 'sysctl', 'port-scan'];
		for (const id of sets) expect(all.find((s) => s.achievement.id === id)!.target, id).toBeGreaterThan(0);
		expect(all.find((s) => s.achievement.id === 'syn-flood-defender')!.target).toBe(bank.filter((q) => q.topic === 'syn-flood' && q.kind !== 'flashcard').length);
		// 16 since the lost-segments, fast-open and sockets-and-queues topics were added.
		expect(topics.length).toBe(16);
	});
});
