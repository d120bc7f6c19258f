/**
 * Flashcards as Anki's "Notes in Plain Text": a header of `#key:value` lines, then one note per
 * line, fields separated by tabs. With `#html:true` Anki reads each field as HTML, so text is
 * escaped (& < > ") and a line break inside a field becomes <br>: a field never holds a raw tab or
 * newline, so no field needs quoting and every line has the same number of fields.
 */
import type { Question } from '../quiz/types';
import { statesOfFamily } from '../quiz/scope';

export const ANKI_DECK = 'TCP Quest';
export const ANKI_COLUMNS = ['正面', '背面', 'Front', 'Back', 'Tags'] as const;

export function escapeAnkiHtml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r\n|\r|\n/g, '<br>')
		.replace(/\t/g, ' ');
}

/** Anki tags are separated by spaces: one word each. */
const tag = (s: string) => s.replace(/\s+/g, '_');

/** The file for these flashcards (questions of kind `flashcard`; others are skipped). */
export function ankiNotes(questions: readonly Question[]): string {
	const header = [
		'#separator:tab',
		'#html:true',
		'#notetype:Basic',
		`#deck:${ANKI_DECK}`,
		'#tags:tcp-quest',
		`#columns:${ANKI_COLUMNS.join('\t')}`,
		`#tags column:${ANKI_COLUMNS.length}`
	];
	const lines = questions
		.filter((q) => q.kind === 'flashcard')
		.map((q) => {
			const tags = [`topic::${q.topic}`, ...statesOfFamily(q.family).map((s) => `state::${s}`)].map(tag).join(' ');
			return [q.prompt.zh, q.explanation.zh, q.prompt.en, q.explanation.en].map(escapeAnkiHtml).concat(tags).join('\t');
		});
	return [...header, ...lines].join('\n') + '\n';
}
