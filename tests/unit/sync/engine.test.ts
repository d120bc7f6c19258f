import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { effectiveRecords, type Review } from '../../../src/lib/core/log/review';
import { mergeLogs } from '../merge-logs';
import { batchId, batchProblem, parseBatchId, BATCH_SIZE } from '../../../src/lib/features/sync/batches';
import { deviceOf, syncedReviews, writeBatches, readSettings, writeSettings } from '../../../src/lib/features/sync/engine';
import { VALIDATE } from '../../../src/lib/features/sync/design';
import { applyShared, shared } from '../../../src/lib/features/sync/settings-doc';
import { DEFAULT_SETTINGS } from '../../../src/lib/core/log/settings';

const Pouch = PouchDB.plugin(memory).plugin(replication);
let n = 0;
const fresh = () => new Pouch(`t${n++}-${Math.random()}`, { adapter: 'memory' });
const review = (id: string, at: number, extra: Partial<Review> = {}): Review => ({ id, itemId: 'card:x', kind: 'flashcard', rating: 3, durationMs: 1000, at, appVersion: 't', ...extra });
const log = (prefix: string, count: number, from = 0) => Array.from({ length: count }, (_, i) => review(`${prefix}-${i}`, from + i));
const both = async (a: ReturnType<typeof fresh>, b: ReturnType<typeof fresh>) => {
	await a.replicate.to(b);
	await b.replicate.to(a);
};

describe('batches', () => {
	it('ids parse back and never clash across devices or counters', () => {
		const id = batchId('0f3c9a2e-1111-4222-8333-944455556666', 7);
		expect(parseBatchId(id)).toEqual({ device: '0f3c9a2e-1111-4222-8333-944455556666', counter: 7 });
		expect(parseBatchId('settings')).toBeNull();
		expect(() => batchId('bad:device', 1)).toThrow();
	});

	it('a batch with one malformed review is refused whole', () => {
		const doc = { _id: batchId('devicedevice', 0), device: 'devicedevice', counter: 0, reviews: [review('a', 1), { ...review('b', 2), rating: 9 }] };
		expect(batchProblem(doc)).toMatch(/review 2/);
		expect(batchProblem({ ...doc, reviews: [review('a', 1)] })).toBeNull();
		expect(batchProblem({ ...doc, counter: 1, reviews: [review('a', 1)] })).toMatch(/differ/);
	});
});

describe('writing batches', () => {
	it('cuts the log into batches of at most BATCH_SIZE and writes each review once', async () => {
		const db = fresh();
		const device = await deviceOf(db);
		const synced = new Set<string>();
		expect(await writeBatches(db, device, log('a', BATCH_SIZE + 10), synced)).toBe(BATCH_SIZE + 10);
		expect(await writeBatches(db, device, log('a', BATCH_SIZE + 10), synced)).toBe(0);
		const more = [...log('a', BATCH_SIZE + 10), review('late', 9e6)];
		expect(await writeBatches(db, device, more, synced)).toBe(1);
		const { rows } = await db.allDocs({ startkey: 'b:', endkey: 'b:\uffff' });
		expect(rows.map((r) => parseBatchId(r.id)?.counter)).toEqual([0, 1, 2]);
		expect((await syncedReviews(db)).reviews).toHaveLength(BATCH_SIZE + 11);
	});

	it('a wiped database is a new device: no batch id is ever reused', async () => {
		const server = fresh();
		const first = fresh();
		const d1 = await deviceOf(first);
		await writeBatches(first, d1, log('a', 3), new Set());
		await first.replicate.to(server);
		await first.destroy();
		const again = fresh(); // the same browser after its storage was cleared
		const d2 = await deviceOf(again);
		expect(d2).not.toBe(d1);
		await server.replicate.to(again);
		await writeBatches(again, d2, log('b', 3), (await syncedReviews(again)).ids);
		await again.replicate.to(server);
		const ids = (await server.allDocs({ startkey: 'b:', endkey: 'b:\uffff' })).rows.map((r) => r.id);
		expect(new Set(ids).size).toBe(2);
		expect((await syncedReviews(server)).reviews.map((r) => r.id).sort()).toEqual([...log('a', 3), ...log('b', 3)].map((r) => r.id).sort());
	});
});

describe('merging', () => {
	it('two devices writing at once: both end with every review exactly once, and merging again changes nothing', async () => {
		const [phone, laptop, server] = [fresh(), fresh(), fresh()];
		const phoneLog = log('p', 700);
		const laptopLog = log('l', 300, 50);
		await writeBatches(phone, await deviceOf(phone), phoneLog, new Set());
		await writeBatches(laptop, await deviceOf(laptop), laptopLog, new Set());
		await Promise.all([both(phone, server), both(laptop, server)]);
		await both(phone, server);
		let phoneMerged = phoneLog;
		let laptopMerged = laptopLog;
		for (let round = 0; round < 2; round++) {
			phoneMerged = mergeLogs(phoneMerged, (await syncedReviews(phone)).reviews);
			laptopMerged = mergeLogs(laptopMerged, (await syncedReviews(laptop)).reviews);
		}
		expect(phoneMerged).toHaveLength(1000);
		expect(new Set(laptopMerged.map((r) => r.id))).toEqual(new Set(phoneMerged.map((r) => r.id)));
		expect(laptopMerged).toHaveLength(1000);
	});

	it('the same backup imported on one device and synced to another holds each review once', async () => {
		const [phone, laptop] = [fresh(), fresh()];
		const backup = log('x', 40);
		// The laptop already had the backup's reviews and synced them; the phone imports the same file later.
		await writeBatches(laptop, await deviceOf(laptop), backup, new Set());
		await laptop.replicate.to(phone);
		const phoneSynced = (await syncedReviews(phone)).ids;
		expect(await writeBatches(phone, await deviceOf(phone), mergeLogs([], backup), phoneSynced)).toBe(0);
		expect((await syncedReviews(phone)).reviews).toHaveLength(40);
	});

	it('an undo on one device cancels the answer on the other', async () => {
		const [phone, laptop] = [fresh(), fresh()];
		const answer = review('ans', 10);
		const phoneDevice = await deviceOf(phone);
		const synced = new Set<string>();
		await writeBatches(phone, phoneDevice, [answer], synced);
		await phone.replicate.to(laptop);
		const undo = review('undo-1', 20, { kind: 'undo', undoes: 'ans', rating: undefined });
		delete undo.rating;
		await writeBatches(phone, phoneDevice, [answer, undo], synced);
		await phone.replicate.to(laptop);
		const laptopLog = mergeLogs([], (await syncedReviews(laptop)).reviews);
		expect(laptopLog.map((r) => r.id).sort()).toEqual(['ans', 'undo-1']);
		expect(effectiveRecords(laptopLog)).toEqual([]);
	});
});

describe('settings, last write wins', () => {
	it('the later change wins on both devices, even when both wrote before replicating', async () => {
		const [phone, laptop] = [fresh(), fresh()];
		const a = { ...shared({ ...DEFAULT_SETTINGS }), dailyNew: 5 };
		const b = { ...shared({ ...DEFAULT_SETTINGS }), dailyNew: 30 };
		await writeSettings(phone, { updatedAt: 2000, device: 'phone', settings: a });
		await writeSettings(laptop, { updatedAt: 1000, device: 'laptop', settings: b });
		await both(phone, laptop);
		for (const db of [phone, laptop]) expect((await writeSettings(db, null))?.settings.dailyNew).toBe(5);
		await both(phone, laptop);
		for (const db of [phone, laptop]) {
			const { winner, losers } = await readSettings(db);
			expect(winner?.settings.dailyNew).toBe(5);
			expect(losers).toEqual([]);
		}
		// An older change than the stored one is not written.
		expect((await writeSettings(laptop, { updatedAt: 1500, device: 'laptop', settings: b }))?.settings.dailyNew).toBe(5);
	});

	it('time zones stay on the device; bad values are sanitized', () => {
		const local = { ...DEFAULT_SETTINGS, zones: [{ since: 0, timeZone: 'Asia/Shanghai' }] };
		const merged = applyShared(local, { dailyNew: 9999, zones: [], theme: 'dark' });
		expect(merged.zones).toEqual(local.zones);
		expect(merged.theme).toBe('dark');
		expect(merged.dailyNew).toBeLessThanOrEqual(200);
	});
});

describe('the server refuses changes to a batch', () => {
	const validate = new Function(`return (${VALIDATE})`)() as (n: object, o: object | null) => void;
	const batch = { _id: batchId('devicedevice', 0), reviews: [review('a', 1)] };
	it('accepts a new batch and settings, refuses an update or deletion', () => {
		expect(() => validate(batch, null)).not.toThrow();
		expect(() => validate({ _id: 'settings', updatedAt: 1 }, { _id: 'settings' })).not.toThrow();
		expect(() => validate({ ...batch, reviews: [] }, batch)).toThrow();
		expect(() => validate({ ...batch, _deleted: true }, batch)).toThrow();
		expect(() => validate({ _id: 'b:nope', reviews: [1] }, null)).toThrow();
	});
});
