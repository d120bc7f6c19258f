/**
 * Lighthouse (mobile profile) against every main page of the built app, served by vite preview on
 * a private port. Prints performance / accessibility / best practices / SEO per page and what fell
 * short; writes each JSON report to lighthouse-reports/. Exits 1 when a page misses the targets.
 *
 *   npm run lighthouse                 build if the sources are newer than build/, then measure
 *   npm run lighthouse -- /quiz /fsm   only these pages
 *   LH_PORT=4320 LH_LANG=zh-CN CHROME_PATH=… npm run lighthouse
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from './browser/find';
import { localChromiumPath } from './browser/local';

const PORT = Number(process.env.LH_PORT ?? 4319);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = 'lighthouse-reports';
const CHROME = process.env.CHROME_PATH ?? localChromiumPath;
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
// The browser's language decides whether the app swaps its prerendered Chinese for English after
// load (LH_LANG=zh-CN measures a Chinese reader; the default, en-US, includes the swap).
// Headless Chromium takes navigator.language from --accept-lang; --lang alone leaves it en-US.
if (process.env.LH_LANG) FLAGS.push(`--lang=${process.env.LH_LANG}`, `--accept-lang=${process.env.LH_LANG}`);
/** Issue 7's targets; SEO is reported but not required. */
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Newest modification time under a path, in ms. */
function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildIfNeeded() {
	const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
	const sources = Math.max(...['src', 'static', 'content', 'svelte.config.js', 'vite.config.ts', 'package.json'].map(newest));
	if (built > sources) return;
	console.log('Building (sources are newer than build/)…');
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

/** Every top-level page in the build, and one topic page: the topics share one template. */
function pages(): string[] {
	const top = readdirSync('build')
		// 404.html: the app shell for unknown addresses (svelte.config.js), not a page.
		.filter((f) => f.endsWith('.html') && f !== '404.html')
		.map((f) => (f === 'index.html' ? '/' : `/${f.replace(/\.html$/, '')}`));
	const nested = readdirSync('build', { withFileTypes: true })
		.filter((d) => d.isDirectory() && !d.name.startsWith('_'))
		.flatMap((d) => {
			const first = readdirSync(join('build', d.name)).find((f) => f.endsWith('.html'));
			return first ? [`/${relative('build', join('build', d.name, first)).replace(/\.html$/, '')}`] : [];
		});
	return [...top.sort(), ...nested.sort()];
}

async function serve(): Promise<() => void> {
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

interface Row {
	page: string;
	scores: Record<(typeof CATEGORIES)[number], number>;
	/** Audits that lost points, as "category: id (title)". */
	misses: string[];
}

async function measure(port: number, path: string): Promise<Row> {
	const result = await lighthouse(`${ORIGIN}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
	if (!result) throw new Error(`no result for ${path}`);
	const { lhr, report } = result;
	writeFileSync(join(OUT, `${path === '/' ? 'home' : path.slice(1).replace(/\//g, '_')}.json`), Array.isArray(report) ? report[0]! : report);
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
	return { page: path, scores, misses };
}

async function main() {
	buildIfNeeded();
	const only = process.argv.slice(2).filter((a) => a.startsWith('/'));
	const list = only.length > 0 ? only : pages();
	mkdirSync(OUT, { recursive: true });
	const stopServer = await serve();
	const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
	const rows: Row[] = [];
	try {
		for (const path of list) {
			process.stdout.write(`${path} … `);
			const row = await measure(chrome.port, path);
			rows.push(row);
			console.log(CATEGORIES.map((c) => row.scores[c]).join(' / '));
		}
	} finally {
		await chrome.kill();
		stopServer();
	}

	const width = Math.max(6, ...rows.map((r) => r.page.length));
	const cell = (s: string | number) => String(s).padStart(14);
	console.log(`\n${'page'.padEnd(width)}${CATEGORIES.map(cell).join('')}`);
	let failed = false;
	for (const r of rows) {
		const short = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).filter((c) => r.scores[c] < TARGETS[c]);
		failed ||= short.length > 0;
		console.log(`${r.page.padEnd(width)}${CATEGORIES.map((c) => cell(r.scores[c] + (short.includes(c as keyof typeof TARGETS) ? ' ✗' : ''))).join('')}`);
	}
	for (const r of rows.filter((r) => r.misses.length > 0)) console.log(`\n${r.page}\n  ${r.misses.join('\n  ')}`);
	console.log(`\nTargets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS['best-practices']}. Reports: ${OUT}/`);
	if (failed) process.exitCode = 1;
}

await main();
