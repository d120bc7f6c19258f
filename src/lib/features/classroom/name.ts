/** A student's display name: what the teacher sees. Bounded, one line, no invisible characters. */
export const MAX_NAME_CHARS = 24;
/** The result code stores the name's UTF-8 length in six bits. */
export const MAX_NAME_BYTES = 63;

const utf8 = new TextEncoder();

/**
 * Tidy a typed name: NFC, control and format characters (including bidi overrides) removed,
 * runs of spaces made one, trimmed, then cut to 24 characters and 63 UTF-8 bytes.
 */
export function cleanName(raw: string): string {
	const tidy = raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu, '').replace(/\s+/gu, ' ').trim();
	const chars = [...tidy].slice(0, MAX_NAME_CHARS);
	while (chars.length && utf8.encode(chars.join('')).length > MAX_NAME_BYTES) chars.pop();
	return chars.join('').trim();
}

export const nameBytes = (name: string): Uint8Array => utf8.encode(name);
