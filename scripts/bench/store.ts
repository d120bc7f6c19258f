import 'fake-indexeddb/auto';
import { buildDeck } from '../../src/lib/server/content';
import { localDay, type Review } from '../../src/lib/core/log';
import { generateBank } from '../../src/lib/server/generate';
import { readContentFiles } from '../../src/lib/server/content-files';
import { buildSchedule, introducedOn } from '../../src/lib/core/srs';
import { allReviews, appendReviews, openProgressDB, readSchedule, rebuildSchedule } from '../../src/lib/store';
import { buildCatalog, planFlashcards } from '../../src/lib/features/study';

const DAY = 86_400_000;

/** A plausible year of study: reviews spread over the bank's items, older first. */
function syntheticLog(items: string[], count: number, now: number): Review[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `bench-${i}`,
		itemId: items[i % items.length]!,
		kind: 'flashcard' as const,
		rating: (((i * 7) % 4) + 1) as 1 | 2 | 3 | 4,
		durationMs: 4000,
		at: now - 365 * DAY + Math.floor((i / count) * 364 * DAY),
		appVersion: 'bench'
	}));
}

export interface QueueTiming {
	total: number;
	read: number;
	replay: number;
	queue: number;
	/** Open, read the schedule cache and today's reviews, and compute the queue: what the app does. */
	cached: number;
}

/** Time to open the store, read the whole log and compute today's flashcard queue, by phase. */
export async function storeQueueTimes(reviews: number, runs: number): Promise<QueueTiming[]> {
	const { deck } = buildDeck(readContentFiles());
	const catalog = buildCatalog({ topics: [], questions: generateBank(deck) });
	const now = Date.now();
	const name = `bench-${reviews}`;
	const seed = await openProgressDB(name);
	const log = syntheticLog([...catalog.flashcards.map((q) => q.family), ...catalog.quizFamilies], reviews, now);
	await rebuildSchedule(seed, 0.9);
	await appendReviews(seed, log);
	seed.close();

	const times: QueueTiming[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const db = await openProgressDB(name);
		const all = await allReviews(db);
		const read = performance.now();
		const schedule = buildSchedule(all, 0.9);
		const replay = performance.now();
		const plan = planFlashcards(catalog, schedule, now, 10, introducedOn(schedule, localDay(now)));
		const end = performance.now();
		if (plan.cards.length === 0 && all.length !== reviews) throw new Error('queue computed from a partial log');
		db.close();
		const cachedStart = performance.now();
		const again = await openProgressDB(name);
		const cached = await readSchedule(again, 0.9);
		if (!cached) throw new Error('schedule cache is stale');
		planFlashcards(catalog, cached, now, 10, introducedOn(cached, localDay(now)));
		times.push({ total: end - start, read: read - start, replay: replay - read, queue: end - replay, cached: performance.now() - cachedStart });
		again.close();
	}
	return times;
}
