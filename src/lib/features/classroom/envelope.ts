import { fromSymbols, toSymbols } from './base32';
import { CRC15, CRC30, crcSymbols, type Crc } from './checksum';

/**
 * Every code is `<type><version><payload><check>` in Crockford base32. The type and the check never
 * change meaning, so a code from a newer app is recognised as such (and not as a typo): the check
 * is verified first, then the version.
 */
export type CodeType = 'quiz' | 'result';

const TYPE_SYMBOL: Record<CodeType, string> = { quiz: 'Q', result: 'R' };
const CHECK: Record<CodeType, Crc> = { quiz: CRC15, result: CRC30 };
const checkLength = (type: CodeType) => Math.ceil(CHECK[type].width / 5);

/** Why a typed code was refused. */
export type CodeProblem =
	| { problem: 'empty' }
	| { problem: 'character'; bad: string }
	| { problem: 'type'; expected: CodeType; found: CodeType | null }
	| { problem: 'checksum' }
	| { problem: 'version'; version: number }
	| { problem: 'format' };

export type Opened = { ok: true; version: number; payload: number[]; canonical: string } | ({ ok: false } & CodeProblem);

/** Seal a payload: prefix, version and check characters. */
export function seal(type: CodeType, version: number, payload: readonly number[]): string {
	const body = [...toSymbolsOrThrow(TYPE_SYMBOL[type]), version, ...payload];
	return fromSymbols([...body, ...crcSymbols(CHECK[type], body)]);
}

function toSymbolsOrThrow(s: string): number[] {
	const r = toSymbols(s);
	if (!r.ok) throw new Error(`not base32: ${s}`);
	return r.symbols;
}

const typeOf = (symbol: number | undefined): CodeType | null =>
	(Object.keys(TYPE_SYMBOL) as CodeType[]).find((t) => toSymbolsOrThrow(TYPE_SYMBOL[t])[0] === symbol) ?? null;

/** Room for the longest code with a separator after every character and whitespace around it. */
export const MAX_TYPED = 1024;

/**
 * Check a typed or scanned code: its characters, its type, its check characters. The version is
 * returned for the caller to accept or refuse; the payload is not interpreted here.
 */
export function open(type: CodeType, typed: string): Opened {
	// The longest code (a result with a 63-byte name) is 132 characters: anything far longer is not
	// a code, and reading a pasted megabyte symbol by symbol would freeze the page for seconds.
	if (typed.length > MAX_TYPED) return { ok: false, problem: 'format' };
	const parsed = toSymbols(typed.trim());
	if (!parsed.ok) return { ok: false, problem: 'character', bad: parsed.bad };
	const symbols = parsed.symbols;
	if (symbols.length === 0) return { ok: false, problem: 'empty' };
	const found = typeOf(symbols[0]);
	if (found !== type) {
		// A whole, intact code of the other kind is a mix-up, not a typo: say so.
		if (found && symbols.length >= 2 + checkLength(found) && sameCheck(found, symbols)) return { ok: false, problem: 'type', expected: type, found };
		return { ok: false, problem: 'checksum' };
	}
	if (symbols.length < 2 + checkLength(type)) return { ok: false, problem: 'format' };
	if (!sameCheck(type, symbols)) return { ok: false, problem: 'checksum' };
	return { ok: true, version: symbols[1]!, payload: symbols.slice(2, symbols.length - checkLength(type)), canonical: fromSymbols(symbols) };
}

function sameCheck(type: CodeType, symbols: readonly number[]): boolean {
	const n = checkLength(type);
	const body = symbols.slice(0, symbols.length - n);
	const want = crcSymbols(CHECK[type], body);
	return want.every((s, i) => s === symbols[body.length + i]);
}

/** A code in groups of four for reading aloud, e.g. `Q2AB-CDEF-…`. */
export const grouped = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;
