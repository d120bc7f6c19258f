/**
 * The running totals (see features/game/totals.ts) kept beside the log, so home and the statistics page
 * never read five years of it on open. Like the schedule cache they are derived and disposable:
 * every append folds into them in the same transaction, and whenever they do not match the log
 * (missing after an upgrade, a log count written by a writer that does not keep them — an import,
 * an older version — an undo reaching behind them, another zone history) they are rebuilt from it.
 *
 * They stop at a checkpoint some two days back: the reviews after it (today's and yesterday's, the
 * ones an undo can still cancel) are folded by the page, from the log's last pages. The checkpoint
 * moves on at most once a day, inside an append.
 */
import { effectiveReviewsAfter, emptyTotals, foldTotals, type DayTotal, type LogTotals } from '../features/game/totals';
import { learnerDay, type ZoneChange } from '../features/game/days';
import { compareReviews, effectiveReviews, type Review } from '../core/log/review';
import { TOTALS_KEY, type ProgressDB, type TotalsRecord } from './db';
import { breathe, LOG_STORES, logCount, pagesSince, readLogChunked, type LogTransaction, type Progress } from './log';
import type { OpeningRecords } from './opening-read';

const DAY = 86_400_000;
/** How far behind the present the checkpoint stays. */
export const HOLD_MS = 2 * DAY;
const SLICE = 20_000;

export interface StoredTotals {
	totals: LogTotals;
	/** The page folds the log's reviews from here on. */
	checkpoint: number;
}

/** Whether days labelled with `stored` still hold under `current`: only zone changes after the checkpoint may differ. */
export function zonesAgree(stored: readonly ZoneChange[], current: readonly ZoneChange[], checkpoint: number): boolean {
	const key = (z: ZoneChange) => `${z.since} ${z.timeZone}`;
	const now = new Set(current.map(key));
	const before = new Set(stored.map(key));
	return stored.every((z) => z.since >= checkpoint || now.has(key(z))) && current.every((z) => z.since >= checkpoint || before.has(key(z)));
}

/**
 * The stored totals if they still match the log and the zone history, else null (rebuild them);
 * with `tail`, the log from their checkpoint on in (at, id) order — read beside the days, in the
 * same transaction, rather than after them.
 */
export async function readTotals(db: ProgressDB, zones: readonly ZoneChange[]): Promise<(StoredTotals & { tail: Review[] }) | null> {
	const tx = db.transaction(LOG_STORES, 'readonly');
	const record = tx.objectStore('totals').get(TOTALS_KEY);
	const tail = record.then((r) => (r ? pagesSince(tx, r.checkpoint) : []));
	const [stored, count, days, pages] = await Promise.all([record, logCount(tx), tx.objectStore('days').getAll(), tail]);
	return totalsFromRead({ totals: stored, count, pages }, days, zones);
}

/**
 * The totals in records read already (the opening read, see opening-read.ts; `pages` reach back to
 * the checkpoint at least), if they match the log and the zone history; else null.
 */
export function totalsFromRead(
	{ totals: stored, count, pages }: Pick<OpeningRecords, 'totals' | 'count' | 'pages'>,
	days: readonly DayTotal[],
	zones: readonly ZoneChange[]
): (StoredTotals & { tail: Review[] }) | null {
	if (!stored || stored.logCount !== count || !zonesAgree(stored.zones, zones, stored.checkpoint)) return null;
	const { checkpoint } = stored;
	return { totals: { ...stored.totals, days: new Map(days.map((d) => [d.day, d])) }, checkpoint, tail: pages.filter((r) => r.at >= checkpoint).sort(compareReviews) };
}

/**
 * Fold the whole log into fresh totals, up to `now - HOLD_MS`. Written only if the log did not grow
 * meanwhile (another tab), else it starts over.
 */
export async function rebuildTotals(db: ProgressDB, zones: readonly ZoneChange[], now: number, onProgress?: Progress): Promise<StoredTotals> {
	const dayOf = learnerDay(zones);
	const checkpoint = now - HOLD_MS;
	for (let attempt = 0; ; attempt++) {
		const log = await readLogChunked(db, (d, t) => onProgress?.(d, 2 * t));
		const effective = effectiveReviews(log).filter((r) => r.at < checkpoint);
		const totals = emptyTotals();
		for (let i = 0; i < effective.length; i += SLICE) {
			foldTotals(totals, effective.slice(i, i + SLICE), dayOf);
			onProgress?.(effective.length + i, 2 * effective.length);
			await breathe();
		}
		const tx = db.transaction(LOG_STORES, 'readwrite');
		const count = await logCount(tx);
		if (count !== log.length && attempt < 3) {
			tx.abort();
			await tx.done.catch(() => {});
			continue;
		}
		await Promise.all([putTotals(tx, { totals, checkpoint }, count, zones), tx.done]);
		onProgress?.(1, 1);
		return { totals, checkpoint };
	}
}

/** Replace the stored totals (and their days) with `stored`, built from a log of `count` records. */
async function putTotals(tx: LogTransaction, { totals, checkpoint }: StoredTotals, count: number, zones: readonly ZoneChange[]): Promise<void> {
	const { days, ...rest } = totals;
	const store = tx.objectStore('days');
	await store.clear();
	await Promise.all([...[...days.values()].map((d) => store.put(d)), tx.objectStore('totals').put({ logCount: count, checkpoint, zones: [...zones], totals: rest }, TOTALS_KEY)]);
}

/**
 * Inside a transaction that holds the whole log in memory (an import into a new or small log): if the
 * write left no totals, build them from it here, at once — no second read of the log afterwards. The
 * fold runs without a break (a pause would end the transaction): meant for the jobs worker.
 */
export async function totalsFromWholeLog(tx: LogTransaction, log: readonly Review[], zones: readonly ZoneChange[], now: number): Promise<void> {
	if (await tx.objectStore('totals').get(TOTALS_KEY)) return;
	const checkpoint = now - HOLD_MS;
	const totals = emptyTotals();
	foldTotals(totals, effectiveReviews(log).filter((r) => r.at < checkpoint), learnerDay(zones));
	await putTotals(tx, { totals, checkpoint }, log.length, zones);
}

export interface TotalsFoldOptions {
	/** The learner's zone history now (default: the one the totals were built with). */
	zones?: readonly ZoneChange[];
	/** The clock, to move the checkpoint on. */
	now?: number;
}

/**
 * Inside the transaction that has just appended `added` to the log: count them in, and move the
 * checkpoint on when it is a day overdue. Totals that `added` cannot be folded into (a review
 * older than the checkpoint, an undo of one, another zone history for days already folded) are
 * dropped, to be rebuilt at the next open. Nothing happens when there are no totals.
 */
export async function foldIntoTotals(tx: LogTransaction, added: readonly Review[], { zones, now = Date.now() }: TotalsFoldOptions = {}): Promise<void> {
	const store = tx.objectStore('totals');
	const record = await store.get(TOTALS_KEY);
	if (!record || added.length === 0) return;
	const { checkpoint } = record;
	let records: Review[] | null = null;
	/** The log from the checkpoint on (this write included): read once, only when needed. */
	const tail = async () => (records ??= (await pagesSince(tx, checkpoint)).filter((r) => r.at >= checkpoint));
	const undone = added.filter((r) => r.kind === 'undo').map((r) => r.undoes);
	const reachesBehind = undone.length > 0 && (await tail()).filter((r) => undone.includes(r.id)).length < new Set(undone).size;
	if (added.some((r) => r.at < checkpoint) || reachesBehind || (zones && !zonesAgree(record.zones, zones, checkpoint))) {
		await store.delete(TOTALS_KEY);
		return;
	}
	const next: TotalsRecord = { ...record, logCount: record.logCount + added.length, zones: zones ? [...zones] : record.zones };
	const cut = now - HOLD_MS;
	if (cut - checkpoint >= DAY) {
		const folding = effectiveReviewsAfter(await tail(), checkpoint).filter((r) => r.at < cut);
		const dayOf = learnerDay(next.zones);
		const daysStore = tx.objectStore('days');
		const touched = [...new Set(folding.map((r) => dayOf(r.at)))];
		const before = await Promise.all(touched.map((d) => daysStore.get(d)));
		const totals: LogTotals = { ...record.totals, days: new Map(before.filter((d): d is DayTotal => d !== undefined).map((d) => [d.day, d])) };
		foldTotals(totals, folding, dayOf);
		const { days, ...rest } = totals;
		await Promise.all([...days.values()].map((d) => daysStore.put(d)));
		next.totals = rest;
		next.checkpoint = cut;
	}
	await store.put(next, TOTALS_KEY);
}

/** After a reset: empty totals that match the empty log. */
export async function clearTotals(tx: LogTransaction): Promise<void> {
	const record = await tx.objectStore('totals').get(TOTALS_KEY);
	const { score, reviews, right, studiedMs, xp, states, confusions } = emptyTotals();
	await tx.objectStore('days').clear();
	await tx.objectStore('totals').put({ logCount: 0, checkpoint: 0, zones: record?.zones ?? [], totals: { score, reviews, right, studiedMs, xp, states, confusions } }, TOTALS_KEY);
}
