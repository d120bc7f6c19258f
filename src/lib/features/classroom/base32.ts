/**
 * Crockford base32: 32 symbols that survive being read aloud and typed. One character is exactly
 * five bits, so a mistyped character changes at most five adjacent bits of the code.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What a person may type for each symbol: lower case, and I/L for 1, O for 0. */
const ALIASES: Record<string, string> = { I: '1', L: '1', O: '0' };

/** Spaces, dashes and dots group a code for reading; they carry nothing. */
const SEPARATORS = /[\s\-._]/g;

/** The symbols of a typed code, or the first character that is not one. */
export function toSymbols(typed: string): { ok: true; symbols: number[] } | { ok: false; bad: string } {
	const symbols: number[] = [];
	for (const raw of typed.replace(SEPARATORS, '').toUpperCase()) {
		const ch = ALIASES[raw] ?? raw;
		const value = ALPHABET.indexOf(ch);
		if (value < 0) return { ok: false, bad: raw };
		symbols.push(value);
	}
	return { ok: true, symbols };
}

export const fromSymbols = (symbols: readonly number[]): string => symbols.map((s) => ALPHABET[s]!).join('');

/** Writes numbers of a given bit width, most significant bit first, into five-bit symbols. */
export class BitWriter {
	#bits: number[] = [];

	/** Append `value` as `width` bits (width ≤ 32 for numbers; any width for bigints). */
	write(value: number | bigint, width: number): this {
		const v = BigInt(value);
		if (v < 0n || v >= 1n << BigInt(width)) throw new RangeError(`${v} does not fit in ${width} bits`);
		for (let i = width - 1; i >= 0; i--) this.#bits.push(Number((v >> BigInt(i)) & 1n));
		return this;
	}

	get length(): number {
		return this.#bits.length;
	}

	/** The symbols, the last one padded with zero bits. */
	symbols(): number[] {
		const out: number[] = [];
		for (let i = 0; i < this.#bits.length; i += 5) {
			let s = 0;
			for (let j = 0; j < 5; j++) s = (s << 1) | (this.#bits[i + j] ?? 0);
			out.push(s);
		}
		return out;
	}
}

/** Reads what a BitWriter wrote. Reading past the end throws. */
export class BitReader {
	#bits: number[];
	#at = 0;

	constructor(symbols: readonly number[]) {
		this.#bits = symbols.flatMap((s) => [4, 3, 2, 1, 0].map((i) => (s >> i) & 1));
	}

	get remaining(): number {
		return this.#bits.length - this.#at;
	}

	big(width: number): bigint {
		if (width > this.remaining) throw new RangeError('code too short');
		let v = 0n;
		for (let i = 0; i < width; i++) v = (v << 1n) | BigInt(this.#bits[this.#at++]!);
		return v;
	}

	read(width: number): number {
		return Number(this.big(width));
	}

	/** Whether what is left is only the zero padding of the last symbol. */
	onlyPadding(): boolean {
		return this.remaining < 5 && this.#bits.slice(this.#at).every((b) => b === 0);
	}
}
