import { describe, expect, it } from 'vitest';
import {
	CLASS_KINDS,
	decodeQuiz,
	encodeQuiz,
	encodeResult,
	grouped,
	MAX_QUESTIONS,
	MAX_TOPICS,
	codeFromLink,
	quizLink,
	seal,
	TIME_LIMITS,
	type QuizSpec
} from '../../../src/lib/features/classroom';
import { BitWriter } from '../../../src/lib/features/classroom/base32';
import { bigQuiz } from './fixtures';

const base: QuizSpec = { fingerprint: 0xfffff, seed: 0x7fff, count: 30, seconds: 0, order: 'fixed', kinds: ['next_state'], topics: [0] };

const seen = new Set<string>();
const roundTrip = (spec: QuizSpec) => {
	const code = encodeQuiz(spec);
	const back = decodeQuiz(code);
	seen.add(JSON.stringify(spec));
	expect(back).toEqual({ ok: true, spec, code });
	return code;
};

describe('quiz codes', () => {
	it('still read a version 1 code (15 kind bits, before capture questions) as it was written', () => {
		// fingerprint, seed, count−1, time limit, order, kinds (next_state, ss_fix), topics (0, 3)
		const v1 = new BitWriter().write(0xabcde, 20).write(1234, 15).write(9, 5).write(2, 3).write(1, 1).write(1 | (1 << 14), 15).write(0b1001, 16);
		const back = decodeQuiz(seal('quiz', 1, v1.symbols()));
		expect(back).toMatchObject({ ok: true, spec: { fingerprint: 0xabcde, seed: 1234, count: 10, seconds: 20, order: 'shuffled', kinds: ['next_state', 'ss_fix'], topics: [0, 3] } });
		expect(CLASS_KINDS.at(-1)).toBe('capture');
	});

	it('round-trip every option', () => {
		const codes = new Set<string>();
		for (const kind of CLASS_KINDS) codes.add(roundTrip({ ...base, kinds: [kind] }));
		roundTrip({ ...base, kinds: [...CLASS_KINDS] });
		for (let t = 0; t < MAX_TOPICS; t++) codes.add(roundTrip({ ...base, topics: [t] }));
		roundTrip({ ...base, topics: Array.from({ length: MAX_TOPICS }, (_, i) => i) });
		for (const seconds of TIME_LIMITS) codes.add(roundTrip({ ...base, seconds }));
		for (const order of ['fixed', 'shuffled'] as const) codes.add(roundTrip({ ...base, order }));
		for (let count = 1; count <= MAX_QUESTIONS; count++) codes.add(roundTrip({ ...base, count }));
		for (const seed of [0, 1, 0x4000, 0x7fff]) codes.add(roundTrip({ ...base, seed }));
		for (const fingerprint of [0, 1, 0x80000, 0xfffff]) codes.add(roundTrip({ ...base, fingerprint }));
		// Every distinct spec (the base one comes up several times) gave a distinct code.
		const singles = new Set([...seen].filter((s) => JSON.parse(s).kinds.length === 1 && JSON.parse(s).topics.length === 1));
		expect(codes.size).toBe(singles.size);
	});

	it('are 21 characters, start with Q2, and can be typed in any case with dashes', () => {
		const code = encodeQuiz(base);
		expect(code).toMatch(/^Q2[0-9A-HJKMNP-TV-Z]{19}$/);
		expect(decodeQuiz(grouped(code).toLowerCase()).ok).toBe(true);
		expect(grouped(code)).toMatch(/^Q2..-....-....-....-....-.$/);
		// Read-aloud mix-ups are accepted: O for 0, I or L for 1.
		expect(decodeQuiz(code.replace(/0/g, 'O').replace(/1/g, 'l')).ok).toBe(true);
	});

	it('travel in a link, read back from a pasted link or a bare code', () => {
		const code = encodeQuiz(base);
		const link = quizLink('https://example.org', code);
		expect(link).toBe(`https://example.org/classroom/take#${code}`);
		expect(codeFromLink(link)).toBe(code);
		expect(codeFromLink(`  ${code} `)).toBe(code);
	});

	it('refuse out-of-range choices when writing', () => {
		expect(() => encodeQuiz({ ...base, count: 31 })).toThrow();
		expect(() => encodeQuiz({ ...base, count: 0 })).toThrow();
		expect(() => encodeQuiz({ ...base, kinds: [] })).toThrow();
		expect(() => encodeQuiz({ ...base, topics: [16] })).toThrow();
		expect(() => encodeQuiz({ ...base, seed: 0x8000 })).toThrow();
	});

	it('name what is wrong with a bad one', () => {
		expect(decodeQuiz('')).toMatchObject({ ok: false, problem: 'empty' });
		expect(decodeQuiz('hello, world!')).toMatchObject({ ok: false, problem: 'character' });
		expect(decodeQuiz('Q1')).toMatchObject({ ok: false, problem: 'format' });
		expect(decodeQuiz('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toMatchObject({ ok: false, problem: 'checksum' });
		const quiz = bigQuiz();
		expect(decodeQuiz(encodeResult(quiz, 'Ada', []))).toMatchObject({ ok: false, problem: 'type', found: 'result' });
		// A newer layout: the check is right, the version is not one this app reads.
		expect(decodeQuiz(seal('quiz', 3, new Array(16).fill(3)))).toMatchObject({ ok: false, problem: 'version', version: 3 });
		// Right check, wrong length, or impossible contents (no kinds): a format problem.
		expect(decodeQuiz(seal('quiz', 1, new Array(14).fill(3)))).toMatchObject({ ok: false, problem: 'format' });
		expect(decodeQuiz(seal('quiz', 1, new Array(15).fill(0)))).toMatchObject({ ok: false, problem: 'format' });
	});
});
