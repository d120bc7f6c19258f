/** The learner's preferences. Stored apart from the review log and carried in backups. */
import { LANGS, type Lang } from '../i18n/lang';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
	/** null: follow the browser's language. */
	lang: Lang | null;
	/** New items introduced per local day. */
	dailyNew: number;
	/** The recall probability the scheduler aims for when an item comes due. */
	retention: number;
	theme: Theme;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	lang: null,
	dailyNew: 10,
	retention: 0.9,
	theme: 'system'
});

/** Below 0.7 reviews come too late to help; above 0.97 the workload explodes. */
export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;
export const DAILY_NEW_MAX = 200;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

export const clampRetention = (r: number): number =>
	Number.isFinite(r) ? clamp(r, RETENTION_MIN, RETENTION_MAX) : DEFAULT_SETTINGS.retention;

/**
 * Settings from anything (storage written by an older version, a backup, a hand-edited file):
 * each field that is missing or of the wrong type takes its default; numbers are clamped to range.
 */
export function sanitizeSettings(value: unknown): Settings {
	const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	const d = DEFAULT_SETTINGS;
	return {
		lang: LANGS.includes(v.lang as Lang) ? (v.lang as Lang) : d.lang,
		dailyNew:
			typeof v.dailyNew === 'number' && Number.isFinite(v.dailyNew)
				? clamp(Math.round(v.dailyNew), 0, DAILY_NEW_MAX)
				: d.dailyNew,
		retention: typeof v.retention === 'number' ? clampRetention(v.retention) : d.retention,
		theme: THEMES.includes(v.theme as Theme) ? (v.theme as Theme) : d.theme
	};
}
