/** Saving: the outbox goes to the store in one write, other tabs hear of it, and trouble is said, never thrown. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/lib/app/outbox';
import { noteFailure, savePending, type SaveState } from '../../../src/lib/app/saving';
import type { TabMessage } from '../../../src/lib/app/tab-sync';
import { allReviews, openProgressDB, rebuildSchedule } from '../../../src/lib/store';
import { card } from '../game/fixtures';

const now = Date.UTC(2026, 4, 1, 9);
const a = card(now, 'card:a', 3);

describe('saving', () => {
	it('writes what is pending, clears the trouble and tells other tabs what it wrote', async () => {
		const db = await openProgressDB('saving-1');
		await rebuildSchedule(db, 0.9); // the schedule cache the write moves on
		const outbox = new Outbox(null, 'tab');
		outbox.add(a);
		const state: SaveState = { storage: 'full', pendingCount: 1 };
		const told: TabMessage[] = [];
		const change = await savePending(state, db, outbox, () => [], (m) => told.push(m));
		expect(change?.get('card:a')?.lastId).toBe(a.id);
		expect(state).toEqual({ storage: null, pendingCount: 0 });
		expect(told).toEqual([{ kind: 'appended', reviews: [a] }]);
		expect(await allReviews(db)).toEqual([a]);
		db.close();
	});

	it('a failed write keeps the answers, says why and resolves', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const db = await openProgressDB('saving-2');
		db.close(); // every transaction now throws
		const outbox = new Outbox(null, 'tab');
		outbox.add(a);
		const state: SaveState = { storage: null, pendingCount: 0 };
		const told: TabMessage[] = [];
		expect(await savePending(state, db, outbox, () => [], (m) => told.push(m))).toBeUndefined();
		expect(state.storage).not.toBeNull();
		expect(state.pendingCount).toBe(1);
		expect(told).toEqual([]);
	});

	it('writes nothing once a newer version replaced this one, or without a store', async () => {
		const outbox = new Outbox(null, 'tab');
		outbox.add(a);
		const write = vi.spyOn(outbox, 'flush');
		const db = await openProgressDB('saving-3');
		expect(await savePending({ storage: 'replaced', pendingCount: 0 }, db, outbox, () => [], () => {})).toBeUndefined();
		expect(await savePending({ storage: null, pendingCount: 0 }, null, outbox, () => [], () => {})).toBeUndefined();
		expect(write).not.toHaveBeenCalled();
		db.close();
	});

	it('names the trouble, and "replaced" stays said', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const state: SaveState = { storage: null, pendingCount: 0 };
		noteFailure(state, new DOMException('quota', 'QuotaExceededError'));
		expect(state.storage).toBe('full');
		state.storage = 'replaced';
		noteFailure(state, new DOMException('quota', 'QuotaExceededError'));
		expect(state.storage).toBe('replaced');
	});
});
