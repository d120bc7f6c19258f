/** The learner's preferences. Stored apart from the review log and carried in backups. */
import { LANGS, type Lang } from '../text';
import { LEECH_THRESHOLD_DEFAULT, LEECH_THRESHOLD_MAX, LEECH_THRESHOLD_MIN } from '../srs/leech-threshold';
import { isWeights } from '../srs/weights';
import { isTimeZone } from './zone';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const GOALS = ['casual', 'regular', 'serious', 'intense'] as const;
export type GoalName = (typeof GOALS)[number];

/** From local day `since` (YYYY-MM-DD) on, the daily goal was `setting`. */
export interface GoalChangeRecord {
	since: string;
	setting: GoalName;
}

/** From `since` (epoch ms) on, the device was in IANA time zone `timeZone`. */
export interface ZoneChange {
	since: number;
	timeZone: string;
}

export interface Settings {
	/** null: follow the browser's language. */
	lang: Lang | null;
	/** New items introduced per local day. */
	dailyNew: number;
	/** The recall probability the scheduler aims for when an item comes due. */
	retention: number;
	theme: Theme;
	/** The daily XP goal, with its history so that changing it never rewrites past days. */
	goal: GoalName;
	goalHistory: GoalChangeRecord[];
	/** Time zones the learner studied in, so every past review keeps the local day it was made on. */
	zones: ZoneChange[];
	sounds: boolean;
	haptics: boolean;
	/** Quiz questions with a short exact answer are answered by typing it (see features/quiz/typed). */
	typedAnswers: boolean;
	/** Lapses that make an item a leech (Anki's "leech threshold", 8 by default; see srs/leech.ts). */
	leechThreshold: number;
	/** Suspend an item the moment it becomes a leech (Anki's "leech action: suspend"). */
	autoSuspendLeeches: boolean;
	/** The learner's own FSRS weights, computed from their log on /settings; null: FSRS's defaults. */
	weights: number[] | null;
	/** The weights each change replaced, latest last, so the learner can go back (null: the defaults). */
	previousWeights: (number[] | null)[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	lang: null,
	dailyNew: 10,
	retention: 0.9,
	theme: 'system',
	goal: 'regular',
	goalHistory: [],
	zones: [],
	sounds: false,
	haptics: true,
	typedAnswers: false,
	leechThreshold: LEECH_THRESHOLD_DEFAULT,
	autoSuspendLeeches: false,
	weights: null,
	previousWeights: []
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
		theme: THEMES.includes(v.theme as Theme) ? (v.theme as Theme) : d.theme,
		goal: GOALS.includes(v.goal as GoalName) ? (v.goal as GoalName) : d.goal,
		goalHistory: listOf(v.goalHistory, GOAL_HISTORY_MAX, (x) =>
			typeof x.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x.since) && GOALS.includes(x.setting as GoalName)
				? { since: x.since, setting: x.setting as GoalName }
				: null
		),
		zones: listOf(v.zones, ZONES_MAX, (x) =>
			typeof x.since === 'number' && Number.isFinite(x.since) && typeof x.timeZone === 'string' && validZone(x.timeZone)
				? { since: x.since, timeZone: x.timeZone }
				: null
		),
		sounds: typeof v.sounds === 'boolean' ? v.sounds : d.sounds,
		haptics: typeof v.haptics === 'boolean' ? v.haptics : d.haptics,
		typedAnswers: typeof v.typedAnswers === 'boolean' ? v.typedAnswers : d.typedAnswers,
		leechThreshold:
			typeof v.leechThreshold === 'number' && Number.isFinite(v.leechThreshold)
				? clamp(Math.round(v.leechThreshold), LEECH_THRESHOLD_MIN, LEECH_THRESHOLD_MAX)
				: d.leechThreshold,
		autoSuspendLeeches: typeof v.autoSuspendLeeches === 'boolean' ? v.autoSuspendLeeches : d.autoSuspendLeeches,
		// A set of weights is kept or dropped whole: never repaired weight by weight.
		weights: isWeights(v.weights) ? [...v.weights] : d.weights,
		previousWeights: Array.isArray(v.previousWeights)
			? v.previousWeights.slice(-WEIGHTS_HISTORY_MAX).flatMap((w) => (w === null ? [null] : isWeights(w) ? [[...w]] : []))
			: []
	};
}

/**
 * History lists keep at most this many entries, the latest: a real history holds a handful, and a
 * hostile file of millions must not cost millions of checks. Zones are fewer because checking one
 * with Intl costs up to 0.2 ms.
 */
export const GOAL_HISTORY_MAX = 1000;
export const ZONES_MAX = 200;
/** Replaced weight sets kept to go back to: a few optimizations' worth. */
export const WEIGHTS_HISTORY_MAX = 10;

/**
 * What is wrong with a backup's weights, or null. Unlike other settings they are refused rather
 * than dropped: weights decide every due date, and a file that carries broken ones is damaged.
 */
export function weightsProblem(settings: Record<string, unknown>): string | null {
	if (settings.weights !== undefined && settings.weights !== null && !isWeights(settings.weights)) return 'weights';
	const previous = settings.previousWeights;
	if (previous === undefined) return null;
	if (!Array.isArray(previous) || !previous.every((w) => w === null || isWeights(w))) return 'previousWeights';
	return null;
}

/** The well-formed entries among the last `max` of a list; anything else is dropped (settings are advisory, never fatal). */
function listOf<T>(value: unknown, max: number, pick: (x: Record<string, unknown>) => T | null): T[] {
	if (!Array.isArray(value)) return [];
	return value
		.slice(-max)
		.flatMap((x) => (typeof x === 'object' && x !== null ? (pick(x as Record<string, unknown>) ?? []) : []));
}

/** Checked zones: each name is asked once (see zone.ts). */
const zoneChecks = new Map<string, boolean>();

function validZone(timeZone: string): boolean {
	// IANA names ("Asia/Shanghai", "Etc/GMT+8", "UTC") are short and plain; skip Intl for anything else.
	if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
	let ok = zoneChecks.get(timeZone);
	if (ok === undefined) {
		ok = isTimeZone(timeZone);
		if (zoneChecks.size < 10_000) zoneChecks.set(timeZone, ok);
	}
	return ok;
}

/**
 * The zone history with `timeZone` appended if the device moved: call it on start with the
 * device's current zone. Returns the same array when nothing changed.
 */
export function withCurrentZone(zones: readonly ZoneChange[], timeZone: string, now: number): ZoneChange[] {
	const last = [...zones].sort((a, b) => a.since - b.since).at(-1);
	if (last?.timeZone === timeZone) return zones as ZoneChange[];
	// The first zone covers everything before it: since 0.
	return [...zones, { since: zones.length === 0 ? 0 : now, timeZone }];
}

/** The settings a learner chooses (the rest are histories the app keeps). */
export const CHOICES = ['lang', 'dailyNew', 'retention', 'theme', 'goal', 'sounds', 'haptics', 'typedAnswers', 'leechThreshold', 'autoSuspendLeeches', 'weights'] as const;
export type Choice = (typeof CHOICES)[number];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The choices in which `incoming` (a backup's settings) differs from `current`, in CHOICES order. */
export function changedChoices(current: Settings, incoming: Settings): Choice[] {
	return CHOICES.filter((k) => !sameValue(current[k], incoming[k]));
}

/**
 * `current` with the choices of `incoming`. The histories are merged, not replaced: a past day keeps
 * the goal and the time zone it had on either device (on the same start, the file's entry wins), and
 * weights replaced by the file's join the weights one can go back to.
 */
export function adoptSettings(current: Settings, incoming: Settings): Settings {
	const byKey = <T>(key: (x: T) => string | number, ...lists: T[][]) => [...new Map(lists.flat().map((x) => [key(x), x])).values()];
	const goalHistory = byKey((g: GoalChangeRecord) => g.since, current.goalHistory, incoming.goalHistory).sort((a, b) => a.since.localeCompare(b.since));
	const zones = byKey((z: ZoneChange) => z.since, current.zones, incoming.zones).sort((a, b) => a.since - b.since);
	const weightsChange = !sameValue(current.weights, incoming.weights);
	const previousWeights = weightsChange ? [...current.previousWeights, current.weights].slice(-WEIGHTS_HISTORY_MAX) : current.previousWeights;
	const chosen = Object.fromEntries(CHOICES.map((k) => [k, incoming[k]])) as Pick<Settings, Choice>;
	return {
		...current,
		...chosen,
		goalHistory: goalHistory.slice(-GOAL_HISTORY_MAX),
		zones: zones.slice(-ZONES_MAX),
		previousWeights
	};
}
