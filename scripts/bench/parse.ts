/**
 * Parsers on hostile input, timed: the backup fuzz test's 10,000 files (the same seed and samples,
 * so the inputs are identical) through parseBackup, a file past the size limit, and a settings
 * list of 100,000 time zones. These bounds used to live in the unit tests, where a loaded CI
 * machine made them flake; here they are reported, and exceeded ones fail `npm run bench`.
 */
import { MAX_BACKUP_CHARS, parseBackup, sanitizeSettings } from '../../src/lib/core/log';
import { SAMPLES } from '../../tests/unit/fuzz/backup-samples';
import { baselineMs, fuzzInputs, timed } from '../../tests/unit/fuzz/mutate';

/**
 * Time bounds for parsing one input. The largest inputs are a few MB (a 1M-character string,
 * 150,000-item arrays); real parsing of those takes 5–40 ms. The bound is ~5x that, yet a
 * quadratic path (a check per key per record, an Intl call per entry) or a stack-deep recursion,
 * which take seconds, fail at once.
 */
const MAX_MS = 250;
/** A fixed allowance plus 50 ms per million characters (JSON.parse runs ~5 ms/M). */
const budgetMs = (chars: number) => Math.min(MAX_MS, 30 + (50 * chars) / 1e6);
/**
 * On a busy machine the fixed bound gives way to this: no input may take more than 15 times as
 * long as JSON.parse of a plain file of its size, measured at that moment. (Checks are linear, so
 * real inputs take 2–4 times; the time-zone pathology this caught took over 100 times.)
 */
const RELATIVE = 15;
const withinBudget = (ms: number, chars: number) => ms < budgetMs(chars) || ms < RELATIVE * baselineMs(chars) + 20;

// The same seed and count as tests/unit/fuzz/backup.fuzz.test.ts.
const SEED = 0x7c9_2025;
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);

/** Returns the lines of every budget exceeded. */
export async function benchParsers(): Promise<string[]> {
	const over: string[] = [];
	let slowest = { ms: 0, what: '' };
	for (const input of fuzzInputs(SEED, SAMPLES, COUNT)) {
		const { text } = input;
		const { ms } = await timed(budgetMs(text.length), () => parseBackup(text));
		if (ms > slowest.ms) slowest = { ms, what: `${input.how}, ${text.length} chars` };
		if (!withinBudget(ms, text.length)) over.push(`backup parse ${ms.toFixed(0)} ms (budget ${budgetMs(text.length).toFixed(0)} ms) for ${input.how} (${text.length} chars): ${text.slice(0, 80)}`);
	}
	console.log(`\nBackup parsing, ${COUNT.toLocaleString('en')} fuzzed files (tests/unit/fuzz):`);
	console.log(`  slowest ${slowest.ms.toFixed(1)} ms (${slowest.what}); ${over.length} over budget (≤ ${MAX_MS} ms, ~30 ms + 50 ms/M chars, or ${RELATIVE}× a plain JSON.parse)`);

	const huge = ' '.repeat(MAX_BACKUP_CHARS + 1);
	const refusal = await timed(MAX_MS, () => parseBackup(huge));
	if (refusal.value.ok) over.push('a file past the size limit was accepted');
	console.log(`  a file past the size limit refused in ${refusal.ms.toFixed(1)} ms (budget ${MAX_MS} ms: ${refusal.ms < MAX_MS ? 'within' : 'OVER'})`);
	if (refusal.ms >= MAX_MS) over.push(`size-limit refusal took ${refusal.ms.toFixed(0)} ms`);

	const zones = Array.from({ length: 100_000 }, (_, i) => ({ since: i, timeZone: i % 2 ? `Bad/Zone${i}` : 'Europe/Paris' }));
	const sanitize = await timed(MAX_MS, () => sanitizeSettings({ zones }));
	console.log(`  100,000 time zones sanitized in ${sanitize.ms.toFixed(1)} ms (budget ${MAX_MS} ms: ${sanitize.ms < MAX_MS ? 'within' : 'OVER'})`);
	if (sanitize.ms >= MAX_MS) over.push(`sanitizing 100,000 time zones took ${sanitize.ms.toFixed(0)} ms`);
	return over;
}
