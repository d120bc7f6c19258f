/**
 * A page load with sync set up reads only what its checkpoint has not seen: the batches not yet
 * merged and the log after `count`. Each test drives LogSync as the app does (open, then merges
 * and pushes one at a time) on PouchDB's memory adapter, with an array as the log.
 */
import { describe, expect, it, vi } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { Review } from '../../../src/lib/core/log/review';
import { BATCH_SIZE, batchId, reviewsOf } from '../../../src/lib/features/sync/batches';
import { deviceOf, readCheckpoint, saveCheckpoint, unmergedBatches, type DocDB } from '../../../src/lib/features/sync/engine';
import { LogSync, type LogAccess } from '../../../src/lib/features/sync/log-sync';
import { addBatch, hasBatch, mergedFrom, type MergedBatches } from '../../../src/lib/features/sync/merged';

const Pouch = PouchDB.plugin(memory).plugin(replication);
let n = 0;
const fresh = () => new Pouch(`cp${n++}-${Math.random()}`, { adapter: 'memory' });
type Copy = ReturnType<typeof fresh>;
const review = (id: string, at: number): Review => ({ id, itemId: 'card:x', kind: 'flashcard', rating: 3, durationMs: 1000, at, appVersion: 't' });
const answers = (prefix: string, count: number, from = 0) => Array.from({ length: count }, (_, i) => review(`${prefix}-${i}`, from + i));

/** The app's log: append-only, merged by id; counts what each load reads. */
class ArrayLog implements LogAccess {
	records: Review[] = [];
	read = 0;
	async from(from: number) {
		const reviews = this.records.slice(from);
		this.read += reviews.length;
		return { count: this.records.length, reviews };
	}
	async merge(reviews: Review[]) {
		const have = new Set(this.records.map((r) => r.id));
		for (const r of reviews) {
			if (have.has(r.id)) continue;
			have.add(r.id);
			this.records.push(r);
		}
	}
	answer(reviews: Review[]) {
		this.records.push(...reviews);
	}
}

/** A page load: open, merge what the catch-up queued, push. */
async function pageLoad(local: DocDB, log: LogAccess) {
	const device = await deviceOf(local);
	const sync = new LogSync(local, device, log);
	await sync.open();
	await sync.mergeQueued();
	await sync.push();
	return sync;
}
/** A pull as the replication hands it over: the docs it wrote into the copy. */
async function pull(server: Copy, local: Copy, sync: LogSync) {
	const docs: unknown[] = [];
	await server.replicate.to(local).on('change', (info) => void docs.push(...(info as { docs: unknown[] }).docs));
	const { reviews, batches } = reviewsOf(docs);
	sync.queue(reviews, batches);
	await sync.mergeQueued();
}
const bodiesRead = (db: DocDB) => {
	const spy = vi.spyOn(db, 'allDocs');
	return () => spy.mock.calls.filter(([o]) => o.include_docs).reduce((sum, [o]) => sum + (o.keys?.length ?? Infinity), 0);
};
const ids = (log: Review[]) => log.map((r) => r.id).sort();

describe('merged batches as counter ranges', () => {
	it('joins counters into ranges in any order and tells members apart', () => {
		const merged: MergedBatches = {};
		for (const c of [3, 0, 1, 5, 2, 9, 4]) addBatch(merged, batchId('device-aaaa', c));
		addBatch(merged, batchId('device-bbbb', 7));
		addBatch(merged, 'settings');
		expect(merged).toEqual({ 'device-aaaa': [[0, 5], [9, 9]], 'device-bbbb': [[7, 7]] });
		expect(hasBatch(merged, batchId('device-aaaa', 5))).toBe(true);
		expect(hasBatch(merged, batchId('device-aaaa', 6))).toBe(false);
		expect(hasBatch(merged, batchId('device-bbbb', 5))).toBe(false);
		expect(mergedFrom(JSON.parse(JSON.stringify(merged)))).toEqual(merged);
	});

	it('a malformed stored value counts as nothing merged', () => {
		expect(mergedFrom({ 'device-aaaa': [[3, 1]] })).toEqual({});
		expect(mergedFrom({ 'device-aaaa': [[0, 1]], x: 'no' })).toEqual({});
		expect(mergedFrom(null)).toEqual({});
	});
});

describe('the checkpoint', () => {
	it('round-trips in a _local document (never replicated)', async () => {
		const [local, server] = [fresh(), fresh()];
		expect(await readCheckpoint(local)).toEqual({ merged: {}, count: 0 });
		await saveCheckpoint(local, { merged: { 'device-aaaa': [[0, 3]] }, count: 12 });
		await saveCheckpoint(local, { merged: { 'device-aaaa': [[0, 4]] }, count: 13 });
		expect(await readCheckpoint(local)).toEqual({ merged: { 'device-aaaa': [[0, 4]] }, count: 13 });
		await local.replicate.to(server);
		expect(await readCheckpoint(server)).toEqual({ merged: {}, count: 0 });
	});

	it('two tabs saving at once both succeed (each checkpoint is true on its own)', async () => {
		const local = fresh();
		await Promise.all([saveCheckpoint(local, { merged: {}, count: 1 }), saveCheckpoint(local, { merged: {}, count: 2 })]);
		expect([1, 2]).toContain((await readCheckpoint(local)).count);
	});

	it('only the bodies of batches not yet merged are read', async () => {
		const local = fresh();
		const docs = Array.from({ length: 6 }, (_, c) => ({ _id: batchId('device-other', c), device: 'device-other', counter: c, reviews: answers(`o${c}`, 2) }));
		await local.bulkDocs(docs);
		const merged: MergedBatches = {};
		for (const c of [0, 1, 2, 4]) addBatch(merged, batchId('device-other', c));
		const read = bodiesRead(local);
		expect((await unmergedBatches(local, merged)).map((d) => d.counter)).toEqual([3, 5]);
		expect(read()).toBe(2);
	});
});

describe('page loads', () => {
	it('after a first sync, a page load reads no batch and none of the old log', async () => {
		const [server, phone, laptop] = [fresh(), fresh(), fresh()];
		const phoneLog = new ArrayLog();
		phoneLog.answer(answers('p', 3 * BATCH_SIZE + 7));
		await pageLoad(phone, phoneLog);
		await phone.replicate.to(server);

		const laptopLog = new ArrayLog();
		const first = await pageLoad(laptop, laptopLog);
		await pull(server, laptop, first);
		await first.push();
		expect(ids(laptopLog.records)).toEqual(ids(phoneLog.records));

		const read = bodiesRead(laptop);
		laptopLog.read = 0;
		await pageLoad(laptop, laptopLog);
		expect(read()).toBe(0);
		expect(laptopLog.read).toBe(0);
		expect(laptopLog.records).toHaveLength(3 * BATCH_SIZE + 7);
	});

	it('a pull cut before the checkpoint is merged by the next load, each review once, nothing pushed twice', async () => {
		const [server, phone, laptop] = [fresh(), fresh(), fresh()];
		const phoneLog = new ArrayLog();
		phoneLog.answer(answers('p', 1200));
		await pageLoad(phone, phoneLog);
		await phone.replicate.to(server);

		const laptopLog = new ArrayLog();
		laptopLog.answer(answers('l', 30, 5000));
		await pageLoad(laptop, laptopLog);
		// The tab closes after the copy took the batches, before they reached the log.
		await server.replicate.to(laptop);
		const sync = await pageLoad(laptop, laptopLog);
		expect(laptopLog.records).toHaveLength(1230);
		expect(new Set(laptopLog.records.map((r) => r.id)).size).toBe(1230);
		// Nothing of the phone's is written again as the laptop's.
		expect(await sync.push()).toBe(0);
		const { rows } = await laptop.allDocs({ startkey: 'b:', endkey: 'b:\uffff', include_docs: true });
		expect(rows.reduce((sum, r) => sum + (r.doc as unknown as { reviews: Review[] }).reviews.length, 0)).toBe(1230);
	});

	it('a wiped copy recovers every review from the server, and a write between batches and checkpoint is not repeated', async () => {
		const [server, phone] = [fresh(), fresh()];
		const log = new ArrayLog();
		log.answer(answers('p', 700));
		const sync = await pageLoad(phone, log);
		// Answers written as batches, then the tab closes before the checkpoint moves.
		log.answer(answers('q', 5, 9000));
		const save = vi.spyOn(phone, 'put').mockRejectedValueOnce(new Error('closed'));
		await expect(sync.push()).rejects.toThrow('closed');
		save.mockRestore();
		const again = await pageLoad(phone, log);
		expect(await again.push()).toBe(0);
		await phone.replicate.to(server);

		const wiped = fresh();
		const fromScratch = new ArrayLog();
		await pageLoad(wiped, fromScratch);
		await pull(server, wiped, await pageLoad(wiped, fromScratch));
		expect(ids(fromScratch.records)).toEqual(ids(log.records));
	});

	it('a reset log takes the copy\'s reviews back and pushes only new answers', async () => {
		const phone = fresh();
		const log = new ArrayLog();
		log.answer(answers('p', 40));
		const sync = await pageLoad(phone, log);
		log.records = [];
		log.answer(answers('n', 2, 100));
		expect(await sync.push()).toBe(2);
		expect(log.records).toHaveLength(42);
		expect(await pageLoad(phone, log).then((s) => s.push())).toBe(0);
	});
});
