/** Counts read as Intl would write them in English, without asking Intl for whole numbers. */
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/lib/core/text';

describe('groupDigits', () => {
	it('writes whole numbers as en-US does', () => {
		const numbers = [0, 7, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 200_010, -1, -1234, -1_234_567, Number.MAX_SAFE_INTEGER];
		for (const n of numbers) expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US'));
	});

	it('leaves the rest to Intl', () => {
		expect(groupDigits(1234.5)).toBe('1,234.5');
		expect(groupDigits(Number.NaN)).toBe('NaN');
	});
});
