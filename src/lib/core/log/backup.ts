/**
 * Backups: the review log and settings as one JSON file. Importing merges logs by id, so importing
 * the same file twice, or a backup from another device, never duplicates or loses a review.
 */
import { text, type Text } from '../text';
import { compareReviews, MAX_TIME, quoted, reviewProblem, type Review } from './review';
import { sanitizeSettings, weightsProblem, type Settings } from './settings';

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

type Refusal = Extract<ParsedBackup, { ok: false }>;

const refuse = (zh: string, en: string): Refusal => ({
	ok: false,
	error: text(`无法导入：${zh}`, `Cannot import: ${en}`)
});

/**
 * The largest file read, in characters: about 500,000 reviews, far beyond years of daily study, and
 * still parsed in a couple of seconds. Past this a file is refused before any parsing.
 */
export const MAX_BACKUP_CHARS = 128 * 1024 * 1024;
/** A backup nests four deep (file, reviews, record, answer); anything deeper is not one of ours. */
export const MAX_BACKUP_DEPTH = 16;

/**
 * How deeply the JSON text nests, scanning no further than `limit` + 1 levels. Linear and cheap,
 * so a file of 100,000 brackets is refused at once instead of being parsed into a tree that every
 * later recursive step (cloning, storing) could overflow on.
 */
export function jsonDepthExceeds(json: string, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < json.length; i++) {
		const c = json.charCodeAt(i);
		if (inString) {
			if (c === 92 /* \ */) i++;
			else if (c === 34 /* " */) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 /* { */ || c === 91 /* [ */) {
			if (++depth > limit) return true;
		} else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
	}
	return false;
}

const tooLarge = (size: number): Refusal => {
	const mb = (n: number) => Math.ceil(n / 1024 / 1024);
	return refuse(
		`文件太大（${mb(size)} MB，最多 ${mb(MAX_BACKUP_CHARS)} MB）`,
		`the file is too large (${mb(size)} MB; at most ${mb(MAX_BACKUP_CHARS)} MB)`
	);
};

/**
 * A file refused by its size alone, before it is read into memory: UTF-8 needs at most three bytes
 * per character of the text, so more than three bytes per allowed character cannot fit.
 */
export function refuseBySize(bytes: number): Refusal | null {
	return bytes > 3 * MAX_BACKUP_CHARS ? tooLarge(bytes) : null;
}

/**
 * Parse and check a whole backup file. Any problem refuses the file as a whole, naming the first
 * problem found (records are numbered from 1, as a person counts), so a half-valid file can never
 * leave half its records behind. Settings are preferences, not progress: their values are
 * sanitized rather than refused.
 */
export function parseBackup(json: string): ParsedBackup {
	if (json.length > MAX_BACKUP_CHARS) return tooLarge(json.length);
	if (jsonDepthExceeds(json, MAX_BACKUP_DEPTH))
		return refuse(
			`文件嵌套超过 ${MAX_BACKUP_DEPTH} 层，不是 TCP Quest 备份`,
			`the file nests deeper than ${MAX_BACKUP_DEPTH} levels; it is not a TCP Quest backup`
		);
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (e) {
		// The engine's message quotes the file; keep it short, it is only a hint.
		const why = quoted(e instanceof Error ? e.message : String(e), 120);
		return refuse(`文件不是有效的 JSON（${why}）`, `the file is not valid JSON (${why})`);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return refuse('文件不是 TCP Quest 备份', 'the file is not a TCP Quest backup');
	const d = data as Record<string, unknown>;
	if (d.format !== BACKUP_FORMAT)
		return refuse(
			`文件不是 TCP Quest 备份（“format”不是“${BACKUP_FORMAT}”）`,
			`the file is not a TCP Quest backup ("format" is not "${BACKUP_FORMAT}")`
		);
	if (typeof d.version === 'number' && d.version > BACKUP_VERSION)
		return refuse(
			`备份版本 ${d.version} 比本应用支持的版本 ${BACKUP_VERSION} 新，请先更新应用`,
			`backup version ${d.version} is newer than this app reads (${BACKUP_VERSION}); update the app first`
		);
	if (d.version !== BACKUP_VERSION)
		return refuse(`“version”不是 ${BACKUP_VERSION}`, `"version" is not ${BACKUP_VERSION}`);
	if (typeof d.exportedAt !== 'number' || !(Math.abs(d.exportedAt) <= MAX_TIME))
		return refuse('“exportedAt”不是数字', '"exportedAt" is not a number');
	if (d.settings !== undefined && (typeof d.settings !== 'object' || d.settings === null))
		return refuse('“settings”不是对象', '"settings" is not an object');
	const badWeights = d.settings ? weightsProblem(d.settings as Record<string, unknown>) : null;
	if (badWeights)
		return refuse(
			`“settings.${badWeights}”不是有效的 FSRS 参数（需要 21 个范围内的数）`,
			`"settings.${badWeights}" is not a valid set of FSRS weights (21 numbers, each in its range)`
		);
	if (!Array.isArray(d.reviews)) return refuse('“reviews”不是数组', '"reviews" is not an array');

	const ids = new Set<string>();
	for (const [i, record] of d.reviews.entries()) {
		const n = i + 1;
		const problem = reviewProblem(record);
		if (problem) return refuse(`第 ${n} 条记录：${problem.zh}`, `record ${n}: ${problem.en}`);
		const id = (record as Review).id;
		if (ids.has(id))
			return refuse(`第 ${n} 条记录：id “${quoted(id)}”重复`, `record ${n}: the id "${quoted(id)}" appears twice`);
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
