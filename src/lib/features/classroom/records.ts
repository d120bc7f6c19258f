/** What the teacher's device keeps (src/lib/store/classroom.ts writes them). Codes are the truth. */
export interface ClassRecord {
	/** The canonical quiz code: the key. */
	code: string;
	/** The teacher's own label, kept on this device only. */
	title: string;
	createdAt: number;
}

export interface ClassResultRecord {
	/** `<quiz code>:<result code>`: the same result added twice is one record. */
	id: string;
	classCode: string;
	/** The canonical result code; answers are read from it again when shown. */
	code: string;
	name: string;
	addedAt: number;
}

export const MAX_TITLE_CHARS = 60;

export const resultRecordId = (classCode: string, resultCode: string): string => `${classCode}:${resultCode}`;

/** A class label: one line, bounded, no invisible characters. */
export function cleanTitle(raw: string): string {
	const tidy = raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu, '').replace(/\s+/gu, ' ').trim();
	return [...tidy].slice(0, MAX_TITLE_CHARS).join('').trim();
}
