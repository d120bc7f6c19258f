import { sanitizeSettings, type Settings } from '../core/log/settings';
import { SETTINGS_KEY, type ProgressDB } from './db';

/** Saved settings, or the defaults; anything stored by an older version is sanitized on the way in. */
export async function loadSettings(db: ProgressDB): Promise<Settings> {
	return sanitizeSettings(await db.get('settings', SETTINGS_KEY));
}

export async function saveSettings(db: ProgressDB, settings: Settings): Promise<void> {
	await db.put('settings', sanitizeSettings(settings), SETTINGS_KEY);
}
