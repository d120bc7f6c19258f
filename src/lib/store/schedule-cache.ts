/**
 * The schedule cache: each item's FSRS state as of the last review folded in, so opening the app
 * never replays five years of log. It is derived and disposable: every write to the log updates it
 * in the same transaction, and whenever it does not match the log (missing, another retention, a
 * size that differs, other weights — after an upgrade, a seeded or hand-edited database) it is rebuilt from the
 * log, which stays the one record.
 */
import { effectiveRecords, type Review } from '../core/log/review';
import { buildSchedule, foldReview, isAfter, movesSchedule, schedulerFor, type ItemState } from '../core/srs/schedule';
import { sameWeights, type Weights } from '../core/srs/weights';
import { SCHEDULE_META, type CachedItem, type ProgressDB } from './db';
import { breathe, LOG_STORES, logCount, readLogChunked, readLogIn, type LogTransaction, type Progress } from './log';
import type { OpeningRecords } from './opening-read';

/** The store builds the schedule, so it holds it mutable; everyone else reads srs's `Schedule`. */
type MutableSchedule = Map<string, ItemState>;
/** Undo steps kept per item; an undo beyond them replays the item from the log. */
const PRIOR = 20;
const SLICE = 10_000;

function stateOf(cached: CachedItem): ItemState {
	const state: ItemState & { prior?: unknown } = { ...cached };
	delete state.prior;
	return state;
}

/** The cached schedule if it still matches the log, the retention and the weights, else null. */
export async function readSchedule(db: ProgressDB, retention: number, weights: Weights | null = null): Promise<MutableSchedule | null> {
	const tx = db.transaction(LOG_STORES, 'readonly');
	const [meta, count, cached] = await Promise.all([
		tx.objectStore('meta').get(SCHEDULE_META),
		logCount(tx),
		tx.objectStore('schedule').getAll()
	]);
	return scheduleFromRead({ meta, count, cached }, retention, weights);
}

/** The schedule in records read already (the opening read, see opening-read.ts), if they match the log, the retention and the weights; else null. */
export function scheduleFromRead({ meta, count, cached }: Pick<OpeningRecords, 'meta' | 'count' | 'cached'>, retention: number, weights: Weights | null = null): MutableSchedule | null {
	if (!meta || meta.retention !== retention || meta.reviews !== count || !sameWeights(meta.weights ?? null, weights)) return null;
	return new Map(cached.map((c) => [c.itemId, stateOf(c)]));
}

/** Replay a whole log in slices (yielding between them) into item states. */
async function replay(log: readonly Review[], retention: number, weights: Weights | null, onProgress?: Progress): Promise<MutableSchedule> {
	const scheduler = schedulerFor(retention, weights);
	const states: MutableSchedule = new Map();
	const effective = effectiveRecords(log);
	for (const [i, review] of effective.entries()) {
		const state = foldReview(states.get(review.itemId), review, scheduler);
		if (state) states.set(review.itemId, state);
		else states.delete(review.itemId);
		if (i % SLICE === SLICE - 1) {
			onProgress?.(i, effective.length);
			await breathe();
		}
	}
	return states;
}

/**
 * Replay the whole log into a fresh cache. The result is written only if the log did not grow
 * meanwhile (another tab), else it starts over.
 */
export async function rebuildSchedule(db: ProgressDB, retention: number, onProgress?: Progress, weights: Weights | null = null): Promise<MutableSchedule> {
	for (let attempt = 0; ; attempt++) {
		const log = await readLogChunked(db, (d, t) => onProgress?.(d, 2 * t));
		const states = await replay(log, retention, weights, (d, t) => onProgress?.(t + d, 2 * t));
		const tx = db.transaction(LOG_STORES, 'readwrite');
		const count = await logCount(tx);
		if (count !== log.length && attempt < 3) {
			tx.abort();
			await tx.done.catch(() => {});
			continue;
		}
		const cache = tx.objectStore('schedule');
		await cache.clear();
		await Promise.all([
			...[...states.values()].map((s) => cache.put({ ...s, prior: [] })),
			tx.objectStore('meta').put({ retention, reviews: count, ...(weights ? { weights: [...weights] } : {}) }, SCHEDULE_META),
			tx.done
		]);
		onProgress?.(1, 1);
		return states;
	}
}

export interface FoldOptions {
	/** For a single undo record: the review it cancels. */
	undone?: Review;
	/** Ids that undo records already in the log cancel: an added record among them is not folded (its item replays). */
	undoneIds?: ReadonlySet<string>;
	/** Records of the log near the added ones: where an added undo's target is found, a target that never moved the schedule needs no replay. */
	nearby?: readonly Review[];
	/** The whole log after the write, when the caller holds it (saves reading it for a replay). */
	log?: readonly Review[];
	onProgress?: Progress;
}

/**
 * An item's new records (in log order) folded onto its cached state without the log: answers after
 * the state move it on, an undo of the state's last record steps back to the state before it, an undo
 * of a record that never moved the schedule changes nothing. Null when a record needs the item's
 * whole history (an older answer merged in, an undo further back, a record an earlier undo cancels).
 */
function foldInOrder(
	start: ItemState | undefined,
	startPrior: (ItemState | null)[],
	reviews: readonly Review[],
	known: ReadonlyMap<string, Review>,
	undoneIds: ReadonlySet<string> | undefined,
	scheduler: ReturnType<typeof schedulerFor>
): { state: ItemState | undefined; prior: (ItemState | null)[] } | null {
	let state = start;
	let prior = startPrior;
	for (const r of reviews) {
		if (r.kind === 'undo') {
			const target = r.undoes === undefined ? undefined : known.get(r.undoes);
			if (target && !movesSchedule(target)) continue;
			if (!state || state.lastId !== r.undoes || prior.length === 0) return null;
			state = prior.at(-1) ?? undefined;
			prior = prior.slice(0, -1);
		} else {
			if (undoneIds?.has(r.id) || (state && !isAfter(r, state))) return null;
			const next = foldReview(state, r, scheduler);
			if (next !== state) prior = [...prior, state ?? null].slice(-PRIOR);
			state = next;
		}
	}
	return { state, prior };
}

/**
 * Inside the transaction that has just appended `added` to the log: bring the cache up to date
 * and count them in, item by item (foldInOrder); an item that needs its history replays from the
 * log, read once for all of them. A cache already out of date is left alone:
 * the next open rebuilds it. Returns the changed items (undefined: no longer scheduled), or null
 * when the cache was not in use.
 */
export async function foldIntoCache(tx: LogTransaction, added: readonly Review[], options: FoldOptions = {}): Promise<Map<string, ItemState | undefined> | null> {
	const metaStore = tx.objectStore('meta');
	const meta = await metaStore.get(SCHEDULE_META);
	if (!meta) return null;
	const cache = tx.objectStore('schedule');
	const byItem = new Map<string, Review[]>();
	for (const r of added) {
		const list = byItem.get(r.itemId);
		if (list) list.push(r);
		else byItem.set(r.itemId, [r]);
	}
	const scheduler = schedulerFor(meta.retention, meta.weights ?? null);
	let history: Map<string, Review[]> | null = null;
	/** The item's whole history, from the caller's log or read once for all items. */
	const historyOf = async (itemId: string) => {
		if (!history) {
			history = new Map();
			for (const r of options.log ?? (await readLogIn(tx))) {
				const list = history.get(r.itemId);
				if (list) list.push(r);
				else history.set(r.itemId, [r]);
			}
		}
		return history.get(itemId) ?? [];
	};
	const changed = new Map<string, ItemState | undefined>();
	const cached = await Promise.all([...byItem.keys()].map((id) => cache.get(id)));
	const byId = new Map<string, Review>();
	for (const r of [...(options.nearby ?? []), ...added, ...(options.undone ? [options.undone] : [])]) byId.set(r.id, r);
	let done = 0;
	const writes: Promise<unknown>[] = [];
	for (const [i, [itemId, reviews]] of [...byItem].entries()) {
		const before = cached[i];
		reviews.sort((a, b) => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : 1));
		let { state, prior } = foldInOrder(before && stateOf(before), before?.prior ?? [], reviews, byId, options.undoneIds, scheduler) ?? {};
		if (prior === undefined) {
			// In one go: yielding to the event loop here would end the transaction.
			const replayed = buildSchedule(await historyOf(itemId), meta.retention, meta.weights ?? null);
			state = replayed.get(itemId);
			prior = [];
		}
		// Not awaited one by one (a round trip per item: seconds for an import's thousand items); a
		// transaction's requests run in order, and a failed one fails them all below.
		const write = state ? cache.put({ ...state, prior }) : cache.delete(itemId);
		write.catch(() => {});
		writes.push(write);
		changed.set(itemId, state);
		options.onProgress?.(++done, byItem.size);
	}
	await Promise.all(writes);
	await metaStore.put({ ...meta, reviews: meta.reviews + added.length }, SCHEDULE_META);
	return changed;
}

export { readLogChunked };
