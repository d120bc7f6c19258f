import { describe, expect, it } from 'vitest';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	DEFAULT_SETTINGS,
	withCurrentZone,
	effectiveReviews,
	localDay,
	makeBackup,
	parseBackup,
	sanitizeSettings,
	type Review
} from '../../src/lib/core/log';
import { mergeLogs } from './merge-logs';

const T0 = new Date(2025, 0, 6, 9, 0).getTime();

const quiz = (id: string, at: number, extra: Partial<Review> = {}): Review => ({
	id,
	itemId: `item-${id}`,
	kind: 'quiz',
	correct: true,
	durationMs: 1200,
	at,
	appVersion: '0.1.0',
	...extra
});
const undo = (id: string, undoes: string, at: number): Review => ({
	id,
	itemId: 'x',
	kind: 'undo',
	undoes,
	durationMs: 0,
	at,
	appVersion: '0.1.0'
});

/** Every ordering of a small array. */
function permutations<T>(items: T[]): T[][] {
	if (items.length <= 1) return [items];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}

describe('effectiveReviews', () => {
	const log = [
		quiz('b', T0 + 1000),
		quiz('a', T0 + 1000), // same instant as b: the id decides
		quiz('c', T0),
		quiz('d', T0 + 5000),
		undo('u', 'd', T0 + 6000)
	];

	it('sorts by time, then id, whatever the stored order', () => {
		const expected = ['c', 'a', 'b'];
		for (const order of permutations(log)) {
			expect(effectiveReviews(order).map((r) => r.id)).toEqual(expected);
		}
	});

	it('drops undo records and the reviews they cancel', () => {
		const ids = effectiveReviews(log).map((r) => r.id);
		expect(ids).not.toContain('d');
		expect(ids).not.toContain('u');
		expect(effectiveReviews([quiz('d', T0)]).map((r) => r.id)).toEqual(['d']);
	});

	it('ignores an undo of an unknown review and duplicate records', () => {
		const out = effectiveReviews([quiz('a', T0), quiz('a', T0), undo('u', 'nope', T0 + 1)]);
		expect(out.map((r) => r.id)).toEqual(['a']);
	});
});

describe('backup files', () => {
	const reviews = [
		quiz('q1', T0),
		{ ...quiz('f1', T0 + 10), kind: 'flashcard', correct: undefined, rating: 4 } as Review,
		undo('u1', 'q1', T0 + 20)
	].map((r) => JSON.parse(JSON.stringify(r)) as Review);
	const good = () => makeBackup(reviews, DEFAULT_SETTINGS, T0 + 99) as unknown as Record<string, unknown>;
	const file = (patch: Record<string, unknown>) => JSON.stringify({ ...good(), ...patch });
	const withRecord = (i: number, patch: Record<string, unknown>) => {
		const b = good();
		const list = [...(b.reviews as Record<string, unknown>[])];
		list[i] = { ...list[i], ...patch };
		return JSON.stringify({ ...b, reviews: list });
	};

	it('round-trips a valid backup', () => {
		const parsed = parseBackup(JSON.stringify(good()));
		expect(parsed).toEqual({ ok: true, backup: makeBackup(reviews, DEFAULT_SETTINGS, T0 + 99) });
		expect(good().format).toBe(BACKUP_FORMAT);
		expect(good().version).toBe(BACKUP_VERSION);
	});

	it('exports the same log to the same file whatever its stored order', () => {
		expect(makeBackup([...reviews].reverse(), DEFAULT_SETTINGS, 1)).toEqual(
			makeBackup(reviews, DEFAULT_SETTINGS, 1)
		);
	});

	const corrupt: [string, string, RegExp][] = [
		['broken JSON', '{"format": "tcp-quest-backup",', /not valid JSON/],
		['not an object', '[1, 2]', /not a TCP Quest backup/],
		['wrong format', file({ format: 'anki' }), /"format" is not "tcp-quest-backup"/],
		['a newer version', file({ version: 2 }), /version 2 is newer/],
		['a missing version', file({ version: undefined }), /"version" is not 1/],
		['no exportedAt', file({ exportedAt: 'today' }), /"exportedAt" is not a number/],
		['reviews not a list', file({ reviews: {} }), /"reviews" is not an array/],
		['settings not an object', file({ settings: 3 }), /"settings" is not an object/],
		['a time that is not a number', withRecord(1, { at: '2025-01-06' }), /record 2: "at" is not a number/],
		['a missing id', withRecord(0, { id: undefined }), /record 1: "id" is not a non-empty string/],
		['a missing item', withRecord(0, { itemId: '' }), /record 1: "itemId"/],
		['an unknown kind', withRecord(0, { kind: 'exam' }), /record 1: "kind" is not one of/],
		['a rating out of range', withRecord(1, { rating: 5 }), /record 2: "rating" is not 1, 2, 3 or 4/],
		['answers that are not strings', withRecord(0, { answer: [1] }), /record 1: "answer"/],
		['correct as a string', withRecord(0, { correct: 'yes' }), /record 1: "correct" is not true or false/],
		['a negative duration', withRecord(0, { durationMs: -1 }), /record 1: "durationMs"/],
		['no app version', withRecord(0, { appVersion: 3 }), /record 1: "appVersion"/],
		['cram as a number', withRecord(0, { cram: 1 }), /record 1: "cram"/],
		['an unknown field', withRecord(2, { score: 9 }), /record 3: has an unknown field "score"/],
		['an undo that cancels nothing', withRecord(2, { undoes: undefined }), /record 3: an undo record has no/],
		['a flashcard without a rating', withRecord(1, { rating: undefined }), /record 2: a flashcard record has no/],
		['a quiz without a result', withRecord(0, { correct: undefined }), /record 1: a quiz record has no "correct"/],
		['a record that is not an object', file({ reviews: [null] }), /record 1: is not an object/],
		['duplicate ids', withRecord(1, { id: 'q1' }), /record 2: the id "q1" appears twice/]
	];

	it.each(corrupt)('refuses a file with %s, naming the problem in both languages', (_name, file, en) => {
		const parsed = parseBackup(file);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.error.en).toMatch(en);
		expect(parsed.error.en).toMatch(/^Cannot import: /);
		expect(parsed.error.zh).toMatch(/^无法导入：/);
		expect(parsed.error.zh).not.toBe(parsed.error.en);
	});

	it('numbers records in Chinese messages too', () => {
		const parsed = parseBackup(withRecord(1, { at: 'x' }));
		expect(!parsed.ok && parsed.error.zh).toContain('第 2 条记录：“at”');
	});

	it('sanitizes settings rather than refusing them', () => {
		const parsed = parseBackup(file({ settings: { retention: 2, theme: 'neon' } }));
		expect(parsed.ok && parsed.backup.settings).toEqual({ ...DEFAULT_SETTINGS, retention: 0.97 });
	});
});

describe('merging logs by unknownReviews (as an import or a sync does)', () => {
	const a = [quiz('1', T0), quiz('2', T0 + 1)];
	const b = [quiz('2', T0 + 1), quiz('3', T0 + 2), undo('u', '1', T0 + 3)];

	it('is the union by id', () => {
		expect(mergeLogs(a, b).map((r) => r.id)).toEqual(['1', '2', '3', 'u']);
	});

	it('changes nothing when the same log is merged again', () => {
		const once = mergeLogs(a, b);
		expect(mergeLogs(once, b)).toEqual(once);
		expect(mergeLogs(once, once)).toEqual(once);
	});

	it('keeps the existing record when ids clash', () => {
		const merged = mergeLogs([quiz('1', T0)], [quiz('1', T0 + 50, { correct: false })]);
		expect(merged).toEqual([quiz('1', T0)]);
	});

	it('gives the same effective log in either direction', () => {
		expect(effectiveReviews(mergeLogs(a, b))).toEqual(effectiveReviews(mergeLogs(b, a)));
	});
});

describe('settings', () => {
	it('falls back to defaults for anything unusable', () => {
		expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
		expect(sanitizeSettings({ lang: 'fr', dailyNew: 'ten', retention: null, theme: 3 })).toEqual(
			DEFAULT_SETTINGS
		);
	});

	it('keeps valid values and clamps numbers into range', () => {
		expect(sanitizeSettings({ lang: 'zh', dailyNew: 25, retention: 0.85, theme: 'dark' })).toEqual({
			...DEFAULT_SETTINGS,
			lang: 'zh',
			dailyNew: 25,
			retention: 0.85,
			theme: 'dark'
		});
		const game = sanitizeSettings({
			goal: 'intense',
			goalHistory: [{ since: '2026-11-01', setting: 'casual' }, { since: 'yesterday', setting: 'casual' }],
			zones: [{ since: 0, timeZone: 'Asia/Shanghai' }, { since: 5, timeZone: 'Mars/Olympus' }],
			sounds: true
		});
		expect(game).toMatchObject({
			goal: 'intense',
			goalHistory: [{ since: '2026-11-01', setting: 'casual' }],
			zones: [{ since: 0, timeZone: 'Asia/Shanghai' }],
			sounds: true,
			haptics: true
		});
		const low = sanitizeSettings({ retention: 0.5, dailyNew: -3 });
		expect(low).toMatchObject({ retention: 0.7, dailyNew: 0 });
		const high = sanitizeSettings({ retention: 0.99, dailyNew: 7.6 });
		expect(high).toMatchObject({ retention: 0.97, dailyNew: 8 });
	});
});

describe('localDay', () => {
	it('names the local calendar day', () => {
		expect(localDay(new Date(2025, 0, 6, 0, 0).getTime())).toBe('2025-01-06');
		expect(localDay(new Date(2025, 0, 6, 23, 59).getTime())).toBe('2025-01-06');
		expect(localDay(new Date(2025, 0, 7, 0, 0).getTime())).toBe('2025-01-07');
	});
});

describe('withCurrentZone', () => {
	it('starts the history at 0, appends a move, and leaves it alone when nothing changed', () => {
		const first = withCurrentZone([], 'Asia/Shanghai', 1000);
		expect(first).toEqual([{ since: 0, timeZone: 'Asia/Shanghai' }]);
		expect(withCurrentZone(first, 'Asia/Shanghai', 2000)).toBe(first);
		expect(withCurrentZone(first, 'Europe/Berlin', 3000)).toEqual([...first, { since: 3000, timeZone: 'Europe/Berlin' }]);
	});
});
