import type { ContentError } from '../../features/content/types';

/**
 * One Chinese glossary for the topic pages (content/zh) and the interface strings (src/lib) alike:
 * a reader must never meet two words for one thing. Each term says what to write (`use`) and which
 * spellings it replaces (`instead`). Checked by `npm run content:check`; see content/README.md.
 */
export interface GlossaryTerm {
	use: string;
	instead: RegExp;
}

const NUMBER_UNIT = /\d+(?:\.\d+)?(?:毫秒|微秒|秒|分钟|分|小时|天|周|个月|年|次|倍|字节|位|个|项|条|张|道|组|名)/g;

export const GLOSSARY: readonly GlossaryTerm[] = [
	// Both are common; 套接字 is the word of Chinese textbooks and of the question bank.
	{ use: '套接字', instead: /(?<![\w.:/-])socket(?![\w.(-])/gi },
	{ use: '“”', instead: /[「」『』"]/g },
	// The interface calls a page of cards a 主题; the pages must not call it something else.
	{ use: '主题 (本主题)', instead: /专题|本章|本节|章节|[一这那]章/g },
	{ use: 'SYN Flood', instead: /SYN[\s-]*(?:flood(?!ing)|洪泛|泛洪|洪水)/gi },
	// TCP keepalive keeps its kernel name (tcp_keepalive_*, SO_KEEPALIVE); HTTP keep-alive is another thing.
	{ use: 'keepalive', instead: /保活/g },
	{ use: 'a space between number and unit ("63 秒")', instead: NUMBER_UNIT }
];

/** Matches wherever any term's `instead` might (case folded for all): most lines skip the scans per term. */
const ANY_TERM = new RegExp(GLOSSARY.map((t) => t.instead.source).join('|'), 'i');

/** Chinese characters and full-width punctuation: text with none is not a Chinese sentence. */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Glossary problems in one piece of Chinese text (code already removed), as `"found": write X`. */
export function glossaryProblems(text: string): string[] {
	if (!CJK.test(text) || !ANY_TERM.test(text)) return [];
	const found: { at: number; message: string }[] = [];
	for (const term of GLOSSARY)
		for (const hit of text.matchAll(term.instead))
			if (hit[0] !== term.use) found.push({ at: hit.index, message: `${JSON.stringify(hit[0])}: write ${term.use}` });
	// A pair of straight quotes is one problem, not two.
	return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.message))];
}

/** What a reader sees of a Markdown line: code spans, claims ({{...}}) and links' targets removed. */
const prose = (line: string) =>
	line
		.replace(/`[^`]*`/g, ' ')
		.replace(/\{\{[^}]*\}\}/g, ' ')
		.replace(/\{#[a-z0-9-]+\}/g, ' ')
		.replace(/\]\([^)]*\)/g, '] ')
		.replace(/https?:\/\/\S+/g, ' ');

/**
 * Problems in one Chinese content file. Fenced blocks (listings) and the `notes-said:` field (a quote
 * of what study notes wrote, labelled as such on the page) are left as they are.
 */
export function checkChineseMarkdown(file: string, text: string): ContentError[] {
	const errors: ContentError[] = [];
	let inFence = false;
	text.split(/\r?\n/).forEach((line, i) => {
		if (/^\s*(```|~~~)/.test(line)) {
			inFence = !inFence;
			return;
		}
		if (inFence || line.startsWith('notes-said:')) return;
		for (const message of glossaryProblems(prose(line))) errors.push({ file, line: i + 1, message });
	});
	return errors;
}

/** The string literals on one line of TypeScript, `${...}` replaced by x; a comment ends the line. */
function literals(line: string): string[] {
	const trimmed = line.trim();
	if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//')) return [];
	const found: string[] = [];
	for (let i = 0; i < line.length; i++) {
		const quote = line[i]!;
		if (quote === '/' && line[i + 1] === '/') break;
		if (quote !== "'" && quote !== '"' && quote !== '`') continue;
		let body = '';
		let j = i + 1;
		for (; j < line.length && line[j] !== quote; j++) {
			if (line[j] === '\\') j++;
			body += line[j] ?? '';
		}
		found.push(body.replace(/\$\{[^}]*\}/g, 'x'));
		i = j;
	}
	return found;
}

/** Problems in the Chinese string literals of one interface source file. */
export function checkChineseSource(file: string, source: string): ContentError[] {
	const errors: ContentError[] = [];
	source.split(/\r?\n/).forEach((line, i) => {
		for (const literal of literals(line))
			for (const message of glossaryProblems(literal.replace(/`[^`]*`/g, ' '))) errors.push({ file, line: i + 1, message });
	});
	return errors;
}
