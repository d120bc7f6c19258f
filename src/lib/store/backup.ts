import type { Text } from '../i18n/lang';
import { makeBackup, parseBackup, unknownReviews, type Backup } from '../progress/backup';
import type { ProgressDB } from './db';
import { allReviews } from './reviews';
import { loadSettings } from './settings';

export async function exportProgress(db: ProgressDB, now: number): Promise<Backup> {
	return makeBackup(await allReviews(db), await loadSettings(db), now);
}

export type ImportResult =
	| { ok: true; added: number; skipped: number }
	| { ok: false; error: Text };

/**
 * Merge a backup file into the log. The file is checked whole before anything is written, then all
 * new records are added in one transaction: either all of them land or none do. Reviews already
 * present (same id) are skipped, so importing the same file twice changes nothing. The backup's
 * settings are not applied here: local preferences win, and the UI may offer them separately.
 */
export async function importProgress(db: ProgressDB, json: string): Promise<ImportResult> {
	const parsed = parseBackup(json);
	if (!parsed.ok) return parsed;
	const incoming = parsed.backup.reviews;
	const tx = db.transaction('reviews', 'readwrite');
	const known = new Set(await tx.store.getAllKeys());
	const added = unknownReviews(known, incoming);
	await Promise.all([...added.map((r) => tx.store.add(r)), tx.done]);
	return { ok: true, added: added.length, skipped: incoming.length - added.length };
}
