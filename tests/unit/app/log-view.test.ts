/**
 * The page's view of the log: new records move every figure at once, a read from the store folds in
 * what the outbox still holds, and the whole log, once read, keeps what was answered meanwhile.
 * Runs against the real store (fake-indexeddb).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearView, knownLog, readView, readWholeLog, showAdded, takeAppended, type LogView } from '../../../src/lib/app/log-view';
import { DEFAULT_SETTINGS } from '../../../src/lib/core/log';
import { appendReviews, openProgressDB } from '../../../src/lib/store';
import { card, DAY, quiz } from '../game/fixtures';

const emptyView = (): LogView => ({ reviews: [], logLoaded: false, recent: [], reviewCount: 0, schedule: new Map(), clock: 0, logVersion: 0 });
const now = Date.now();
const settings = { retention: DEFAULT_SETTINGS.retention, weights: null };

describe('log view', () => {
	it('shows a new record in the recent slice, the count, the clock and the schedule; in the whole log only once it is read', () => {
		const view = emptyView();
		const a = card(now, 'card:a', 3);
		showAdded(view, [a], undefined, settings);
		expect(view).toMatchObject({ recent: [a], reviews: [], reviewCount: 1, clock: now, logVersion: 1 });
		expect(view.schedule.get('card:a')?.lastId).toBe(a.id);
		view.logLoaded = true;
		const b = quiz(now + 1000);
		showAdded(view, [b], new Map([['card:a', undefined]]), settings);
		// The store's change wins over folding: here it says card:a is new again.
		expect(view.reviews).toEqual([b]);
		expect(view.schedule.has('card:a')).toBe(false);
		expect(knownLog(view)).toEqual([b]);
		clearView(view);
		expect(view).toMatchObject({ recent: [], reviews: [], reviewCount: 0, logVersion: 3 });
	});

	it('reads the schedule, the last days and the count from the store, with the outbox folded in', async () => {
		const db = await openProgressDB('log-view-1');
		const old = card(now - 10 * DAY, 'card:old', 3);
		const fresh = card(now - 1000, 'card:a', 3);
		await appendReviews(db, [old, fresh]);
		const waiting = card(now, 'card:b', 1);
		const view = emptyView();
		let rebuilt = 0;
		await readView(db, view, settings, { pending: [waiting] }, Infinity, async () => void rebuilt++);
		expect(view.recent.map((r) => r.id)).toEqual([fresh.id, waiting.id]);
		expect(view.reviewCount).toBe(3);
		expect([...view.schedule.keys()].sort()).toEqual(['card:a', 'card:b', 'card:old']);
		// A small log is never handed to the jobs worker.
		expect(rebuilt).toBe(0);
		db.close();
	});

	it('the whole log, read late, keeps what was answered meanwhile; another tab’s answers join it', async () => {
		const db = await openProgressDB('log-view-2');
		const stored = card(now - 5 * DAY, 'card:a', 3);
		await appendReviews(db, [stored]);
		const view = emptyView();
		const meanwhile = quiz(now);
		view.recent = [meanwhile];
		await readWholeLog(db, view, { pending: [] });
		expect(view.logLoaded).toBe(true);
		expect(view.reviews.map((r) => r.id)).toEqual([stored.id, meanwhile.id]);
		const other = card(now + 1000, 'card:c', 4);
		await appendReviews(db, [other]);
		await takeAppended(db, view, [other], settings, { pending: [] });
		expect(view.reviews.at(-1)).toEqual(other);
		expect(view.recent.map((r) => r.id)).toEqual([meanwhile.id, other.id]);
		expect(view.reviewCount).toBe(2);
		expect(view.logVersion).toBe(1);
		db.close();
	});
});
