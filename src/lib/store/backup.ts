import type { Text } from '../core/text';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, unknownReviews } from '../core/log/backup';
import { compareReviews, type Review } from '../core/log/review';
import type { Settings } from '../core/log/settings';
import type { ProgressDB } from './db';
import { appendToLog, breathe, LOG_STORES, logAround, logCount, readLogChunked, type Progress } from './log';
import { foldIntoCache } from './schedule-cache';
import { foldIntoTotals, totalsFromWholeLog, type TotalsFoldOptions } from './totals-cache';
import { loadSettings } from './settings';

const SLICE = 5_000;

/**
 * The backup file as text parts for a Blob, made in slices (a whole-file string of a big log would
 * be one long step): the same content as `makeBackup`, one review per line.
 */
export async function exportParts(db: ProgressDB, now: number, onProgress?: Progress): Promise<string[]> {
	const settings = await loadSettings(db);
	const reviews = await readLogChunked(db, (d, t) => onProgress?.(d, 2 * t));
	await breathe();
	reviews.sort(compareReviews);
	const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, settings };
	const parts = [`${JSON.stringify(head).slice(0, -1)},"reviews":[\n`];
	for (let i = 0; i < reviews.length; i += SLICE) {
		const lines = reviews.slice(i, i + SLICE).map((r) => JSON.stringify(r));
		parts.push((i > 0 ? ',\n' : '') + lines.join(',\n'));
		onProgress?.(reviews.length + i, 2 * reviews.length);
		await breathe();
	}
	parts.push('\n]}\n');
	onProgress?.(1, 1);
	return parts;
}

export type ImportResult =
	| { ok: true; added: number; skipped: number; /** The file's own export time. */ exportedAt: number; /** The file's settings, offered, never applied here. */ settings: Settings }
	| { ok: false; error: Text };

/**
 * Merge a backup file into the log. The file is checked whole before anything is written, then all
 * new records are added — and folded into the schedule cache — in one transaction: either all of
 * them land or none do. Reviews already present (same id) are skipped, so importing the same file
 * twice changes nothing. The backup's settings are not applied here: local preferences win.
 */
export async function importProgress(db: ProgressDB, json: string, onProgress?: Progress, totals?: TotalsFoldOptions): Promise<ImportResult> {
	const parsed = parseBackup(json);
	if (!parsed.ok) return parsed;
	onProgress?.(1, 4);
	const { added, skipped } = await mergeReviews(db, parsed.backup.reviews, onProgress, totals);
	return { ok: true, added, skipped, exportedAt: parsed.backup.exportedAt, settings: parsed.backup.settings };
}

/**
 * Merge checked reviews into the log by id — a backup's, or another device's through sync — and fold
 * the new ones into the schedule cache, in one transaction: all land or none do. Reviews already
 * present (same id) are skipped, so merging the same records twice changes nothing. Only the log's
 * pages late enough to hold one of them are read (a pull of recent batches never reads five years),
 * and the cache folds the new records alone. The running totals fold them as an append does, or,
 * for records before their checkpoint, are dropped and rebuilt on the next read (totals-cache.ts).
 */
export async function mergeReviews(db: ProgressDB, incoming: readonly Review[], onProgress?: Progress, totals: TotalsFoldOptions = {}): Promise<{ added: number; skipped: number }> {
	const tx = db.transaction(LOG_STORES, 'readwrite');
	const done = tx.done;
	try {
		const [around, count] = await Promise.all([logAround(tx, incoming), logCount(tx)]);
		const added = unknownReviews(new Set(around.map((r) => r.id)), incoming);
		// An undo already in the log may cancel a record that arrives only now (two devices): those items replay.
		const undoneIds = new Set<string>();
		for (const r of around) if (r.kind === 'undo' && r.undoes !== undefined) undoneIds.add(r.undoes);
		await appendToLog(tx, added, (d, t) => onProgress?.(1 + d / t, 4));
		// When that read was the whole log (an old backup), an item that needs a replay takes it from there.
		const log = around.length === count ? [...around, ...added] : undefined;
		await foldIntoCache(tx, added, { undoneIds, nearby: around, log, onProgress: (d, t) => onProgress?.(2 + (2 * d) / t, 4) });
		// Records after the totals' checkpoint (a live sync's) are counted in; older ones make them rebuild:
		// here at once when the whole log is in memory anyway and the learner's zones are known.
		await foldIntoTotals(tx, added, totals);
		if (log && totals.zones) await totalsFromWholeLog(tx, log, totals.zones, totals.now ?? Date.now());
		await done;
		return { added: added.length, skipped: incoming.length - added.length };
	} catch (e) {
		done.catch(() => {});
		try {
			tx.abort();
		} catch {
			// Already aborted by the failed request.
		}
		throw e;
	}
}
