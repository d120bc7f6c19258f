import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { keepNamesWhole, tableRenderer } from '../../src/lib/server/content/tables';

const render = (markdown: string, lang: 'zh' | 'en' = 'en') => new Marked({ async: false, gfm: true }).use({ renderer: tableRenderer(lang) }).parse(markdown) as string;

describe('content tables on a phone', () => {
	it('keeps names whole in text, never inside a tag', () => {
		expect(keepNamesWhole('<a href="#FIN-WAIT-1">FIN-WAIT-1 then TIME_WAIT</a>')).toBe('<a href="#FIN-WAIT-1"><span class="term">FIN-WAIT-1</span> then <span class="term">TIME_WAIT</span></a>');
		expect(keepNamesWhole('ESTABLISHED and ss -tan')).toBe('ESTABLISHED and ss -tan');
	});

	it('stacks a table of four columns, labelling each cell with its column', () => {
		const html = render('| step | state | `ss` shows | what |\n|---|---|---|---|\n| 1 | CLOSED | UNCONN | nothing yet |\n');
		expect(html).toContain('class="table-box stacked"');
		expect(html).toContain('<td role="cell" data-label="ss shows">UNCONN</td>');
		expect(html).not.toContain('tabindex');
	});

	it('lets a narrower table scroll in a focusable box named in the reader’s language', () => {
		expect(render('| st | state |\n|---|---|\n| 01 | ESTABLISHED |\n', 'zh')).toContain('<div class="table-box" tabindex="0" role="region" aria-label="表格：st、state">');
		expect(render('| st | state |\n|---|---|\n| 01 | ESTABLISHED |\n')).toContain('aria-label="Table: st, state"');
	});
});
