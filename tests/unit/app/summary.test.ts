import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/lib/server/content';
import { cloneTotals, effectiveReviewsAfter, foldTotals, fromPosted, gameFromTotals, goalFromHistory, learnerDay, statsFromTotals, summarize, toPosted, totalsOf, type SummaryInputs } from '../../../src/lib/features/game';
import type { Review } from '../../../src/lib/core/log';
import { generateBank } from '../../../src/lib/server/generate';
import { readContentFiles } from '../../../src/lib/server/content-files';
import { summaryServer, type SummaryRequest } from '../../../src/lib/app/workers/summary-protocol';
import { appendReviews, openProgressDB } from '../../../src/lib/store';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 10, 12);
const { deck } = buildDeck(readContentFiles());
const questions = generateBank(deck);
const topics = deck.topics.map((t) => ({ id: t.id, title: t.title }));

/** Two years of mixed study: flashcards, quizzes (some wrong), challenge rounds and undos. */
function mixedLog(count: number): Review[] {
	const log: Review[] = [];
	for (let i = 0; i < count; i++) {
		const q = questions[(i * 7919) % questions.length]!;
		const at = now - 730 * DAY + Math.floor((i / count) * 730 * DAY);
		const base = { id: `r${i}`, itemId: q.family, questionId: q.id, durationMs: 3000 + (i % 5) * 1000, at, appVersion: 'test' };
		if (i % 97 === 0 && i > 0) log.push({ ...base, kind: 'undo', undoes: `r${i - 1}`, durationMs: 0 });
		else if (q.kind === 'flashcard') log.push({ ...base, kind: 'flashcard', rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 });
		else log.push({ ...base, kind: i % 11 < 3 ? 'challenge' : 'quiz', correct: i % 6 !== 0, answer: ['a'], session: i % 11 < 3 ? `challenge:mixed:${Math.floor(i / 10)}` : undefined });
	}
	return log;
}

describe('summarize: the page and the worker agree', () => {
	it('gives the same summary on a 20,000-review log either way', async () => {
		const log = mixedLog(20_000);
		const inputs: SummaryInputs = {
			now,
			zones: [
				{ since: 0, timeZone: 'Europe/Berlin' },
				{ since: now - 200 * DAY, timeZone: 'Asia/Shanghai' }
			],
			goalHistory: [{ since: '2024-06-01', setting: 'regular' }],
			questions,
			topics,
			mastery: new Map(topics.map((t, i) => [t.id, (i % 4) / 4]))
		};
		const inPage = summarize(log, inputs);

		// The worker's path: the log read from IndexedDB (written in two parts, the worker asked after
		// each, so the second request reads only what was appended), every message cloned as postMessage would.
		const db = await openProgressDB('summary-agree');
		const handle = summaryServer(() => openProgressDB('summary-agree'));
		const post = (m: SummaryRequest) => handle(structuredClone(m));
		const ask = () => post({ kind: 'summary', inputs: { now, zones: inputs.zones, goalHistory: inputs.goalHistory, mastery: [...inputs.mastery] } });
		await post({ kind: 'bank', questions, topics });
		await appendReviews(db, log.slice(0, 12_345));
		const partial = fromPosted(structuredClone((await ask())!), topics);
		expect(toPosted(partial)).toEqual(toPosted(summarize(log.slice(0, 12_345), inputs)));
		await appendReviews(db, log.slice(12_345));
		db.close();
		const reply = (await ask())!;
		const inWorker = fromPosted(structuredClone(reply), topics);

		// Achievement rules are functions, made afresh per copy: compare them by id.
		expect(toPosted(inWorker)).toEqual(toPosted(inPage));
		expect(inWorker.game.achievements.map((a) => a.achievement.title)).toEqual(inPage.game.achievements.map((a) => a.achievement.title));
		// Not a trivial summary: the log earned XP, a level and some achievements.
		expect(inPage.game.xp).toBeGreaterThan(1000);
		expect(inPage.game.achievements.filter((a) => a.earned).length).toBeGreaterThan(3);
	}, 30_000);

	it('the running totals (folded up to a checkpoint, then the days after it) give the same XP, streak, quests and statistics', () => {
		const log = mixedLog(20_000);
		const zones = [
			{ since: 0, timeZone: 'Europe/Berlin' },
			{ since: now - 200 * DAY, timeZone: 'Asia/Shanghai' }
		];
		const goalHistory = [
			{ since: '2024-06-01', setting: 'regular' as const },
			{ since: '2025-09-01', setting: 'casual' as const }
		];
		const dayOf = learnerDay(zones);
		const checkpoint = now - 2 * DAY;
		// What the store keeps (a structured clone, as IndexedDB does), and the days after it folded on in the page.
		const undoneLater = new Set(log.filter((r) => r.at >= checkpoint && r.undoes !== undefined).map((r) => r.undoes));
		const stored = structuredClone(totalsOf(log.filter((r) => r.at < checkpoint && !undoneLater.has(r.id)), dayOf));
		const totals = cloneTotals(stored);
		const events = foldTotals(totals, effectiveReviewsAfter(log, checkpoint), dayOf);
		const fromLog = summarize(log, { now, zones, goalHistory, questions, topics, mastery: new Map() });
		const { achievements, ...game } = fromLog.game;
		expect(achievements.length).toBeGreaterThan(0);
		expect(gameFromTotals(totals, events, { now, dayOf, goal: goalFromHistory(goalHistory) })).toEqual(game);
		expect(statsFromTotals(totals, { now, dayOf })).toEqual(fromLog.stats);
		expect(game.streak.current).toBeGreaterThan(0);
		expect(game.quests.some((q) => q.current > 0)).toBe(true);
		// Folding on a copy left the stored totals as they were.
		expect(stored.reviews).toBeLessThan(totals.reviews);
	}, 30_000);

	it('a worker that saw another log (a reset, then other answers) reads it again whole', async () => {
		const db = await openProgressDB('summary-reset');
		const handle = summaryServer(() => openProgressDB('summary-reset'));
		const inputs = { now, zones: [{ since: 0, timeZone: 'UTC' }], goalHistory: [], mastery: [] };
		const a = mixedLog(1_500);
		await appendReviews(db, a);
		expect((await handle({ kind: 'summary', inputs }))!.stats?.total.reviews).toBe(summarize(a, { ...inputs, questions: [], topics: [], mastery: new Map() }).stats.total.reviews);
		const { resetProgress } = await import('../../../src/lib/store');
		await resetProgress(db);
		const b = mixedLog(1_600).map((r) => ({ ...r, id: `b${r.id}`, undoes: r.undoes && `b${r.undoes}` }));
		await appendReviews(db, b);
		db.close();
		const expected = summarize(b, { ...inputs, questions: [], topics: [], mastery: new Map() });
		expect((await handle({ kind: 'summary', inputs }))!.stats).toEqual(structuredClone(expected.stats));
	});
});
