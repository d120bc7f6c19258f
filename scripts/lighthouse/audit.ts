/**
 * Lighthouse (mobile profile) against pages of the built app, served by vite preview on a private
 * port (gzip, as any host serves it). Used by `npm run lighthouse` and by the bench's paint figures.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../browser/find';
import { localChromiumPath } from '../browser/local';

const PORT = Number(process.env.LH_PORT ?? 4319);
const ORIGIN = `http://127.0.0.1:${PORT}`;
export const OUT = 'lighthouse-reports';
const CHROME = process.env.CHROME_PATH ?? localChromiumPath;
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Newest modification time under a path, in ms. */
function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function buildIfNeeded() {
	const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
	const sources = Math.max(...['src', 'static', 'content', 'svelte.config.js', 'vite.config.ts', 'package.json'].map(newest));
	if (built > sources) return;
	console.log('Building (sources are newer than build/)…');
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

/**
 * Every top-level page in the build, and one page of each folder (the topics share one template).
 * Not the English copies under /en: every page is measured for an English reader, whom its
 * address sends there.
 */
export function pages(): string[] {
	const top = readdirSync('build')
		// 404.html: the app shell for unknown addresses (svelte.config.js), not a page.
		.filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'en.html')
		.map((f) => (f === 'index.html' ? '/' : `/${f.replace(/\.html$/, '')}`));
	const nested = readdirSync('build', { withFileTypes: true })
		.filter((d) => d.isDirectory() && !d.name.startsWith('_') && d.name !== 'en')
		.flatMap((d) => {
			const first = readdirSync(join('build', d.name)).find((f) => f.endsWith('.html'));
			return first ? [`/${relative('build', join('build', d.name, first)).replace(/\.html$/, '')}`] : [];
		});
	return [...top.sort(), ...nested.sort()];
}

async function serve(): Promise<() => void> {
	// A server left on the port (an interrupted run) would answer for ours, serving an older build whose
	// scripts 404: pages then score 100 with no JavaScript at all.
	if (await fetch(ORIGIN).then(() => true, () => false)) throw new Error(`Something already answers on ${ORIGIN} (a server left by an interrupted run?): stop it, or pick another port with LH_PORT=n`);
	const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
	const stop = () => {
		// The whole group: npx starts vite as a child.
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	};
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(ORIGIN)).ok) return stop;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	stop();
	throw new Error(`vite preview did not answer on ${ORIGIN}`);
}

export interface Row {
	page: string;
	scores: Record<(typeof CATEGORIES)[number], number>;
	/** Largest contentful paint, ms (simulated mobile). */
	lcp: number;
	/** Audits that lost points, as "category: id (title)". */
	misses: string[];
}

async function measure(port: number, path: string, lang: string): Promise<Row> {
	const result = await lighthouse(`${ORIGIN}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
	if (!result) throw new Error(`no result for ${path}`);
	const { lhr, report } = result;
	writeFileSync(join(OUT, `${path === '/' ? 'home' : path.slice(1).replace(/\//g, '_')}.${lang}.json`), Array.isArray(report) ? report[0]! : report);
	const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Row['scores'];
	const misses: string[] = [];
	for (const c of CATEGORIES) {
		for (const ref of lhr.categories[c]?.auditRefs ?? []) {
			const audit = lhr.audits[ref.id];
			if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
			misses.push(`${c}: ${ref.id} — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
		}
	}
	if (lhr.runtimeError) misses.push(`runtime error: ${lhr.runtimeError.message}`);
	return { page: path, scores, lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN, misses };
}

/**
 * Whether this machine has a Chinese font. A phone always has one; without one, Chromium searches
 * every font for each Chinese glyph (a Chinese page's layout took 83-99 ms instead of 31 ms here),
 * which Lighthouse multiplies by four into blocking time: /quiz scored 89-91 without and 97-100 with
 * Noto CJK. A fresh browser reading that large font has its own cost: /cards, 50 cards of Chinese
 * text at once, scored 80-97 with it from run to run (91-100 once it fetched only the slices of the
 * cards on screen).
 */
function hasChineseFont(): boolean {
	try {
		return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
	} catch {
		return true; // no fontconfig to ask: not Linux, whose fonts we cannot judge
	}
}

/**
 * Audit each path as a reader of `lang` ('zh-CN' or 'en-US'): headless Chromium takes
 * navigator.language from --accept-lang (--lang alone leaves it en-US).
 */
export async function auditPages(paths: string[], lang: string, onRow: (row: Row) => void = () => {}): Promise<Row[]> {
	mkdirSync(OUT, { recursive: true });
	if (lang.startsWith('zh') && !hasChineseFont()) console.warn('No Chinese font on this machine, unlike any phone: Chinese pages are measured with Chromium searching for glyphs (apt-get install fonts-noto-cjk).');
	const stopServer = await serve();
	const flags = ['--headless=new', ...CHROMIUM_ARGS, `--lang=${lang}`, `--accept-lang=${lang}`];
	const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: flags });
	const rows: Row[] = [];
	try {
		for (const path of paths) {
			const row = await measure(chrome.port, path, lang);
			rows.push(row);
			onRow(row);
		}
	} finally {
		await chrome.kill();
		stopServer();
	}
	return rows;
}
