/** What a sync push reads of the stored log: only the pages from its checkpoint on. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../../src/lib/core/log';
import { appendReviews, openProgressDB, resetProgress, reviewsFrom } from '../../../src/lib/store';
import { LOG_PAGE } from '../../../src/lib/store/db';

const review = (i: number): Review => ({ id: `r-${i}`, itemId: 'card:x', kind: 'flashcard', rating: 3, durationMs: 1000, at: 1_700_000_000_000 + i, appVersion: 't' });

describe('reviewsFrom', () => {
	it('gives the records from a position on in the order written, and the log length', async () => {
		const db = await openProgressDB('log-from-1');
		const all = Array.from({ length: 2 * LOG_PAGE + 300 }, (_, i) => review(i));
		await appendReviews(db, all.slice(0, LOG_PAGE + 10));
		await appendReviews(db, all.slice(LOG_PAGE + 10));
		for (const from of [0, 7, LOG_PAGE, LOG_PAGE + 11, 2 * LOG_PAGE + 299, all.length, all.length + 5]) {
			const { count, reviews } = await reviewsFrom(db, from);
			expect(count).toBe(all.length);
			expect(reviews.map((r) => r.id)).toEqual(all.slice(from).map((r) => r.id));
		}
		await resetProgress(db);
		expect(await reviewsFrom(db, 40)).toEqual({ count: 0, reviews: [] });
		db.close();
	});
});
