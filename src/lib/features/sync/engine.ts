/**
 * The sync steps that touch a PouchDB database, written against the few calls they use so the
 * unit tests run them on PouchDB's memory adapter in Node. The local database is the device's copy
 * of the server: every batch it wrote or pulled, its device id and replication checkpoints.
 */
import type { Review } from '../../core/log/review';
import { BATCH_PREFIX, nextCounter, reviewsOf, toBatches, unsynced, type BatchDoc } from './batches';
import { hasBatch, mergedFrom, type MergedBatches } from './merged';
import { newest, SETTINGS_DOC, type SettingsDoc } from './settings-doc';

type Row = { id: string; doc?: unknown };
type WriteResult = { ok?: boolean; id?: string; rev?: string; error?: unknown; status?: number; name?: string; message?: string };

/** The part of a PouchDB database used here. */
export interface DocDB {
	allDocs(options: { startkey?: string; endkey?: string; keys?: string[]; include_docs?: boolean }): Promise<{ rows: Row[] }>;
	bulkDocs(docs: object[]): Promise<WriteResult[]>;
	get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<Record<string, unknown>>;
	put(doc: object): Promise<WriteResult>;
	remove(id: string, rev: string): Promise<WriteResult>;
}

const DEVICE_DOC = '_local/device';
const isMissing = (e: unknown) => (e as { status?: number })?.status === 404;

/**
 * This database's device id, made on first use. `_local` documents never replicate, and a wiped
 * database loses it with its batches, so a fresh database is a new device and never reuses a batch id.
 */
export async function deviceOf(local: DocDB, makeId: () => string = () => crypto.randomUUID()): Promise<string> {
	try {
		return (await local.get(DEVICE_DOC)).device as string;
	} catch (e) {
		if (!isMissing(e)) throw e;
	}
	const device = makeId();
	await local.put({ _id: DEVICE_DOC, device });
	return device;
}

/** Every batch in the database. */
export async function allBatches(db: DocDB): Promise<BatchDoc[]> {
	const { rows } = await db.allDocs({ startkey: BATCH_PREFIX, endkey: `${BATCH_PREFIX}\uffff`, include_docs: true });
	return rows.map((r) => r.doc as BatchDoc).filter((d) => d && !(d as { _deleted?: boolean })._deleted);
}

/** The ids of every review in the database's batches, and the well-formed batches' reviews. */
export async function syncedReviews(db: DocDB): Promise<{ ids: Set<string>; reviews: Review[]; refused: string[] }> {
	const docs = await allBatches(db);
	const ids = new Set<string>();
	for (const d of docs) for (const r of d.reviews ?? []) ids.add(r.id);
	return { ids, ...reviewsOf(docs) };
}

/**
 * How far this device's log is in step with its copy: `merged` batches are in the log, and the log's
 * first `count` records are each in some batch. A `_local` document: never replicated, and gone with
 * a wiped copy (whose catch-up then merges every batch again).
 */
export interface Checkpoint {
	merged: MergedBatches;
	count: number;
}
const CHECKPOINT_DOC = '_local/merged';

export async function readCheckpoint(db: DocDB): Promise<Checkpoint> {
	try {
		const doc = await db.get(CHECKPOINT_DOC);
		const count = Number.isSafeInteger(doc.count) && (doc.count as number) >= 0 ? (doc.count as number) : 0;
		return { merged: mergedFrom(doc.merged), count };
	} catch (e) {
		if (!isMissing(e)) throw e;
		return { merged: {}, count: 0 };
	}
}

/** Save the checkpoint over whatever is stored: another tab's is as true as this one's, so a clash (409) is retried, not reported. */
export async function saveCheckpoint(db: DocDB, checkpoint: Checkpoint): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		const old = await db.get(CHECKPOINT_DOC).catch((e: unknown) => (isMissing(e) ? null : Promise.reject(e)));
		try {
			await db.put({ _id: CHECKPOINT_DOC, ...(old?._rev ? { _rev: old._rev } : {}), merged: checkpoint.merged, count: checkpoint.count });
			return;
		} catch (e) {
			if ((e as { status?: number })?.status !== 409 || attempt >= 2) throw e;
		}
	}
}

/** Batch documents read per request when catching up. */
const READ_BATCHES = 50;

/**
 * The batches not yet `merged`: every batch id is listed (PouchDB reads only its small index entry),
 * and only the new batches' bodies are read — a page load reads none, a wiped checkpoint all.
 */
export async function unmergedBatches(db: DocDB, merged: MergedBatches): Promise<BatchDoc[]> {
	const { rows } = await db.allDocs({ startkey: BATCH_PREFIX, endkey: `${BATCH_PREFIX}\uffff` });
	const wanted = rows.filter((r) => !hasBatch(merged, r.id)).map((r) => r.id);
	const out: BatchDoc[] = [];
	for (let i = 0; i < wanted.length; i += READ_BATCHES) {
		const read = await db.allDocs({ keys: wanted.slice(i, i + READ_BATCHES), include_docs: true });
		// A deleted batch (never, with the design document) comes back without a body and is skipped.
		for (const r of read.rows) if (r.doc) out.push(r.doc as BatchDoc);
	}
	return out;
}

/**
 * Write the reviews not yet in any batch as new batches of this device. Counters continue from the
 * largest this device ever used; a clash (another tab of this device wrote first) is retried with
 * fresh counters, never by changing a batch. `synced` learns the new ids, `written` each new batch's id.
 */
export async function writeBatches(local: DocDB, device: string, log: readonly Review[], synced: Set<string>, written?: (id: string) => void): Promise<number> {
	const fresh = unsynced(log, synced);
	if (fresh.length === 0) return 0;
	for (let attempt = 0; attempt < 3; attempt++) {
		const { rows } = await local.allDocs({ startkey: `${BATCH_PREFIX}${device}:`, endkey: `${BATCH_PREFIX}${device}:\uffff` });
		const batches = toBatches(fresh, device, nextCounter(rows.map((r) => r.id), device));
		const results = await local.bulkDocs(batches);
		const failed = batches.filter((_, i) => !results[i]?.ok);
		for (const b of batches) {
			if (failed.includes(b)) continue;
			for (const r of b.reviews) synced.add(r.id);
			written?.(b._id);
		}
		if (failed.length === 0) return fresh.length;
		const left = unsynced(fresh, synced);
		if (left.length === 0) return fresh.length;
	}
	throw new Error('could not write new batches');
}

/** The settings document's winning version among its conflicts (last write wins), and the losers to drop. */
export async function readSettings(db: DocDB): Promise<{ winner: SettingsDoc | null; losers: string[] }> {
	let doc: Record<string, unknown>;
	try {
		doc = await db.get(SETTINGS_DOC, { conflicts: true });
	} catch (e) {
		if (isMissing(e)) return { winner: null, losers: [] };
		throw e;
	}
	const versions = [doc as unknown as SettingsDoc];
	for (const rev of (doc._conflicts as string[] | undefined) ?? []) versions.push((await db.get(SETTINGS_DOC, { rev })) as unknown as SettingsDoc);
	const winner = newest(versions);
	return { winner, losers: versions.filter((v) => v !== winner && v._rev).map((v) => v._rev as string) };
}

/**
 * Write this device's settings if they are newer than every stored version, and drop the
 * versions that lost, so the document converges on every device. Returns the winner.
 */
export async function writeSettings(db: DocDB, mine: Omit<SettingsDoc, '_id' | '_rev'> | null): Promise<SettingsDoc | null> {
	const { winner, losers } = await readSettings(db);
	const stored = winner ? [winner] : [];
	const best = mine ? newest([...stored, { ...mine, _id: SETTINGS_DOC } as SettingsDoc]) : winner;
	let current = winner;
	if (mine && best && best !== winner) {
		const res = await db.put({ ...best, _id: SETTINGS_DOC, ...(winner?._rev ? { _rev: winner._rev } : {}) });
		current = { ...best, _id: SETTINGS_DOC, _rev: res.rev };
	}
	// The winning revision after the put; the others are losers to delete.
	for (const rev of losers) await db.remove(SETTINGS_DOC, rev).catch(() => undefined);
	return current;
}
