import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, makeBackup, parseBackup, sanitizeSettings, type Review } from '../../src/lib/core/log';
import {
	buildSchedule,
	DEFAULT_WEIGHTS,
	isWeights,
	itemHistories,
	logLoss,
	MIN_TRAINING_SAMPLES,
	optimizerInput,
	roundWeights,
	trainingCount
} from '../../src/lib/core/srs';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 9); // 09:00 UTC
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
let n = 0;
const card = (itemId: string, at: number, rating: 1 | 2 | 3 | 4, extra: Partial<Review> = {}): Review => ({
	id: `r${++n}`.padStart(6, '0'),
	itemId,
	kind: 'flashcard',
	rating,
	durationMs: 1000,
	at,
	appVersion: 'test',
	...extra
});
const quiz = (itemId: string, at: number, correct: boolean): Review => ({
	id: `q${++n}`.padStart(6, '0'),
	itemId,
	kind: 'quiz',
	correct,
	answer: ['a'],
	durationMs: 1000,
	at,
	appVersion: 'test'
});

describe('itemHistories', () => {
	it('gives each item its ratings and whole-day gaps, the first gap 0 and same-day gaps 0', () => {
		const log = [card('a', T0, 1), card('a', T0 + 10 * 60_000, 3), card('a', T0 + 3 * DAY, 3), card('b', T0 + DAY, 4)];
		expect(itemHistories(log, utcDay)).toEqual([
			{ ratings: [1, 3, 3], deltaDays: [0, 0, 3] },
			{ ratings: [4], deltaDays: [0] }
		]);
	});

	it('counts calendar days, not 24-hour spans: 23:00 to 01:00 the next day is one day', () => {
		const late = Date.UTC(2025, 0, 6, 23);
		expect(itemHistories([card('a', late, 3), card('a', late + 2 * 3_600_000, 3)], utcDay)[0]!.deltaDays).toEqual([0, 1]);
	});

	it('grades quiz answers as the scheduler does (right Good, wrong Again), skips cram and undone reviews', () => {
		const undone = card('a', T0 + 2 * DAY, 1);
		const log: Review[] = [
			quiz('a', T0, true),
			card('a', T0 + DAY, 4, { cram: true }),
			undone,
			{ id: 'u1', itemId: 'a', kind: 'undo', undoes: undone.id, durationMs: 0, at: T0 + 2 * DAY + 1, appVersion: 'test' },
			quiz('a', T0 + 5 * DAY, false)
		];
		expect(itemHistories(log, utcDay)).toEqual([{ ratings: [3, 1], deltaDays: [0, 5] }]);
	});
});

describe('training samples', () => {
	const histories = [
		{ ratings: [1, 3, 3, 2], deltaDays: [0, 0, 2, 4] },
		{ ratings: [3], deltaDays: [0] }
	];

	it('one per later-day review after the first, as Anki counts fsrs_items', () => {
		expect(trainingCount(histories)).toBe(2);
	});

	it('lays each sample (the history up to it) end to end for fsrs-browser', () => {
		const input = optimizerInput(histories);
		expect([...input.lengths]).toEqual([3, 4]);
		expect([...input.ratings]).toEqual([1, 3, 3, 1, 3, 3, 2]);
		expect([...input.deltaDays]).toEqual([0, 0, 2, 0, 0, 2, 4]);
	});

	it('the threshold is Anki’s 400', () => {
		expect(MIN_TRAINING_SAMPLES).toBe(400);
	});
});

describe('logLoss', () => {
	it('is ln 2-ish for nothing learned, lower for weights that fit, and counts only later-day reviews', () => {
		// Someone who always remembers: weights with longer first stabilities predict them better.
		const histories = Array.from({ length: 50 }, () => ({ ratings: [3, 3, 3, 3], deltaDays: [0, 0, 5, 20] }));
		const base = logLoss(histories, null);
		expect(base.samples).toBe(100);
		const stronger = [...DEFAULT_WEIGHTS];
		stronger[2] = 20; // initial stability after Good: 20 days instead of 2.3
		expect(logLoss(histories, stronger).logLoss).toBeLessThan(base.logLoss);
		// Someone who always forgets: the same change predicts them worse.
		const forgetful = Array.from({ length: 50 }, () => ({ ratings: [3, 1], deltaDays: [0, 5] }));
		expect(logLoss(forgetful, stronger).logLoss).toBeGreaterThan(logLoss(forgetful, null).logLoss);
	});

	it('matches the forgetting curve by hand for a single sample', () => {
		// Default FSRS-6: S0(Good) = w2; R(t, S) = (1 + factor·t/S)^(−w20), factor = 0.9^(−1/w20) − 1.
		const [w2, w20] = [DEFAULT_WEIGHTS[2]!, DEFAULT_WEIGHTS[20]!];
		const factor = Math.pow(0.9, -1 / w20) - 1;
		const r = Math.pow(1 + (factor * 3) / w2, -w20);
		expect(logLoss([{ ratings: [3, 3], deltaDays: [0, 3] }], null).logLoss).toBeCloseTo(-Math.log(r), 6);
		expect(logLoss([{ ratings: [3, 1], deltaDays: [0, 3] }], null).logLoss).toBeCloseTo(-Math.log(1 - r), 6);
	});

	it('is NaN with no samples', () => {
		expect(logLoss([{ ratings: [3], deltaDays: [0] }], null)).toEqual({ logLoss: NaN, samples: 0 });
	});
});

describe('weights', () => {
	it('accepts the defaults and refuses wrong lengths, non-numbers and out-of-range values', () => {
		expect(isWeights([...DEFAULT_WEIGHTS])).toBe(true);
		expect(isWeights(DEFAULT_WEIGHTS.slice(0, 19))).toBe(false);
		expect(isWeights([...DEFAULT_WEIGHTS.slice(0, 20), 'x'])).toBe(false);
		expect(isWeights([...DEFAULT_WEIGHTS.slice(0, 20), NaN])).toBe(false);
		expect(isWeights([...DEFAULT_WEIGHTS.slice(0, 20), 5])).toBe(false); // decay ≤ 0.8
		expect(isWeights([-1, ...DEFAULT_WEIGHTS.slice(1)])).toBe(false);
	});

	it('rounds optimizer output to 4 decimals and into range', () => {
		const raw = Float32Array.from([...DEFAULT_WEIGHTS.slice(0, 20), 0.9]);
		const rounded = roundWeights(raw);
		expect(rounded[20]).toBe(0.8);
		expect(rounded[0]).toBe(0.212);
		expect(isWeights(rounded)).toBe(true);
	});

	it('schedule with the learner’s weights: a longer first stability puts the first review later', () => {
		const log = [card('a', T0, 3)];
		const longer = [...DEFAULT_WEIGHTS];
		longer[2] = 20;
		const due = (w: number[] | null) => buildSchedule(log, 0.9, w).get('a')!.card.due.getTime();
		expect(due(null)).toBe(buildSchedule(log, 0.9).get('a')!.card.due.getTime());
		// Good on a new card starts learning steps either way; rate again after the step to leave them.
		const later = [...log, card('a', T0 + 11 * 60_000, 3)];
		const dueAfter = (w: number[] | null) => buildSchedule(later, 0.9, w).get('a')!.card.due.getTime();
		expect(dueAfter(longer)).toBeGreaterThan(dueAfter(null));
		expect(due(longer)).toBeGreaterThanOrEqual(due(null));
	});
});

describe('weights in settings and backups', () => {
	const mine = roundWeights(DEFAULT_WEIGHTS.map((w) => w * 1.01));

	it('settings keep a valid set and its history; a broken set is dropped whole, never repaired', () => {
		const s = sanitizeSettings({ weights: mine, previousWeights: [null, mine, [1, 2], 'x'] });
		expect(s.weights).toEqual(mine);
		expect(s.previousWeights).toEqual([null, mine]);
		expect(sanitizeSettings({ weights: [...mine.slice(0, 20), 99] }).weights).toBeNull();
		expect(DEFAULT_SETTINGS.weights).toBeNull();
	});

	it('a backup carries them, and a backup with broken weights is refused whole', () => {
		const backup = makeBackup([card('a', T0, 3)], { ...DEFAULT_SETTINGS, weights: mine, previousWeights: [null] }, T0);
		const parsed = parseBackup(JSON.stringify(backup));
		expect(parsed.ok && parsed.backup.settings.weights).toEqual(mine);
		expect(parsed.ok && parsed.backup.settings.previousWeights).toEqual([null]);
		const broken = { ...backup, settings: { ...backup.settings, weights: [...mine.slice(0, 20), 'NaN'] } };
		const refused = parseBackup(JSON.stringify(broken));
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.error.en).toContain('"settings.weights" is not a valid set of FSRS weights');
		const badHistory = { ...backup, settings: { ...backup.settings, previousWeights: [[1]] } };
		expect(parseBackup(JSON.stringify(badHistory)).ok).toBe(false);
	});
});
