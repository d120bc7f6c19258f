import type { Renderer, RendererObject, Tokens } from 'marked';
import type { Lang } from '../../core/text';

/**
 * How a Markdown table reads on a phone. A table of four or more columns (step, state, what `ss`
 * shows, what happened) becomes stacked rows on a narrow screen, each cell labelled with its
 * column; a narrower one keeps its grid and scrolls sideways inside its own focusable box with the
 * first column pinned. Names in cells, as everywhere in content, never break inside (see
 * keepNamesWhole, applied to the whole rendered Markdown).
 */

/** Upper-case names joined by hyphens or underscores: SYN-SENT, FIN_WAIT1, SYN-ACK. */
const NAME = /\b[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+\b/g;

/** Columns from which a table stacks its rows on a phone instead of scrolling. */
export const STACK_FROM_COLUMNS = 4;

const TABLE_LABEL: Record<Lang, (headers: string[]) => string> = {
	zh: (headers) => `表格：${headers.join('、')}`,
	en: (headers) => `Table: ${headers.join(', ')}`
};

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').trim();

/** Wraps each name in the text between tags (never inside a tag) in a span that does not wrap (app.css `.term`). */
export function keepNamesWhole(html: string): string {
	// One pass: a tag is matched first and kept as it is, so a name inside a tag is never wrapped.
	return html.replace(TAG_OR_NAME, (found, tag: string | undefined) => (tag ? found : `<span class="term">${found}</span>`));
}
const TAG_OR_NAME = new RegExp(`(<[^>]*>)|${NAME.source}`, 'g');

/** A marked renderer for tables in one language (the language names the scrolling box). */
export function tableRenderer(lang: Lang): RendererObject {
	return {
		table(this: Renderer, token: Tokens.Table) {
			const inline = (cell: Tokens.TableCell) => this.parser.parseInline(cell.tokens);
			const headers = token.header.map(inline);
			const stacked = token.header.length >= STACK_FROM_COLUMNS;
			// Stacked rows are no longer laid out as a table, so the roles keep it one for screen readers.
			const role = (name: string) => (stacked ? ` role="${name}"` : '');
			const align = (cell: Tokens.TableCell) => (cell.align ? ` align="${cell.align}"` : '');
			const head = headers.map((h, i) => `<th${role('columnheader')}${align(token.header[i]!)}>${h}</th>`).join('');
			const rows = token.rows
				.map((row) => {
					const cells = row.map((cell, i) => {
						const label = stacked ? ` data-label="${escapeAttribute(textOf(headers[i] ?? ''))}"` : '';
						return `<td${role('cell')}${label}${align(cell)}>${inline(cell)}</td>`;
					});
					return `<tr${role('row')}>${cells.join('')}</tr>`;
				})
				.join('\n');
			// Only a box that can scroll needs a tab stop (to scroll it by keyboard) and a name.
			const box = stacked ? 'class="table-box stacked"' : `class="table-box" tabindex="0" role="region" aria-label="${escapeAttribute(TABLE_LABEL[lang](headers.map(textOf)))}"`;
			return (
				`<div ${box}>` +
				`<table${role('table')}><thead${role('rowgroup')}><tr${role('row')}>${head}</tr></thead>\n<tbody${role('rowgroup')}>${rows}</tbody></table></div>\n`
			);
		}
	};
}
