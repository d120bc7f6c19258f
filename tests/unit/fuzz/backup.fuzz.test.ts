import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Text } from '../../../src/lib/core/text';
import {
	makeBackup,
	MAX_BACKUP_CHARS,
	parseBackup,
	refuseBySize,
	reviewProblem,
	sanitizeSettings,
	ZONES_MAX
} from '../../../src/lib/core/log';
import { allReviews, importProgress, openProgressDB, type ProgressDB } from '../../../src/lib/store';
import { importReport } from '../../../src/lib/features/settings/form';
import { LOG, SAMPLES, SETTINGS, T0 } from './backup-samples';
import { fuzzInputs } from './mutate';

/**
 * Backup import under fuzzing: 10,000 mutated and random files through the parser and into a real
 * (fake-indexeddb) store. Every input either imports with a valid result or is refused with a
 * clear message; nothing else escapes, and a refused file leaves the store exactly as it was.
 * Parse times of the same inputs are measured by `npm run bench` (scripts/bench/parse.ts).
 */

const SEED = 0x7c9_2025;
// FUZZ_COUNT lets a longer run search further; the default is what CI runs.
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);

/** A refusal must say, in both languages, that and why the file was refused, in one short line. */
function expectClearRefusal(error: Text, input: string) {
	expect(error.zh, input.slice(0, 200)).toMatch(/^无法导入：.+/);
	expect(error.en, input.slice(0, 200)).toMatch(/^Cannot import: .+/);
	for (const message of [error.zh, error.en]) {
		expect(message.length, message.slice(0, 300)).toBeLessThanOrEqual(300);
		// A value the app printed badly, not one quoted from the file (a JSON error quotes the text).
		if (!/JSON/.test(message)) expect(message.replace(/"[^"]*"/g, '')).not.toMatch(/undefined|\[object |NaN/);
	}
}

/** Everything in every store of the database, as one comparable string. */
async function snapshot(db: ProgressDB): Promise<string> {
	const names = [...db.objectStoreNames];
	const tx = db.transaction(names, 'readonly');
	const parts = await Promise.all(names.map(async (name) => [name, await tx.objectStore(name).getAll(), await tx.objectStore(name).getAllKeys()]));
	return JSON.stringify(parts);
}

let dbs = 0;
const open: ProgressDB[] = [];
async function freshDB(): Promise<ProgressDB> {
	const db = await openProgressDB(`fuzz-${++dbs}`);
	open.push(db);
	// Start from a store that already holds progress, so "unchanged" means something.
	expect(await importProgress(db, SAMPLES[1]!)).toMatchObject({ ok: true });
	return db;
}
afterAll(() => {
	for (const db of open) db.close();
});

describe('backup import under fuzzing', () => {
	it('every sample is a valid backup', () => {
		for (const s of SAMPLES) expect(parseBackup(s)).toMatchObject({ ok: true });
	});

	it(`${COUNT} mutated and random files: a valid import or a clear refusal, store untouched on refusal`, async () => {
		let db = await freshDB();
		let before = await snapshot(db);
		const stats = { accepted: 0, refused: 0, maxChars: 0, byHow: new Map<string, number>() };

		for (const input of fuzzInputs(SEED, SAMPLES, COUNT)) {
			const { text } = input;
			const where = `${input.how} (${text.length} chars): ${text.slice(0, 120)}`;
			stats.maxChars = Math.max(stats.maxChars, text.length);

			// The parser alone: it must return, never throw. (How long it takes is `npm run bench`'s
			// business: a time bound in a test fails on a loaded machine.)
			const parsed = parseBackup(text);

			// The real import, into IndexedDB. Anything thrown fails the test with this input named.
			let result;
			try {
				result = await importProgress(db, text);
			} catch (e) {
				throw new Error(`import threw ${String(e)} for ${where}`);
			}
			expect(result.ok, where).toBe(parsed.ok);
			// The settings page's words for it.
			const report = importReport(result);
			expect(report.ok).toBe(result.ok);

			const after = await snapshot(db);
			if (!result.ok) {
				stats.refused++;
				expectClearRefusal(result.error, text);
				expect(after === before, `store changed by a refused file: ${where}`).toBe(true);
			} else {
				stats.accepted++;
				// A valid result: counts add up, every record stored is well-formed and present.
				expect(parsed.ok).toBe(true);
				if (!parsed.ok) continue;
				const incoming = parsed.backup.reviews;
				expect(result.added + result.skipped).toBe(incoming.length);
				for (const r of incoming) expect(reviewProblem(r)).toBeNull();
				expect(sanitizeSettings(parsed.backup.settings)).toEqual(parsed.backup.settings);
				const stored = new Set((await allReviews(db)).map((r) => r.id));
				for (const r of incoming) expect(stored.has(r.id)).toBe(true);
				// Prototype keys in the file stayed data: nothing global was polluted.
				expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				before = after;
				// A huge accepted record makes every later snapshot slow; start over from a small store.
				if (before.length > 200_000) {
					db = await freshDB();
					before = await snapshot(db);
				}
			}
			for (const how of input.how.split('+')) stats.byHow.set(how, (stats.byHow.get(how) ?? 0) + 1);
		}

		expect(stats.accepted + stats.refused).toBe(COUNT);
		// The mix must exercise both outcomes, or the fuzzer is not reaching the interesting code.
		expect(stats.accepted).toBeGreaterThan(COUNT * 0.05);
		expect(stats.refused).toBeGreaterThan(COUNT * 0.3);
		console.info(
			`backup fuzz: ${COUNT} inputs, ${stats.accepted} accepted, ${stats.refused} refused; largest ${stats.maxChars} chars`,
			Object.fromEntries([...stats.byHow].sort())
		);
	}, 180_000);

	it('refuses a file past the size limit before parsing it', () => {
		const result = parseBackup(' '.repeat(MAX_BACKUP_CHARS + 1));
		expect(result).toMatchObject({ ok: false, error: { en: expect.stringContaining('too large') } });
	});

	it('refuses a file by its size before reading it, only when it cannot fit', () => {
		expect(refuseBySize(3 * MAX_BACKUP_CHARS)).toBeNull();
		expect(refuseBySize(3 * MAX_BACKUP_CHARS + 1)).toMatchObject({ ok: false, error: { en: expect.stringContaining('too large') } });
	});

	it('refuses deep nesting at once and quotes hostile names briefly', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(parseBackup(deep)).toMatchObject({ ok: false, error: { en: expect.stringContaining('nests deeper') } });
		const key = '<img src=x onerror=alert(1)>‮'.repeat(1000);
		const file = JSON.stringify({ ...makeBackup([], SETTINGS, T0), reviews: [{ ...LOG[0], [key]: 1 }] });
		const result = parseBackup(file);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expectClearRefusal(result.error, file);
			expect(result.error.en).not.toContain('‮');
		}
	});

	it('a settings list of 100,000 time zones is cut to the limit, bad zones dropped', () => {
		const zones = Array.from({ length: 100_000 }, (_, i) => ({ since: i, timeZone: i % 2 ? `Bad/Zone${i}` : 'Europe/Paris' }));
		const settings = sanitizeSettings({ zones });
		expect(settings.zones.length).toBeLessThanOrEqual(ZONES_MAX);
		expect(settings.zones.every((z) => z.timeZone === 'Europe/Paris')).toBe(true);
	});
});
