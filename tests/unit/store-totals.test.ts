/**
 * The running totals beside the log: every append keeps them equal to the totals of the whole log
 * (checkpoint + the days after it), with a fake clock moving the checkpoint; whatever they cannot
 * follow (an import, an undo behind the checkpoint, another zone history) makes them rebuild.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneTotals, effectiveReviewsAfter, foldTotals, learnerDay, statsFromTotals, totalsOf, type ZoneChange } from '../../src/lib/features/game';
import { DEFAULT_SETTINGS, makeBackup, type Review } from '../../src/lib/core/log';
import { appendReviews, importProgress, openProgressDB, readTotals, rebuildTotals, resetProgress, reviewsSince, undoLast, type ProgressDB } from '../../src/lib/store';
import { zonesAgree } from '../../src/lib/store/totals-cache';
import { card, DAY, HOUR, quiz, utc } from './game/fixtures';

const zones: ZoneChange[] = [{ since: 0, timeZone: 'Europe/Berlin' }];
const dayOf = learnerDay(zones);
const T0 = utc(2026, 3, 2, 8);

let n = 0;
const open: ProgressDB[] = [];
async function fresh(): Promise<ProgressDB> {
	const db = await openProgressDB(`totals-${++n}`);
	open.push(db);
	return db;
}
afterEach(() => {
	for (const db of open.splice(0)) db.close();
});

/** What the page shows: the stored totals with the log's reviews after the checkpoint folded on. */
async function shown(db: ProgressDB, now: number) {
	const stored = await readTotals(db, zones);
	if (!stored) return null;
	const totals = cloneTotals(stored.totals);
	// The tail read beside the totals is the log from their checkpoint, as a read of its own gives it.
	expect(stored.tail).toEqual(await reviewsSince(db, stored.checkpoint));
	foldTotals(totals, effectiveReviewsAfter(stored.tail, stored.checkpoint), dayOf);
	return statsFromTotals(totals, { now, dayOf });
}
const expected = (log: Review[], now: number) => statsFromTotals(totalsOf(log, dayOf), { now, dayOf });

/** Ten days of study, two sessions a day, some answers wrong (with a state picked), each day written as it happens. */
function days(count: number): Review[][] {
	return Array.from({ length: count }, (_, d) =>
		Array.from({ length: 12 }, (_, i) => {
			const at = T0 + d * DAY + (i < 6 ? 0 : 9 * HOUR) + i * 60_000;
			return i % 3 === 0 ? card(at, `card:c${i}`, ((i % 4) + 1) as 1 | 2 | 3 | 4, { id: `d${d}-${i}` }) : quiz(at, undefined, i % 5 !== 0, { id: `d${d}-${i}`, answer: i % 5 === 0 ? ['LAST_ACK'] : ['TIME_WAIT'] });
		})
	);
}

describe('running totals in the store', () => {
	it('follow every append, the checkpoint moving on with the (fake) clock', async () => {
		const db = await fresh();
		await rebuildTotals(db, zones, T0 - DAY);
		const log: Review[] = [];
		const checkpoints = new Set<number>();
		for (const day of days(10)) {
			for (const r of day) {
				await appendReviews(db, [r], { zones, now: r.at });
				log.push(r);
			}
			const now = day.at(-1)!.at;
			expect(await shown(db, now)).toEqual(expected(log, now));
			checkpoints.add((await readTotals(db, zones))!.checkpoint);
		}
		// The checkpoint moved (about once a day), so most days were folded inside an append.
		expect(checkpoints.size).toBeGreaterThan(5);
		const stored = (await readTotals(db, zones))!;
		expect(stored.totals.reviews).toBeGreaterThan(80);
		expect(stored.totals.confusions.size).toBeGreaterThan(0);
	});

	it('an undo of a recent answer is folded by the page; one behind the checkpoint drops the totals', async () => {
		const db = await fresh();
		await rebuildTotals(db, zones, T0 - DAY);
		const log = days(4).flat();
		for (const r of log) await appendReviews(db, [r], { zones, now: r.at });
		const now = log.at(-1)!.at + 60_000;
		const { record } = await undoLast(db, now, 'test');
		expect(await shown(db, now)).toEqual(expected([...log, record!], now));

		// A review from the first day, written late (a stash from another tab): behind the checkpoint.
		const late = quiz(T0 + 30 * 60_000, 'next_state:FIN_WAIT_1:recv_fin', true, { id: 'late' });
		await appendReviews(db, [late], { zones, now });
		expect(await readTotals(db, zones)).toBeNull();
		await rebuildTotals(db, zones, now);
		expect(await shown(db, now)).toEqual(expected([...log, record!, late], now));
	});

	it('an import, an unknown writer or a reset: totals that no longer match are found out', async () => {
		const db = await fresh();
		const log = days(3).flat();
		await rebuildTotals(db, zones, T0);
		await appendReviews(db, log.slice(0, 10), { zones, now: log[9]!.at });
		const now = T0 + 5 * DAY;
		// An import (or a sync) of records after the checkpoint folds them in, as an append does.
		await importProgress(db, JSON.stringify(makeBackup(log, DEFAULT_SETTINGS, T0 + 5 * DAY)));
		expect(await shown(db, now)).toEqual(expected(log, now));
		// One from before the checkpoint cannot be folded in: the totals are dropped, then rebuilt.
		const old = quiz(T0 - 3 * DAY, undefined, true, { id: 'old' });
		await importProgress(db, JSON.stringify(makeBackup([old], DEFAULT_SETTINGS, T0 + 5 * DAY)));
		expect(await readTotals(db, zones)).toBeNull();
		await rebuildTotals(db, zones, now);
		expect(await shown(db, now)).toEqual(expected([...log, old], now));
		await resetProgress(db);
		expect(await shown(db, now)).toEqual(expected([], now));
	});

	it('are written by an import into a new log when the zones are known, as a rebuild writes them', async () => {
		const log = days(6).flat();
		const now = T0 + 6 * DAY;
		const db = await fresh();
		await rebuildTotals(db, zones, T0 - DAY);
		await importProgress(db, JSON.stringify(makeBackup(log, DEFAULT_SETTINGS, now)), undefined, { zones, now });
		const imported = await readTotals(db, zones);
		expect(imported).not.toBeNull();
		expect(await shown(db, now)).toEqual(expected(log, now));
		const rebuilt = await fresh();
		await importProgress(rebuilt, JSON.stringify(makeBackup(log, DEFAULT_SETTINGS, now)));
		expect(await readTotals(rebuilt, zones)).toBeNull();
		await rebuildTotals(rebuilt, zones, now);
		expect(imported).toEqual(await readTotals(rebuilt, zones));
	});

	it('a new zone after the checkpoint keeps them; one that relabels folded days does not', () => {
		const moved = [...zones, { since: T0 + 5 * DAY, timeZone: 'Asia/Shanghai' }];
		expect(zonesAgree(zones, moved, T0 + 4 * DAY)).toBe(true);
		expect(zonesAgree(zones, moved, T0 + 6 * DAY)).toBe(false);
		expect(zonesAgree(moved, zones, T0 + 6 * DAY)).toBe(false);
		expect(zonesAgree([], [], 0)).toBe(true);
	});
});
