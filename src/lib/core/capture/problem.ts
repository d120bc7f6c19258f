/**
 * What can be wrong with a capture the user opens, and the size check that needs no parser: the
 * page checks a file's size before loading the parsers or reading a byte of it.
 */
import { MAX_CAPTURE_BYTES } from './packet';

export type ProblemKind = 'too_large' | 'empty' | 'no_packets' | 'malformed';

export interface Problem {
	kind: ProblemKind;
	/** The parser's own words (English, technical): where in the file it stopped. */
	detail: string;
}

/** A file too big to read is refused by its size alone, before a byte of it is read. */
export function tooLarge(size: number): Problem | undefined {
	return size > MAX_CAPTURE_BYTES ? { kind: 'too_large', detail: `${size} bytes (limit ${MAX_CAPTURE_BYTES})` } : undefined;
}
