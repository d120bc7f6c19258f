/** Undo: in the store when it can, else in memory (the undo waits in the outbox); either way the item's state goes back. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LogView } from '../../../src/lib/app/log-view';
import { Outbox } from '../../../src/lib/app/outbox';
import { undoInMemory, undoneState, undoSaved, undoStored } from '../../../src/lib/app/undo';
import { DEFAULT_SETTINGS } from '../../../src/lib/core/log';
import { buildSchedule } from '../../../src/lib/core/srs';
import { allReviews, appendReviews, openProgressDB, rebuildSchedule, rebuildTotals } from '../../../src/lib/store';
import { card, DAY } from '../game/fixtures';
import { fakeJobs } from './fake-jobs';

const settings = { retention: 0.9, weights: null };
const now = Date.UTC(2026, 4, 10, 9);
const first = card(now - 3 * DAY, 'card:a', 3);
const second = card(now - DAY, 'card:a', 1);
const other = card(now - 2 * DAY, 'card:b', 4);
const log = [first, other, second];
const viewOf = (reviews: typeof log): LogView => ({ reviews, logLoaded: true, recent: reviews, reviewCount: reviews.length, schedule: buildSchedule(reviews, 0.9), clock: 0, logVersion: 0 });

describe('undo', () => {
	it('the undone item’s state: remembered from this page’s life, else replayed without the undone record', () => {
		const remembered = buildSchedule([first], 0.9).get('card:a');
		expect(undoneState(second, new Map([[second.id, remembered]]), [], settings).get('card:a')).toBe(remembered);
		const undo = { ...second, id: 'u', kind: 'undo' as const, undoes: second.id, rating: undefined };
		const replayed = undoneState(second, new Map(), log, settings, undo).get('card:a');
		expect(replayed?.lastId).toBe(first.id);
	});

	it('in memory: the latest answer is undone by a record the outbox keeps, then the one before it', () => {
		const view = viewOf(log);
		const outbox = new Outbox(null, 'tab');
		expect(undoInMemory(view, outbox, new Map(), settings, now, 'v')).toBe(second);
		expect(outbox.pending).toMatchObject([{ kind: 'undo', undoes: second.id, at: now }]);
		expect(view.schedule.get('card:a')?.lastId).toBe(first.id);
		expect(view.reviewCount).toBe(4);
		// The latest by time, whatever the order written.
		expect(undoInMemory(view, outbox, new Map(), settings, now + 1, 'v')).toBe(other);
		expect(undoInMemory(view, outbox, new Map(), settings, now + 2, 'v')).toBe(first);
		expect(view.schedule.size).toBe(0);
		expect(undoInMemory(view, outbox, new Map(), settings, now + 3, 'v')).toBeNull();
	});

	it('in the store: the undo is written and shown with the store’s change', async () => {
		const db = await openProgressDB('undo-1');
		await appendReviews(db, log);
		await rebuildSchedule(db, 0.9);
		const view = viewOf(log);
		const { undone, saved } = await undoStored(db, view, new Map(), settings, now, 'v');
		expect(undone?.id).toBe(second.id);
		expect(saved).toBe(true);
		expect((await allReviews(db)).at(-1)).toMatchObject({ kind: 'undo', undoes: second.id });
		expect(view.recent.at(-1)).toMatchObject({ kind: 'undo', undoes: second.id });
		expect(view.schedule.get('card:a')?.lastId).toBe(first.id);
		db.close();
	});

	it('in an empty store: nothing undone, nothing shown', async () => {
		const db = await openProgressDB('undo-2');
		const view = viewOf([]);
		expect(await undoStored(db, view, new Map(), settings, now, 'v')).toEqual({ undone: null, saved: false });
		expect(view.logVersion).toBe(0);
		db.close();
	});

	it('an undo behind the totals’ checkpoint reads them again; every saved undo tells the other tabs', async () => {
		const db = await openProgressDB('undo-3');
		await appendReviews(db, log);
		await rebuildSchedule(db, 0.9);
		const stale = await rebuildTotals(db, [], now + 3 * DAY);
		const view = { ...viewOf(log), settings: { ...DEFAULT_SETTINGS }, job: null };
		const { jobs, told, totals } = fakeJobs(view, stale);
		expect(second.at).toBeLessThan(stale.checkpoint);
		expect((await undoSaved(jobs, db, new Map(), now, 'v'))?.id).toBe(second.id);
		expect(told).toEqual([{ kind: 'changed' }]);
		expect(totals()).not.toBe(stale);
		expect(totals()?.totals).toBeDefined();
		db.close();
	});
});
