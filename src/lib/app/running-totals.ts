/**
 * The page's side of the running totals (see store/totals-cache.ts): read them, rebuilt first when
 * they are missing or do not match the log (in the jobs worker for a big log), and fold the log's
 * last days on top, so XP, streak, goal, quests and the statistics never need the whole log.
 */
import { cloneTotals, effectiveReviewsAfter, foldTotals, gameFromTotals, statsFromTotals, type DayOf, type GameTotals, type Goal, type StudyStats, type ZoneChange } from '$lib/features/game';
import type { Review } from '$lib/core/log';
import { countReviews, readTotals, rebuildTotals, reviewsSince, type Job, type ProgressDB, type StoredTotals } from '$lib/store';

export interface QuickSummary {
	game: GameTotals;
	stats: StudyStats;
}

/**
 * The totals as stored, and the log from their checkpoint on. `big` logs are rebuilt by `run`
 * (the jobs worker); small ones here at once. `read` is the stored totals if the caller asked for
 * them already (opening reads them beside the schedule).
 */
export async function loadTotals(
	db: ProgressDB,
	zones: readonly ZoneChange[],
	big: number,
	run: (job: Job) => Promise<unknown>,
	read: Promise<(StoredTotals & { tail?: Review[] }) | null> = readTotals(db, zones)
): Promise<{ stored: StoredTotals; tail: Review[] }> {
	let found: (StoredTotals & { tail?: Review[] }) | null = await read.catch(() => null);
	if (!found) {
		const now = Date.now();
		if ((await countReviews(db)) > big) await run({ kind: 'totals', zones: [...zones], now });
		found = (await readTotals(db, zones)) ?? (await rebuildTotals(db, zones, now));
	}
	const { tail, ...stored } = found;
	return { stored, tail: tail ?? (await reviewsSince(db, stored.checkpoint)) };
}

/** What home and /stats show, from the stored totals and every log record since their checkpoint. */
export function quickSummary(stored: StoredTotals, recent: readonly Review[], options: { now: number; dayOf: DayOf; goal: Goal }): QuickSummary {
	const totals = cloneTotals(stored.totals);
	const events = foldTotals(totals, effectiveReviewsAfter(recent, stored.checkpoint), options.dayOf);
	return { game: gameFromTotals(totals, events, options), stats: statsFromTotals(totals, options) };
}

/** `a`, then what `b` adds to it (by id). Only `a`'s records as late as `b`'s earliest are compared: `a` may be the whole log. */
export function mergeById(a: readonly Review[], b: readonly Review[]): Review[] {
	if (b.length === 0) return a as Review[];
	const since = b.reduce((min, r) => Math.min(min, r.at), Infinity);
	const ids = new Set<string>();
	for (const r of a) if (r.at >= since) ids.add(r.id);
	const extra = b.filter((r) => !ids.has(r.id));
	return extra.length ? [...a, ...extra] : (a as Review[]);
}
