/**
 * What the optimizer worker trains on: the log a request carries, or for a big log (posted as null)
 * the one in IndexedDB, read by the worker itself with a connection it closes.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { requestedLog } from '../../../src/lib/app/workers/optimizer-log';
import { appendReviews, openProgressDB, type ProgressDB } from '../../../src/lib/store';
import { reviewMaker } from '../store-fixtures';

const review = reviewMaker('opt');

describe('requestedLog', () => {
	it('reads the stored log, in order, when the request carries none, and closes its connection', async () => {
		const stored = Array.from({ length: 2_500 }, (_, i) => review(`card:c${i % 40}`, i % 5 === 0 ? 1 : 3, Date.UTC(2026, 0, 1) + i * 60_000));
		const setup = await openProgressDB('optimizer-log-1');
		await appendReviews(setup, stored);
		setup.close();

		let opened: ProgressDB | null = null;
		let closed = false;
		const log = await requestedLog({ log: null }, async () => {
			opened = await openProgressDB('optimizer-log-1');
			const close = opened.close.bind(opened);
			opened.close = () => ((closed = true), close());
			return opened;
		});
		expect(log.map((r) => r.id)).toEqual(stored.map((r) => r.id));
		expect(closed).toBe(true);
	});

	it('takes the log a request carries without opening the store (a small log, or no store at all)', async () => {
		const carried = [review('card:a', 3, 1_000)];
		const log = await requestedLog({ log: carried }, () => Promise.reject(new Error('no store here')));
		expect(log).toBe(carried);
	});

	it('passes on a store that cannot be opened', async () => {
		await expect(requestedLog({ log: null }, () => Promise.reject(new Error('blocked')))).rejects.toThrow('blocked');
	});
});
