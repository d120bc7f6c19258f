/**
 * Settings travel as one document, last write wins by its timestamp. Only preferences that mean
 * the same on every device travel; time zones stay with the device that was in them.
 */
import { sanitizeSettings, type Settings } from '../../core/log/settings';

export const SETTINGS_DOC = 'settings';
const SHARED = ['lang', 'dailyNew', 'retention', 'theme', 'goal', 'goalHistory', 'sounds', 'haptics', 'typedAnswers', 'weights', 'previousWeights'] as const;
export type SharedSettings = Pick<Settings, (typeof SHARED)[number]>;

export interface SettingsDoc {
	_id: typeof SETTINGS_DOC;
	_rev?: string;
	/** Epoch ms of the change; ties go to the larger device id, so every device picks the same winner. */
	updatedAt: number;
	device: string;
	settings: SharedSettings;
}

export function shared(settings: Settings): SharedSettings {
	const out = {} as Record<string, unknown>;
	for (const key of SHARED) out[key] = settings[key];
	return out as SharedSettings;
}

/** Settings with the shared part taken from a synced document (checked like a backup's). */
export function applyShared(local: Settings, remote: unknown): Settings {
	const clean = sanitizeSettings({ ...local, ...(typeof remote === 'object' && remote ? remote : {}) });
	return { ...clean, zones: local.zones };
}

export const sameShared = (a: SharedSettings, b: SharedSettings): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The winner among versions of the settings document: latest `updatedAt`, then larger device id. */
export function newest<D extends Pick<SettingsDoc, 'updatedAt' | 'device'>>(docs: readonly D[]): D | null {
	let best: D | null = null;
	for (const d of docs) {
		if (typeof d?.updatedAt !== 'number' || typeof d.device !== 'string') continue;
		if (!best || d.updatedAt > best.updatedAt || (d.updatedAt === best.updatedAt && d.device > best.device)) best = d;
	}
	return best;
}
