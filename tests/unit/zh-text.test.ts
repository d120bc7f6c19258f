import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/lib/server/content';
import { generateBank, type Question } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';

/**
 * Chinese typography for every zh string the app shows: full-width ？：；，（）“” in Chinese
 * sentences, and a space between a number and its unit ("60 秒", not "60秒").
 *
 * Exceptions, removed before checking: `code spans`, URLs, calls such as connect() or
 * shutdown(SHUT_WR) (they are code even without backticks), and text that is not a Chinese
 * sentence at all — an `ss` listing line, "seq=100 ack=1", a sysctl "name = value" — since none
 * of those touch a CJK character once the code is gone.
 */
const CJK = '[\\u4e00-\\u9fff]';
const HALF_WIDTH_BESIDE_CJK = new RegExp(`${CJK}\\s*[?:;,()"]|[?:;,()"]\\s*${CJK}`);
const NUMBER_GLUED_TO_UNIT = /\d(?:毫秒|秒|分钟|分|小时|天|周|个月|年|次|道|张|条|组|个|名)/;

const readable = (s: string) =>
	s
		.replace(/`[^`]*`/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/[a-z_]\w*\([\w, ]*\)/gi, ' ');

/** Every problem in one zh string, as "where: what: text". */
function problems(where: string, zh: string): string[] {
	const s = readable(zh);
	const found: string[] = [];
	const half = HALF_WIDTH_BESIDE_CJK.exec(s);
	if (half) found.push(`${where}: half-width "${half[0]}": ${zh}`);
	const glued = NUMBER_GLUED_TO_UNIT.exec(s);
	if (glued) found.push(`${where}: no space in "${glued[0]}": ${zh}`);
	return found;
}

const isText = (v: unknown): v is { zh: string; en: string } =>
	typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string' && typeof (v as { en?: unknown }).en === 'string';

/** Sample arguments for string builders: counts, a share, a name. */
const SAMPLES: unknown[][] = [[1], [3], [60], [240], [3, 10], [45, 60, 1], ['x'], ['x', 'y']];

/** The zh side of every Text in a module, including what its functions build from sample arguments. */
function zhStrings(value: unknown, path: string, out: [string, string][] = [], depth = 0): [string, string][] {
	if (depth > 4) return out;
	if (isText(value)) out.push([path, value.zh]);
	else if (typeof value === 'function') {
		for (const args of SAMPLES) {
			try {
				zhStrings((value as (...a: unknown[]) => unknown)(...args), `${path}(${args.join(', ')})`, out, depth + 1);
			} catch {
				// A builder that needs another kind of argument: its literal parts are still checked below.
			}
		}
	} else if (typeof value === 'object' && value !== null)
		for (const [k, v] of Object.entries(value)) zhStrings(v, `${path}.${k}`, out, depth + 1);
	return out;
}

const modules = import.meta.glob(['../../src/lib/components/**/*-ui.ts', '../../src/lib/components/ui.ts', '../../src/lib/core/text.ts', '../../src/lib/core/fsm/labels.ts'], { eager: true });
const sources = import.meta.glob(['../../src/lib/components/**/*-ui.ts', '../../src/lib/components/ui.ts', '../../src/lib/core/text.ts', '../../src/lib/core/fsm/labels.ts'], { eager: true, query: '?raw', import: 'default' });

describe('Chinese strings of the interface', () => {
	it('reach every strings module', () => {
		expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10);
	});

	it('use full-width punctuation beside Chinese and a space before units', () => {
		const found = Object.entries(modules).flatMap(([file, mod]) =>
			zhStrings(mod, file.replace(/^.*\//, '')).flatMap(([where, zh]) => problems(where, zh))
		);
		expect([...new Set(found)]).toEqual([]);
	});

	it('have no half-width punctuation in the zh literals of text() calls', () => {
		// Catches strings behind builders the sample arguments do not reach.
		const found = Object.entries(sources).flatMap(([file, src]) =>
			[...(src as string).matchAll(/text\(\s*(['`])((?:(?!\1).)*)\1/g)].flatMap((m) => problems(file.replace(/^.*\//, ''), m[2]!.replace(/\$\{[^}]*\}/g, 'x')))
		);
		expect(found).toEqual([]);
	});
});

describe('Svelte templates', () => {
	const templates = import.meta.glob('../../src/**/*.svelte', { eager: true, query: '?raw', import: 'default' });

	it('do not put half-width punctuation after a translated string (use COLON from core/text)', () => {
		expect(Object.keys(templates).length).toBeGreaterThan(20);
		const found = Object.entries(templates).flatMap(([file, src]) =>
			(src as string)
				.split('\n')
				.flatMap((line, i) => (/\{t\([^{}]*\)\}\s*[:?;]/.test(line) ? [`${file.replace(/^.*src\//, '')}:${i + 1}: ${line.trim()}`] : []))
		);
		expect(found).toEqual([]);
	});
});

describe('Chinese text of the question bank and the topic pages', () => {
	let deck: Deck;
	let bank: Question[];
	beforeAll(() => {
		deck = loadDeck();
		bank = generateBank(deck);
	});

	it('topic pages use full-width punctuation beside Chinese and a space before units', () => {
		// Listings (<pre>), code and source links (their labels are the sources' own English titles) are exempt.
		const words = (html: string) =>
			html
				.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<a [\s\S]*?<\/a>/g, ' ')
				.replace(/<[^>]+>/g, '')
				.replace(/&quot;/g, '"')
				.replace(/&#39;/g, "'")
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&amp;/g, '&');
		const found = deck.topics.flatMap((t) =>
			[t.intro, ...t.cards.flatMap((c) => [c.title, c.html, c.front, c.back])].flatMap((x) =>
				words(x.zh)
					.split('\n')
					.flatMap((line) => problems(t.id, line))
			)
		);
		expect(found).toEqual([]);
	});

	it('uses full-width punctuation beside Chinese and a space before units', () => {
		const found = bank.flatMap((q) => [
			...problems(`${q.id} prompt`, q.prompt.zh),
			...problems(`${q.id} explanation`, q.explanation.zh),
			...q.options.flatMap((o) => problems(`${q.id} option ${o.id}`, o.label.zh))
		]);
		expect([...new Set(found)]).toEqual([]);
	});
});
