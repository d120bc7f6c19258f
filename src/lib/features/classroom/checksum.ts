/**
 * Cyclic redundancy checks over a stream of bits. A CRC whose generator has degree r and a non-zero
 * constant term detects every burst error no longer than r bits; one wrong base32 character is a
 * burst of at most five bits, so both checks below catch every single-character substitution
 * (tests/unit/classroom/checksum.test.ts tries them all).
 */
export interface Crc {
	name: string;
	width: number;
	/** The generator without its top bit, as in the CRC catalogues. */
	poly: number;
	init: number;
	xorOut: number;
}

/** CRC-15/CAN (Bosch CAN 2.0): Hamming distance 6 up to 112 data bits. Three characters. */
export const CRC15: Crc = { name: 'CRC-15/CAN', width: 15, poly: 0x4599, init: 0, xorOut: 0 };
/** CRC-30/CDMA (3GPP2): six characters, for the longer result codes. */
export const CRC30: Crc = { name: 'CRC-30/CDMA', width: 30, poly: 0x2030b9c7, init: 0x3fffffff, xorOut: 0x3fffffff };

/** Feed `count` bits of `value`, most significant first. Bit-at-a-time: the codes are short. */
function feed(crc: Crc, register: number, value: number, count: number): number {
	const top = 2 ** (crc.width - 1);
	const mask = 2 ** crc.width - 1;
	let r = register;
	for (let i = count - 1; i >= 0; i--) {
		const bit = (value >>> i) & 1;
		const out = r >= top ? 1 : 0;
		// Shift in a way that stays exact for widths up to 31 bits.
		r = (r - out * top) * 2;
		if ((out ^ bit) === 1) r = (r ^ crc.poly) >>> 0;
		r = r & mask;
	}
	return r >>> 0;
}

/** The CRC of a sequence of `bitsPer`-bit words (8 for bytes, 5 for base32 symbols). */
export function crcOf(crc: Crc, words: readonly number[], bitsPer: number): number {
	let r = crc.init;
	for (const w of words) r = feed(crc, r, w, bitsPer);
	return (r ^ crc.xorOut) >>> 0;
}

/** The check value as base32 symbols (width / 5 of them, most significant first). */
export function crcSymbols(crc: Crc, symbols: readonly number[]): number[] {
	const value = crcOf(crc, symbols, 5);
	const n = Math.ceil(crc.width / 5);
	return Array.from({ length: n }, (_, i) => Math.floor(value / 2 ** (5 * (n - 1 - i))) % 32);
}
