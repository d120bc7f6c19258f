import { describe, expect, it } from 'vitest';
import { buildQuiz, codeFromLink, decodeQuiz, decodeResult, encodeResult, openQuiz, quizLink, type ClassAnswer } from '../../../src/lib/features/classroom';
import { bank, bigQuiz, choice } from '../classroom/fixtures';
import { baselineMs, fuzzInputs, timed } from './mutate';

/**
 * Quiz and result codes under fuzzing: typed, scanned or pasted text from anyone. Every input is
 * either read (and then reads back to the same canonical code) or refused with a problem; nothing
 * throws, and no input takes long: under 250 ms, or on a loaded machine under 15 times a plain
 * JSON.parse of the same length (see backup.fuzz.test.ts), which a quadratic step would blow through.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const MAX_MS = 250;
const RELATIVE = 15;
const bounded = (ms: number, text: string) => ms < MAX_MS || ms < RELATIVE * baselineMs(text.length) + 20;

describe('classroom codes under fuzzing', () => {
	const quiz = bigQuiz();
	const small = buildQuiz(bank(), choice({ count: 3, seed: 7 }));
	const answers = (q: typeof quiz): ClassAnswer[] => q.questions.map((x, i) => (i % 4 === 0 ? null : [x.options[0]!.id]));
	const quizCodes = [quiz.code, small.code];
	const resultCodes = [encodeResult(quiz, 'Li Lei', answers(quiz)), encodeResult(quiz, '王小明', answers(quiz)), encodeResult(small, 'A', answers(small))];

	it(`${COUNT} mutated quiz codes and links: read or refused, never thrown, bounded time`, async () => {
		const samples = [...quizCodes, ...quizCodes.map((c) => quizLink('https://example.org', c)), quizCodes[0]!.toLowerCase().replace(/(.{4})/g, '$1-')];
		let read = 0;
		let maxMs = 0;
		for (const input of fuzzInputs(0xc1a55, samples, COUNT)) {
			const { value, ms } = await timed(MAX_MS, () => {
				const code = codeFromLink(input.text);
				return { decoded: decodeQuiz(code), opened: openQuiz(bank(), code) };
			});
			maxMs = Math.max(maxMs, ms);
			expect(bounded(ms, input.text), `${ms} ms for ${input.how}: ${input.text.slice(0, 80)}`).toBe(true);
			if (value.decoded.ok) {
				read++;
				// A code that reads is canonical: reading its canonical form gives the same quiz.
				const again = decodeQuiz(value.decoded.code);
				expect(again).toEqual(value.decoded);
			} else expect(value.decoded.problem, input.how).toEqual(expect.any(String));
			if (!value.opened.ok) expect(value.opened.problem).toEqual(expect.any(String));
		}
		console.info(`quiz-code fuzz: ${COUNT} inputs, ${read} read, slowest ${maxMs.toFixed(1)} ms`);
	}, 180_000);

	it(`${COUNT} mutated result codes: read or refused, never thrown, bounded time`, async () => {
		let read = 0;
		let maxMs = 0;
		for (const input of fuzzInputs(0x5e5, resultCodes, COUNT)) {
			for (const q of [quiz, small]) {
				const { value, ms } = await timed(MAX_MS, () => decodeResult(q, input.text));
				maxMs = Math.max(maxMs, ms);
				expect(bounded(ms, input.text), `${ms} ms for ${input.how}: ${input.text.slice(0, 80)}`).toBe(true);
				if (value.ok) {
					read++;
					expect(value.result.name.length).toBeGreaterThan(0);
					expect(value.result.answers).toHaveLength(q.questions.length);
					expect(decodeResult(q, value.result.code)).toEqual(value);
				} else expect(value.problem, input.how).toEqual(expect.any(String));
			}
		}
		console.info(`result-code fuzz: ${COUNT} inputs × 2 quizzes, ${read} read, slowest ${maxMs.toFixed(1)} ms`);
	}, 180_000);
});
