import { describe, expect, it } from 'vitest';
import {
	ALPHABET,
	CRC15,
	CRC30,
	crcOf,
	decodeQuiz,
	decodeResult,
	encodeQuiz,
	encodeResult,
	toSymbols,
	type ClassAnswer
} from '../../../src/lib/features/classroom';
import { bigQuiz, choice } from './fixtures';

/** Every printable ASCII character, and a few a phone keyboard might add. */
const TYPEABLE = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'é', '中', '０'];

/** Every code that differs from `code` in exactly one character, typed as anything at all. */
function* substitutions(code: string): Generator<string> {
	for (let i = 0; i < code.length; i++) {
		for (const ch of TYPEABLE) {
			const typed = code.slice(0, i) + ch + code.slice(i + 1);
			const a = toSymbols(typed);
			const b = toSymbols(code);
			// Same symbols (case, O for 0, I/L for 1): not a corruption at all.
			if (a.ok && b.ok && a.symbols.join() === b.symbols.join()) continue;
			yield typed;
		}
	}
}

describe('check values', () => {
	it('match the published CRC catalogue for "123456789"', () => {
		const bytes = [...new TextEncoder().encode('123456789')];
		expect(crcOf(CRC15, bytes, 8)).toBe(0x059e);
		expect(crcOf(CRC30, bytes, 8)).toBe(0x04c34abf);
	});
});

describe('every single-character corruption is refused', () => {
	it('for quiz codes (all positions, every typeable character)', () => {
		const code = encodeQuiz({ ...choice(), fingerprint: 0x5a5a5, seed: 0x1234 });
		let tried = 0;
		for (const typed of substitutions(code)) {
			tried++;
			expect(decodeQuiz(typed).ok, typed).toBe(false);
		}
		expect(tried).toBeGreaterThan(code.length * 60);
	});

	it('for result codes of a 30-question quiz', () => {
		const quiz = bigQuiz();
		const answers: ClassAnswer[] = quiz.questions.map((q, i) => (i % 3 === 0 ? null : q.answer));
		const code = encodeResult(quiz, 'Ada 李', answers);
		let tried = 0;
		for (const typed of substitutions(code)) {
			tried++;
			expect(decodeResult(quiz, typed).ok, typed).toBe(false);
		}
		expect(tried).toBeGreaterThan(code.length * 60);
	});

	it('for every error pattern of one symbol at every position, whatever the code (the CRC is linear)', () => {
		// crc(code XOR error) = crc(code) XOR crc₀(error), where crc₀ starts from zero: whether an error
		// is caught does not depend on the code, only on crc₀(error) ≠ 0. Leading zero symbols leave
		// crc₀ at zero, so one error pattern at distance d from the end behaves the same in every code
		// longer than d. Trying the 31 non-zero five-bit changes at each of 200 positions (longer than
		// any code: a 63-byte name and 30 six-step orderings need under 170) proves it for all codes.
		const LONGEST = 200;
		for (const crc of [CRC15, CRC30]) {
			const crc0 = { ...crc, init: 0, xorOut: 0 };
			for (let at = 0; at < LONGEST; at++) {
				for (let e = 1; e < 32; e++) {
					const error = new Array<number>(LONGEST).fill(0);
					error[at] = e;
					expect(crcOf(crc0, error, 5)).not.toBe(0);
				}
			}
		}
	});

	it('including swaps of two neighbouring characters', () => {
		const code = encodeQuiz({ ...choice(), fingerprint: 0xabcde, seed: 77 });
		for (let i = 0; i + 1 < code.length; i++) {
			if (code[i] === code[i + 1]) continue;
			const typed = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
			expect(decodeQuiz(typed).ok, typed).toBe(false);
		}
	});

	it('and so is a character dropped or added', () => {
		const code = encodeQuiz({ ...choice(), fingerprint: 1, seed: 2 });
		for (let i = 0; i < code.length; i++) {
			expect(decodeQuiz(code.slice(0, i) + code.slice(i + 1)).ok).toBe(false);
			for (const ch of ALPHABET) expect(decodeQuiz(code.slice(0, i) + ch + code.slice(i)).ok).toBe(false);
		}
	});
});
