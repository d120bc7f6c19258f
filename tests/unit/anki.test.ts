import { beforeAll, describe, expect, it } from 'vitest';
import { generateBank, type Question } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { ankiNotes, escapeAnkiHtml } from '../../src/lib/features/study/anki';

let bank: Question[];
beforeAll(() => {
	bank = generateBank(loadDeck());
});

/** Read the file as Anki's text importer does: `#key:value` header lines, then tab-separated rows. */
function readAsAnki(file: string) {
	const lines = file.split('\n');
	expect(lines.at(-1)).toBe('');
	const headers = new Map<string, string>();
	let i = 0;
	for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
		const m = /^#([^:]+):(.*)$/.exec(lines[i]!);
		expect(m, lines[i]).not.toBeNull();
		headers.set(m![1]!, m![2]!);
	}
	const rows = lines.slice(i, -1).map((l) => l.split(headers.get('separator') === 'tab' ? '\t' : ','));
	return { headers, rows };
}

const unescape = (s: string) => s.replace(/<br>/g, '\n').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Anki export', () => {
	it('has the headers Anki reads, and one note per flashcard with the same number of fields', () => {
		const file = ankiNotes(bank);
		const { headers, rows } = readAsAnki(file);
		expect(headers.get('separator')).toBe('tab');
		expect(headers.get('html')).toBe('true');
		expect(headers.get('notetype')).toBe('Basic');
		expect(headers.get('deck')).toBe('TCP Quest');
		expect(headers.get('tags')).toBe('tcp-quest');
		const columns = headers.get('columns')!.split('\t');
		expect(headers.get('tags column')).toBe(String(columns.length));
		const cards = bank.filter((q) => q.kind === 'flashcard');
		expect(rows).toHaveLength(cards.length);
		for (const [n, row] of rows.entries()) {
			expect(row, `note ${n + 1}`).toHaveLength(columns.length);
			const q = cards[n]!;
			expect(unescape(row[0]!)).toBe(q.prompt.zh);
			expect(unescape(row[3]!)).toBe(q.explanation.en);
			// No field starts with a quote: Anki would read it as a quoted field.
			for (const field of row) expect(field.startsWith('"')).toBe(false);
			expect(row[4]!.split(' ')).toContain(`topic::${q.topic}`);
		}
		expect(rows.some((r) => r[4]!.includes('state::SYN_RECEIVED'))).toBe(true);
	});

	it('escapes HTML and leaves no raw tab or line break in a field', () => {
		expect(escapeAnkiHtml('a<b> & "c"\n\td')).toBe('a&lt;b&gt; &amp; &quot;c&quot;<br> d');
		const hostile = { ...bank.find((q) => q.kind === 'flashcard')!, prompt: { zh: '<script>\t半连接\n', en: 'x\r\ny' } };
		const { rows } = readAsAnki(ankiNotes([hostile]));
		expect(rows).toHaveLength(1);
		expect(rows[0]![0]).toBe('&lt;script&gt; 半连接<br>');
		expect(rows[0]![2]).toBe('x<br>y');
	});
});
