import { describe, expect, it } from 'vitest';
import { COMBO, XP_EFFORT, XP_TABLE, dayInZone, questionKindOf, xpByDay, xpEvents, xpOf } from '../../../src/lib/features/game';
import { MIN, card, quiz, undo, utc } from './fixtures';

const T = utc(2025, 3, 3, 9);

describe('XP per review', () => {
	it('ranks harder kinds above easier ones', () => {
		expect(XP_TABLE.order_steps).toBeGreaterThan(XP_TABLE.next_state);
		expect(XP_TABLE.ss_diagnosis).toBeGreaterThan(XP_TABLE.next_state);
		expect(XP_TABLE.scenario).toBeGreaterThan(XP_TABLE.next_state);
		expect(XP_TABLE.duration).toBeGreaterThan(XP_TABLE.next_state);
		expect(XP_TABLE.next_state).toBeGreaterThan(XP_TABLE.flashcard);
		expect(XP_EFFORT).toBeLessThan(Math.min(...Object.values(XP_TABLE)));
	});

	it('takes the kind from the question id prefix', () => {
		expect(questionKindOf(quiz(T, 'order_steps:active_close:segments'))).toBe('order_steps');
		expect(questionKindOf(quiz(T, 'ss_diagnosis:SYN_RECEIVED:1', true, { kind: 'challenge' }))).toBe('ss_diagnosis');
		expect(questionKindOf(quiz(T, 'predict:simultaneous_close:2', true, { kind: 'predict' }))).toBe('next_state');
		expect(questionKindOf(card(T, 'state:CLOSING', 3))).toBe('flashcard');
		expect(questionKindOf(quiz(T, 'mystery:thing'))).toBeUndefined();
	});

	it('gives full XP for a right answer or Good/Easy, a little for a miss, Again or Hard', () => {
		const xp = (r: Parameters<typeof xpOf>[0][number]) => xpOf([r]);
		expect(xp(quiz(T, 'order_steps:a:b'))).toBe(8);
		expect(xp(quiz(T, 'next_state:X:y'))).toBe(4);
		expect(xp(quiz(T, 'next_state:X:y', false))).toBe(1);
		expect(xp(card(T, 'state:LISTEN', 4))).toBe(2);
		expect(xp(card(T, 'state:LISTEN', 3))).toBe(2);
		expect(xp(card(T, 'state:LISTEN', 2))).toBe(1);
		expect(xp(card(T, 'state:LISTEN', 1))).toBe(1);
	});

	it('halves cram reviews, rounding up', () => {
		expect(xpOf([quiz(T, 'order_steps:a:b', true, { cram: true })])).toBe(4);
		expect(xpOf([quiz(T, 'duration:x', true, { cram: true })])).toBe(3);
		expect(xpOf([quiz(T, 'duration:x', false, { cram: true })])).toBe(1);
	});

	it('never rewards speed: the time taken does not change XP', () => {
		const fast = quiz(T, 'scenario:a', true, { durationMs: 500 });
		const slow = quiz(T, 'scenario:a', true, { durationMs: 120_000 });
		expect(xpOf([fast])).toBe(xpOf([slow]));
	});

	it('drops undone reviews', () => {
		const r = quiz(T, 'order_steps:a:b');
		expect(xpOf([r, undo(T + 1000, r)])).toBe(0);
	});
});

describe('combo', () => {
	const streakOf = (n: number, gap = MIN) => Array.from({ length: n }, (_, i) => quiz(T + i * gap, `next_state:S:e${i}`));

	it('adds +1 per 5 right in a row, capped at +3', () => {
		const bonuses = xpEvents(streakOf(22)).map((e) => e.bonus);
		expect(bonuses.slice(0, 4)).toEqual([0, 0, 0, 0]);
		expect(bonuses[4]).toBe(1); // 5th in a row
		expect(bonuses[9]).toBe(2);
		expect(bonuses[14]).toBe(COMBO.maxBonus);
		expect(Math.max(...bonuses)).toBe(COMBO.maxBonus);
		expect(xpOf(streakOf(5))).toBe(5 * 4 + 1);
	});

	it('is broken by a miss', () => {
		const log = [...streakOf(4), quiz(T + 4 * MIN, 'next_state:S:x', false), quiz(T + 5 * MIN, 'next_state:S:y')];
		const events = xpEvents(log);
		expect(events.map((e) => e.combo)).toEqual([1, 2, 3, 4, 0, 1]);
		expect(events.every((e) => e.bonus === 0)).toBe(true);
	});

	it('is broken by a pause of more than 30 minutes, which starts a new session', () => {
		const log = [...streakOf(4), quiz(T + 3 * MIN + 31 * MIN, 'next_state:S:late')];
		const last = xpEvents(log).at(-1)!;
		expect(last.combo).toBe(1);
		expect(last.session).toBe(1);
		const onTime = xpEvents([...streakOf(4), quiz(T + 3 * MIN + 30 * MIN, 'next_state:S:late')]).at(-1)!;
		expect(onTime.combo).toBe(5);
		expect(onTime.session).toBe(0);
	});

	it('counts Good flashcards and cram answers as right', () => {
		const log = [card(T, 'a', 3), card(T + MIN, 'b', 4), quiz(T + 2 * MIN, 'next_state:a:b', true, { cram: true }), card(T + 3 * MIN, 'c', 2)];
		expect(xpEvents(log).map((e) => e.combo)).toEqual([1, 2, 3, 0]);
	});
});

describe('XP per day', () => {
	it('sums each local day', () => {
		const day = dayInZone('UTC');
		const log = [quiz(utc(2025, 3, 3, 23, 50), 'order_steps:a'), quiz(utc(2025, 3, 4, 0, 10), 'duration:b', false)];
		expect([...xpByDay(log, day)]).toEqual([
			['2025-03-03', 8],
			['2025-03-04', 1]
		]);
		// The same instants in Shanghai (UTC+8) are both on the 4th.
		expect([...xpByDay(log, dayInZone('Asia/Shanghai'))]).toEqual([['2025-03-04', 9]]);
	});
});
