import { describe, expect, it } from 'vitest';
import { answersOn, countLog, dailyActivity, dayInZone, studyStats, xpEvents } from '../../../src/lib/features/game';
import { dashboard } from '../../../src/lib/features/study/dashboard';
import { buildCatalog } from '../../../src/lib/features/study/catalog';
import { HOUR, card, quiz, undo, utc } from './fixtures';

const dayOf = dayInZone('UTC');
const now = utc(2026, 5, 10, 18);
const yesterday = quiz(utc(2026, 5, 9, 12), 'next_state:CLOSING:recv_ack', true);
const a = card(utc(2026, 5, 10, 9), 'state:CLOSING', 3);
const b = quiz(utc(2026, 5, 10, 9, 1), 'next_state:CLOSING:recv_ack', true);
const c = quiz(utc(2026, 5, 10, 9, 2), 'next_state:CLOSING:recv_ack', false);
/** Rated three today, undid the last: two answers today, one of them right... and one yesterday. */
const log = [yesterday, a, b, c, undo(utc(2026, 5, 10, 9, 3), c)];

describe('the one count of answers', () => {
	it('applies undos: an undone answer counts nowhere', () => {
		expect(answersOn(log, '2026-05-10', dayOf)).toEqual({ answers: 2, right: 2 });
		expect(answersOn(log, '2026-05-09', dayOf)).toEqual({ answers: 1, right: 1 });
	});

	it('tells records from answers: the undone answer and the undo are both records', () => {
		expect(countLog(log)).toEqual({ records: 5, answers: 3, undos: 1 });
		// A duplicate (a backup merged twice in memory) is one answer.
		expect(countLog([...log, { ...a }]).answers).toBe(3);
	});

	it('is what home, the daily quests and the statistics show', () => {
		const catalog = buildCatalog({ topics: [], questions: [] });
		const home = dashboard(catalog, new Map(), log, now, 10, 0, dayOf);
		const quests = dailyActivity(xpEvents(log), dayOf).find((d) => d.day === '2026-05-10')!;
		const stats = studyStats(log, { now, dayOf });
		const today = answersOn(log, '2026-05-10', dayOf);
		expect(home.reviewsToday).toBe(today.answers);
		expect(home.correctToday).toBe(today.right);
		expect(quests.reviews).toBe(today.answers);
		expect(stats.last30.at(-1)!.reviews).toBe(today.answers);
		expect(stats.last30.at(-1)!.right).toBe(today.right);
		expect(stats.total.reviews).toBe(countLog(log).answers);
	});

	it('counts home\'s "today" in the learner\'s day, not the device\'s', () => {
		const late = quiz(utc(2026, 5, 10, 23, 30), 'next_state:CLOSING:recv_ack', true);
		const shanghai = dayInZone('Asia/Shanghai');
		const home = dashboard(buildCatalog({ topics: [], questions: [] }), new Map(), [late], utc(2026, 5, 10, 23, 40) + HOUR, 10, 0, shanghai);
		expect(home.reviewsToday).toBe(answersOn([late], shanghai(utc(2026, 5, 11, 0, 40)), shanghai).answers);
	});
});
