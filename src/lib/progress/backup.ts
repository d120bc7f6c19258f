/**
 * Backups: the review log and settings as one JSON file. Importing merges logs by id, so importing
 * the same file twice, or a backup from another device, never duplicates or loses a review.
 */
import { text, type Text } from '../i18n/lang';
import { compareReviews, reviewProblem, type Review } from './review';
import { sanitizeSettings, type Settings } from './settings';

export const BACKUP_FORMAT = 'tcp-quest-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	/** Epoch ms. */
	exportedAt: number;
	reviews: Review[];
	settings: Settings;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: Text };

export function makeBackup(reviews: readonly Review[], settings: Settings, now: number): Backup {
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now,
		// Sorted so the same log always exports to the same file.
		reviews: [...reviews].sort(compareReviews),
		settings: { ...settings }
	};
}

const refuse = (zh: string, en: string): ParsedBackup => ({
	ok: false,
	error: text(`无法导入：${zh}`, `Cannot import: ${en}`)
});

/**
 * Parse and check a whole backup file. Any problem refuses the file as a whole, naming the first
 * problem found (records are numbered from 1, as a person counts), so a half-valid file can never
 * leave half its records behind. Settings are preferences, not progress: their values are
 * sanitized rather than refused.
 */
export function parseBackup(json: string): ParsedBackup {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (e) {
		const why = e instanceof Error ? e.message : String(e);
		return refuse(`文件不是有效的 JSON（${why}）`, `the file is not valid JSON (${why})`);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return refuse('文件不是 TCP Quest 备份', 'the file is not a TCP Quest backup');
	const d = data as Record<string, unknown>;
	if (d.format !== BACKUP_FORMAT)
		return refuse(
			`文件不是 TCP Quest 备份（"format" 不是 "${BACKUP_FORMAT}"）`,
			`the file is not a TCP Quest backup ("format" is not "${BACKUP_FORMAT}")`
		);
	if (typeof d.version === 'number' && d.version > BACKUP_VERSION)
		return refuse(
			`备份版本 ${d.version} 比本应用支持的版本 ${BACKUP_VERSION} 新，请先更新应用`,
			`backup version ${d.version} is newer than this app reads (${BACKUP_VERSION}); update the app first`
		);
	if (d.version !== BACKUP_VERSION)
		return refuse(`"version" 不是 ${BACKUP_VERSION}`, `"version" is not ${BACKUP_VERSION}`);
	if (typeof d.exportedAt !== 'number' || !Number.isFinite(d.exportedAt))
		return refuse('"exportedAt" 不是数字', '"exportedAt" is not a number');
	if (d.settings !== undefined && (typeof d.settings !== 'object' || d.settings === null))
		return refuse('"settings" 不是对象', '"settings" is not an object');
	if (!Array.isArray(d.reviews)) return refuse('"reviews" 不是数组', '"reviews" is not an array');

	const ids = new Set<string>();
	for (const [i, record] of d.reviews.entries()) {
		const n = i + 1;
		const problem = reviewProblem(record);
		if (problem) return refuse(`第 ${n} 条记录：${problem.zh}`, `record ${n}: ${problem.en}`);
		const id = (record as Review).id;
		if (ids.has(id))
			return refuse(`第 ${n} 条记录：id "${id}" 重复`, `record ${n}: the id "${id}" appears twice`);
		ids.add(id);
	}
	return {
		ok: true,
		backup: {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: d.exportedAt,
			reviews: d.reviews as Review[],
			settings: sanitizeSettings(d.settings)
		}
	};
}

/** The incoming reviews whose ids are not already known, in their given order. */
export function unknownReviews(knownIds: ReadonlySet<string>, incoming: readonly Review[]): Review[] {
	const seen = new Set(knownIds);
	const out: Review[] = [];
	for (const r of incoming) {
		if (seen.has(r.id)) continue;
		seen.add(r.id);
		out.push(r);
	}
	return out;
}

/**
 * The union of two logs by id. Ids are UUIDs, so one id is one answer: on a clash the existing
 * record is kept. Merging the same log again changes nothing.
 */
export function mergeLogs(existing: readonly Review[], incoming: readonly Review[]): Review[] {
	return [...existing, ...unknownReviews(new Set(existing.map((r) => r.id)), incoming)];
}
