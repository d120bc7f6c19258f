/** Where the whole-log summary comes from: the page for a small log, the worker for a big one, the page again when the worker cannot start. */
import { describe, expect, it } from 'vitest';
import { BIG_LOG, inWorker, pageSummary, summaryInputs, workerSummary, type SummarySource } from '../../../src/lib/app/summary-source';
import { learnerDay, summarize, toPosted } from '../../../src/lib/features/game';
import { DEFAULT_SETTINGS } from '../../../src/lib/core/log';
import type { Question } from '../../../src/lib/features/quiz/types';
import { buildSchedule } from '../../../src/lib/core/srs';
import { buildCatalog } from '../../../src/lib/features/study/catalog';
import { WORKER_ERROR } from '../../../src/lib/core/worker-call';
import { card, utc } from '../game/fixtures';

const now = utc(2026, 5, 10, 12);
const catalog = buildCatalog({
	topics: [{ id: 'handshake', title: { zh: '握手', en: 'Handshake' } }],
	questions: ['card:a', 'card:b'].map((family) => ({ id: `flashcard:${family}`, kind: 'flashcard', family, topic: 'handshake' }) as unknown as Question)
});
const log = [card(now - 3_600_000, 'card:a', 3)];
const source = (over: Partial<SummarySource> = {}): SummarySource => ({
	ready: true,
	catalog,
	logLoaded: true,
	clock: now,
	schedule: buildSchedule(log, 0.9),
	recent: log,
	settings: { ...DEFAULT_SETTINGS, goal: 'serious' },
	introducedToday: 1,
	dayOf: learnerDay([]),
	...over
});

describe('summary source', () => {
	it('a log over BIG_LOG goes to the worker, unless there is no store or the worker failed', () => {
		expect(inWorker(BIG_LOG, true, false)).toBe(false);
		expect(inWorker(BIG_LOG + 1, true, false)).toBe(true);
		expect(inWorker(BIG_LOG + 1, false, false)).toBe(false);
		expect(inWorker(BIG_LOG + 1, true, true)).toBe(false);
	});

	it('inputs wait for the bank and the whole log (or the worker, which reads the log itself)', () => {
		expect(summaryInputs(source({ ready: false }), false)).toBeNull();
		expect(summaryInputs(source({ catalog: null }), true)).toBeNull();
		expect(summaryInputs(source({ logLoaded: false }), false)).toBeNull();
		const inputs = summaryInputs(source({ logLoaded: false }), true)!;
		expect(inputs.now).toBe(now);
		// The goal history ends on today's setting.
		expect(inputs.goalHistory.at(-1)).toMatchObject({ setting: 'serious' });
		expect(inputs.mastery.get('handshake')).toBeGreaterThan(0);
		expect(pageSummary(log, null)).toBeNull();
		expect(pageSummary(log, inputs)?.game.xp).toBeGreaterThan(0);
	});

	it('the worker’s answer comes back with the page’s achievements; a worker that cannot start says so; other errors are thrown', async () => {
		const inputs = summaryInputs(source(), true)!;
		const expected = summarize(log, inputs);
		const topics = () => catalog.data.topics;
		const summary = await workerSummary({ summarize: async () => toPosted(expected) }, inputs, topics);
		// Each achievement is the page's own again (rules are functions, so compare what travels).
		expect(summary !== 'failed' && summary && toPosted(summary)).toEqual(toPosted(expected));
		expect(summary !== 'failed' && summary?.game.achievements[0]?.achievement.id).toBe(expected.game.achievements[0]!.achievement.id);
		expect(await workerSummary({ summarize: async () => null }, inputs, topics)).toBeNull();
		expect(await workerSummary({ summarize: async () => toPosted(expected) }, inputs, () => undefined)).toBeNull();
		const blocked = Object.assign(new Error('blocked'), { name: WORKER_ERROR });
		expect(await workerSummary({ summarize: () => Promise.reject(blocked) }, inputs, topics)).toBe('failed');
		await expect(workerSummary({ summarize: () => Promise.reject(new Error('quota')) }, inputs, topics)).rejects.toThrow('quota');
	});
});
