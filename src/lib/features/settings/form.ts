/**
 * The settings page's logic, apart from the DOM: backup file names, what an import said, and the
 * choices and parsing of the study settings. Pure, so it is unit-tested without a browser.
 */
import { SETTINGS_UI as S } from '../../components/settings/settings-ui';
import { text, type Text } from '../../core/text';
import { DAILY_NEW_MAX, DEFAULT_SETTINGS, RETENTION_MAX, RETENTION_MIN, localDay, type Choice, type Settings } from '../../core/log';
import { GOAL_TITLE } from '../game/goals';
import { GAME_SETTINGS_UI as G } from '../../components/game/game-ui';
import { QUIZ_UI as Q } from '../../components/quiz/quiz-ui';
import { LEECH_UI as L } from '../../components/cards/cards-ui';

/** `tcp-quest-backup-YYYY-MM-DD.json`, dated by the learner's local day. */
export function backupFileName(now: number): string {
	return `tcp-quest-backup-${localDay(now)}.json`;
}

export type ImportOutcome = { ok: true; added: number; skipped: number; /** The file's own export time. */ exportedAt: number } | { ok: false; error: Text };

export interface ImportReport {
	ok: boolean;
	message: Text;
}

/** Sentences joined into one text, each ended with a full stop if it lacks one. */
function join(...parts: Text[]): Text {
	const end = (s: string, stop: string) => (/[。！？.!?]$/.test(s) ? s : s + stop);
	return text(parts.map((p) => end(p.zh, '。')).join(''), parts.map((p) => end(p.en, '.')).join(' '));
}

/**
 * The sentence shown after an import: how many records were added and how many were already
 * here, with what the file held; or why the file was refused and that nothing changed.
 */
export function importReport(result: ImportOutcome): ImportReport {
	if (!result.ok) return { ok: false, message: join(result.error, S.nothingChanged) };
	const records = result.added + result.skipped;
	return { ok: true, message: join(S.imported(result.added, result.skipped), S.fileHad(records, localDay(result.exportedAt))) };
}

/** The lowest retention offered in the picker; lower values (allowed from old backups) still show. */
export const RETENTION_PICK_MIN = 0.8;

/**
 * The retention values offered, ascending, in whole percent from 80% to 97%; a current value
 * outside that list (set by an older version or a backup) is included so the picker can show it.
 */
export function retentionChoices(current: number): number[] {
	const choices: number[] = [];
	for (let p = Math.round(RETENTION_PICK_MIN * 100); p <= Math.round(RETENTION_MAX * 100); p++) choices.push(p / 100);
	const cur = Math.round(current * 100) / 100;
	if (cur >= RETENTION_MIN && cur <= RETENTION_MAX && !choices.includes(cur)) choices.push(cur);
	return choices.sort((a, b) => a - b);
}

/** The retention stored for a picker value, or null if it is not a valid one. */
export function parseRetention(raw: string): number | null {
	const r = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(r) || r < RETENTION_MIN || r > RETENTION_MAX) return null;
	return Math.round(r * 100) / 100;
}

export const isDefaultRetention = (r: number) => Math.abs(r - DEFAULT_SETTINGS.retention) < 1e-9;

/**
 * Daily new cards typed by the learner: a whole number from 0 to DAILY_NEW_MAX, or null while the
 * field holds something else (empty, a fraction, out of range), so half-typed input is not saved.
 */
export function parseDailyNew(raw: string): number | null {
	if (!/^\s*\d+\s*$/.test(raw)) return null;
	const n = Number(raw);
	return n <= DAILY_NEW_MAX ? n : null;
}

/** The nearest allowed daily-new value, for when the field is left holding something invalid. */
export function clampDailyNew(raw: string, fallback: number): number {
	const n = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(n)) return fallback;
	return Math.min(DAILY_NEW_MAX, Math.max(0, Math.round(n)));
}

const same = (t: string) => text(t, t);
const onOff = (v: boolean) => (v ? S.on : S.off);

/** A choice's name and its value in `settings`, as the settings page words them. */
export function describeChoice(choice: Choice, settings: Settings): { name: Text; value: Text } {
	switch (choice) {
		case 'lang':
			return { name: S.language, value: settings.lang ? S.languageName[settings.lang] : S.followBrowser };
		case 'dailyNew':
			return { name: S.dailyNew, value: same(String(settings.dailyNew)) };
		case 'retention':
			return { name: S.retention, value: S.retentionOption(settings.retention) };
		case 'theme':
			return { name: S.appearance, value: S.theme[settings.theme] };
		case 'goal':
			return { name: G.goal, value: GOAL_TITLE[settings.goal] };
		case 'sounds':
			return { name: G.sounds, value: onOff(settings.sounds) };
		case 'haptics':
			return { name: G.haptics, value: onOff(settings.haptics) };
		case 'typedAnswers':
			return { name: Q.typedMode, value: onOff(settings.typedAnswers) };
		case 'leechThreshold':
			return { name: L.threshold, value: same(String(settings.leechThreshold)) };
		case 'autoSuspendLeeches':
			return { name: L.autoSuspend, value: onOff(settings.autoSuspendLeeches) };
		case 'weights':
			return { name: S.weights, value: settings.weights ? S.weightsValue.mine : S.weightsValue.default };
	}
}

/** One line per choice that differs: the file's value, then this device's. */
export const settingsOffer = (choices: readonly Choice[], mine: Settings, file: Settings): Text[] =>
	choices.map((c) => {
		const { name, value } = describeChoice(c, file);
		const sep = (t: Text) => text(`${name.zh}：${t.zh}`, `${name.en}: ${t.en}`);
		return S.fileVsMine(sep(value), describeChoice(c, mine).value);
	});
