import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import {
	answerOf,
	buildQuiz,
	cleanName,
	decodeResult,
	digitOf,
	encodeQuiz,
	encodeResult,
	quizLink,
	radixOf,
	seal,
	type ClassAnswer,
	type ClassQuiz
} from '../../../src/lib/features/classroom';
import { rng, shuffle } from '../../../src/lib/core/random';
import type { Question } from '../../../src/lib/features/quiz/types';
import { bank, bigQuiz, choice } from './fixtures';

/** Any answer a student could give: none, one option, several, or any order of the steps. */
function randomAnswer(q: Question, random: () => number): ClassAnswer {
	if (random() < 0.15) return null;
	const ids = q.options.map((o) => o.id);
	if (q.kind === 'order_steps') return shuffle(ids, random);
	if (q.multi) {
		const some = ids.filter(() => random() < 0.5);
		return some.length ? some : [ids[0]!];
	}
	return [ids[Math.floor(random() * ids.length)]!];
}

/** Draw a QR matrix as greyscale pixels (4 px a module, quiet zone included) and read it back. */
function scan(text: string): { version: number; read: string | null } {
	const qr = encode(text, { ecc: 'M', border: 4 });
	const scale = 4;
	const size = qr.size * scale;
	const pixels = new Uint8ClampedArray(size * size * 4);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const dark = qr.data[Math.floor(y / scale)]![Math.floor(x / scale)];
			pixels.fill(dark ? 0 : 255, (y * size + x) * 4, (y * size + x) * 4 + 3);
			pixels[(y * size + x) * 4 + 3] = 255;
		}
	return { version: qr.version, read: jsQR(pixels, size, size)?.data ?? null };
}

describe('answers', () => {
	it('map to digits and back for every answer of every question in the bank', () => {
		for (const q of bank().questions.filter((x) => x.kind !== 'flashcard')) {
			const seen = new Set<bigint>();
			const random = rng(q.id.length);
			for (let i = 0; i < 40; i++) {
				const a = randomAnswer(q, random);
				const d = digitOf(q, a);
				expect(d).toBeLessThan(radixOf(q));
				expect(answerOf(q, d)).toEqual(a && q.multi ? q.options.map((o) => o.id).filter((id) => a.includes(id)) : a);
				seen.add(d);
			}
			if (q.kind === 'order_steps') expect(seen.size).toBeGreaterThan(1);
		}
		const order = bank().questions.find((q) => q.kind === 'order_steps' && q.options.length >= 4)!;
		// Every ordering of the steps has its own digit.
		const digits = new Set<bigint>();
		const perms = (xs: string[]): string[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
		for (const p of perms(order.options.map((o) => o.id))) {
			digits.add(digitOf(order, p));
			expect(answerOf(order, digitOf(order, p))).toEqual(p);
		}
		expect(digits.size + 1).toBe(Number(radixOf(order)));
	}, 30_000); // 600 questions × 40 answers: seconds on a busy 2-core machine, not a speed test

	it('treat anything malformed as no answer', () => {
		const single = bank().questions.find((q) => q.kind === 'next_state')!;
		expect(digitOf(single, ['NOT_AN_OPTION'])).toBe(0n);
		expect(digitOf(single, single.options.map((o) => o.id))).toBe(0n);
		const order = bank().questions.find((q) => q.kind === 'order_steps')!;
		expect(digitOf(order, [order.options[0]!.id])).toBe(0n);
	});
});

describe('result codes', () => {
	it('round-trip any answers of a 30-question quiz, in both orders', () => {
		for (const order of ['fixed', 'shuffled'] as const) {
			const quiz = { ...bigQuiz() };
			const random = rng(order.length);
			for (let i = 0; i < 200; i++) {
				const answers = quiz.questions.map((q) => randomAnswer(q, random));
				const code = encodeResult(quiz, `Student ${i}`, answers);
				const back = decodeResult(quiz, code);
				expect(back.ok).toBe(true);
				if (!back.ok) continue;
				expect(back.result.name).toBe(`Student ${i}`);
				expect(back.result.code).toBe(code);
				back.result.answers.forEach((a, j) => {
					const q = quiz.questions[j]!;
					const given = answers[j] ?? null;
					expect(a).toEqual(given && q.multi ? q.options.map((o) => o.id).filter((id) => given.includes(id)) : given);
				});
			}
		}
	});

	it('fit in a small QR code for a 30-question quiz, and scan back', () => {
		const quiz = bigQuiz();
		const worst = encodeResult(quiz, '王'.repeat(21), quiz.questions.map((q) => q.options.map((o) => o.id)));
		const typical = encodeResult(quiz, 'Ada Lovelace', quiz.questions.map((q) => q.answer));
		for (const code of [worst, typical]) {
			const { version, read } = scan(code);
			expect(read).toBe(code);
			expect(version).toBeLessThanOrEqual(10);
		}
		expect(typical.length).toBeLessThanOrEqual(70);
		const link = quizLink('https://tcp-quest.example.org', quiz.code);
		const { version, read } = scan(link);
		expect(read).toBe(link);
		expect(version).toBeLessThanOrEqual(5);
		console.info(`quiz code ${quiz.code.length} chars; link QR v${version}; result code ${typical.length} chars (QR v${scan(typical).version}), worst ${worst.length} chars (QR v${scan(worst).version})`);
	});

	it('keep the name bounded and plain', () => {
		expect(cleanName('  Ada\u202e  \u0000Lovelace\n ')).toBe('Ada Lovelace');
		expect([...cleanName('x'.repeat(100))]).toHaveLength(24);
		expect(new TextEncoder().encode(cleanName('王'.repeat(30))).length).toBeLessThanOrEqual(63);
		expect(cleanName('😀'.repeat(30))).toBe('😀'.repeat(15));
		const quiz = bigQuiz();
		const back = decodeResult(quiz, encodeResult(quiz, '<b>Ada</b>', []));
		expect(back.ok && back.result.name).toBe('<b>Ada</b>');
		expect(() => encodeResult(quiz, ' \u200b ', [])).toThrow();
	});

	it("refuse another quiz's result, unknown versions, bad names and stray data", () => {
		const quiz = bigQuiz();
		const other: ClassQuiz = buildQuiz(bank(), choice({ seed: quiz.spec.seed + 1 }));
		const code = encodeResult(quiz, 'Ada', quiz.questions.map((q) => q.answer));
		expect(decodeResult(other, code)).toEqual({ ok: false, problem: 'quiz' });
		expect(decodeResult(quiz, code).ok).toBe(true);
		expect(decodeResult(quiz, quiz.code)).toMatchObject({ ok: false, problem: 'type', found: 'quiz' });
		expect(decodeResult(quiz, 'The quick brown fox')).toMatchObject({ ok: false, problem: 'character' });
		expect(decodeResult(quiz, 'R1ABCDEFGH')).toMatchObject({ ok: false, problem: 'checksum' });
		expect(decodeResult(quiz, seal('result', 9, [1, 2, 3]))).toEqual({ ok: false, problem: 'version', version: 9 });
		expect(encodeQuiz(quiz.spec)).toBe(quiz.code);

		// Hand-made payloads with a valid check: the app must still refuse what it would never write.
		const payload = (bits: string) => {
			const padded = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
			return Array.from({ length: padded.length / 5 }, (_, i) => parseInt(padded.slice(i * 5, i * 5 + 5), 2));
		};
		const id = quiz.id.toString(2).padStart(25, '0');
		const byte = (b: number) => b.toString(2).padStart(8, '0');
		const answersBits = '0'.repeat(200);
		// Invalid UTF-8 in the name.
		expect(decodeResult(quiz, seal('result', 1, payload(id + '000001' + byte(0xff) + answersBits)))).toEqual({ ok: false, problem: 'name' });
		// A name with a control character, and an empty name.
		expect(decodeResult(quiz, seal('result', 1, payload(id + '000001' + byte(0x07) + answersBits)))).toEqual({ ok: false, problem: 'name' });
		expect(decodeResult(quiz, seal('result', 1, payload(id + '000000' + answersBits)))).toEqual({ ok: false, problem: 'name' });
		// Too short for the answers, and one character too long.
		expect(decodeResult(quiz, seal('result', 1, payload(id + '000001' + byte(65))))).toEqual({ ok: false, problem: 'format' });
		const longer = seal('result', 1, [...payload(id + '000001' + byte(65) + '0'.repeat(400))]);
		expect(decodeResult(quiz, longer)).toEqual({ ok: false, problem: 'format' });
	});
});
