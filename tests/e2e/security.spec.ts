import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { controlledByWorker, waitForProgress } from './util';

/**
 * Every prerendered page, read from the build, so pages added later (stats, classroom) are
 * covered without editing this list: build/index.html is "/", build/topics/x.html is "/topics/x".
 */
function builtPages(dir = 'build'): string[] {
	const pages: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const path = join(d, entry.name);
			if (entry.isDirectory()) walk(path);
			// 404.html is the app shell static hosts serve for unknown addresses, not a page of its own.
			else if (entry.name.endsWith('.html') && path !== join(dir, '404.html')) pages.push('/' + relative(dir, path).replace(/\.html$/, '').replace(/(^|\/)index$/, ''));
		}
	};
	walk(dir);
	return pages.map((p) => (p.length > 1 ? p.replace(/\/$/, '') : p)).sort();
}

const BUILT = builtPages();
/**
 * Every page is built twice, in Chinese and under /en in English, from the same route and the same
 * <head>: every Chinese page is walked, and a sample of English ones (CI time is tight).
 */
const ENGLISH_SAMPLE = ['/en', '/en/quiz', '/en/topics/handshake'];
const PAGES = BUILT.filter((p) => !p.startsWith('/en') || ENGLISH_SAMPLE.includes(p));

interface Watch {
	/** Requests to anything but this origin (data: and blob: stay on the device). */
	foreign: string[];
	/** CSP violations reported by the page or in the console. */
	violations(): Promise<string[]>;
}

/** Record every request the page, its frames and its service worker make, and every CSP violation. */
async function watch(page: Page, origin: string): Promise<Watch> {
	const foreign: string[] = [];
	const consoleViolations: string[] = [];
	page.context().on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(request.url());
	});
	page.on('console', (message) => {
		if (/content.security.policy/i.test(message.text())) consoleViolations.push(message.text());
	});
	// Runs before any page script, outside the page's CSP.
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
	});
	return {
		foreign,
		violations: async () => [...consoleViolations, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))]
	};
}

/** The policy as a map from directive to its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) map.set(name.toLowerCase(), sources);
	}
	return map;
}

/** A source that names no other origin: a keyword, a hash, or a local scheme. */
const LOCAL_SOURCE = /^('self'|'none'|'unsafe-inline'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|data:|blob:)$/;

test('the page list comes from the build and holds every main page', () => {
	for (const page of ['/', '/study', '/quiz', '/cards', '/settings', '/challenge', '/fsm', '/simulate', '/capture']) expect(PAGES).toContain(page);
	expect(PAGES.some((p) => p.startsWith('/topics/'))).toBe(true);
	// Each page in both languages.
	const chinese = BUILT.filter((p) => !p.startsWith('/en'));
	expect(BUILT.filter((p) => p.startsWith('/en')).sort()).toEqual(chinese.map((p) => (p === '/' ? '/en' : `/en${p}`)).sort());
	for (const page of ENGLISH_SAMPLE) expect(BUILT).toContain(page);
});

/** The policy in the served file and in the page, then no foreign request and no violation once the page is idle. */
async function expectStrictPolicy(page: Page, path: string, seen: Watch) {
	// The policy is in the served file, ahead of every resource it governs.
	const html = await (await page.request.get(path)).text();
	const meta = html.indexOf('http-equiv="content-security-policy"');
	expect(meta, `${path}: CSP <meta> present`).toBeGreaterThan(0);
	for (const tag of ['<link', '<script', '<style']) {
		const at = html.indexOf(tag);
		if (at >= 0) expect(at, `${path}: ${tag} comes after the CSP <meta>`).toBeGreaterThan(meta);
	}

	await page.goto(path);
	await waitForProgress(page);
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	const directives = parsePolicy(policy ?? '');
	const scripts = directives.get('script-src') ?? [];
	expect(scripts).toContain("'self'");
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts).not.toContain("'unsafe-eval'");
	expect(directives.get('default-src')).toEqual(["'self'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);
	for (const [name, sources] of directives) {
		for (const source of sources) expect(source, `${path}: ${name} names no other origin`).toMatch(LOCAL_SOURCE);
		if (name !== 'style-src') expect(sources, `${path}: ${name} allows no inline code`).not.toContain("'unsafe-inline'");
	}

	// Let lazy work (service worker install, bank load, images) finish before judging.
	await page.waitForLoadState('networkidle');
	expect(seen.foreign, path).toEqual([]);
	expect(await seen.violations(), path).toEqual([]);
}

// Pages are walked in a few groups, one browser context each: a context per page cost more than
// the checks (about 5 s each, 25+ pages per language) for nothing a fresh context would catch.
const GROUPS = 4;
for (let group = 0; group < GROUPS; group++) {
	const paths = PAGES.filter((_, i) => i % GROUPS === group);
	test(`pages ${group + 1}/${GROUPS}: a strict CSP, no request to another origin, no violation (${paths.join(' ')})`, async ({ page, baseURL }) => {
		test.setTimeout(30_000 + paths.length * 10_000);
		const seen = await watch(page, new URL(baseURL!).origin);
		for (const path of paths) await expectStrictPolicy(page, path, seen);
	});
}

test('the service worker installs and serves pages under the policy', async ({ page, baseURL }) => {
	const seen = await watch(page, new URL(baseURL!).origin);
	await page.goto('/');
	await waitForProgress(page);
	await controlledByWorker(page);
	// A page from the cache still carries its policy and still boots.
	await page.goto('/quiz');
	await waitForProgress(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
	await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
	expect(seen.foreign).toEqual([]);
	expect(await seen.violations()).toEqual([]);
});

/** Markup that would show itself (data-pwned) or run (window.__pwned) if any of it became HTML. */
const PAYLOADS = [
	'<img data-pwned src=x onerror="window.__pwned=1">',
	'<script data-pwned>window.__pwned=1</script>',
	'"><svg data-pwned onload="window.__pwned=1"></svg>',
	'<a data-pwned href="javascript:window.__pwned=1">x</a>',
	'{@html "<b data-pwned>"}'
];
const P = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

async function expectNothingRan(page: Page, where: string) {
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), `${where}: no payload ran`).toBeUndefined();
	await expect(page.locator('[data-pwned]'), `${where}: no payload became an element`).toHaveCount(0);
}

const importFile = (page: Page, name: string, body: string) =>
	page.getByLabel('导入进度').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

test('HTML and script in an imported file are shown as text, never run', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	const seen = await watch(page, new URL(baseURL!).origin);
	await page.goto('/settings');
	await waitForProgress(page);
	const alert = page.getByRole('alert');

	// Refused files: the messages quote the file's own text (a JSON error, an unknown field, an id).
	await importFile(page, 'a.json', P(0) + '{');
	await expect(alert).toContainText('无法导入：文件不是有效的 JSON');
	await expectNothingRan(page, 'bad JSON');
	await importFile(page, 'b.json', JSON.stringify({ format: 'tcp-quest-backup', version: 1, exportedAt: 0, reviews: [{ [P(0)]: 1 }] }));
	// Quoted values are cut to 40 characters (quoted() in core/log/review.ts).
	await expect(alert).toContainText(`有未知字段“${P(0).slice(0, 40)}…”`);
	await expectNothingRan(page, 'unknown field');
	const dup = { id: P(1), itemId: 'card:x', kind: 'flashcard', rating: 3, durationMs: 1, at: 1, appVersion: 'x' };
	await importFile(page, 'c.json', JSON.stringify({ format: 'tcp-quest-backup', version: 1, exportedAt: 0, reviews: [dup, dup] }));
	await expect(alert).toContainText(`id “${P(1).slice(0, 40)}…”重复`);
	await expectNothingRan(page, 'duplicate id');
	await importFile(page, 'd.json', JSON.stringify({ format: P(2) }));
	await expect(alert).toContainText('文件不是 TCP Quest 备份');
	await expectNothingRan(page, 'wrong format');

	// An accepted file whose every free-text field is markup, on real and unknown items.
	const bank = (await (await page.request.get('/data/bank.json')).json()) as { questions: { kind: string; family: string; id: string }[] };
	const card = bank.questions.find((q) => q.kind === 'flashcard')!;
	const quiz = bank.questions.find((q) => q.kind !== 'flashcard')!;
	const now = Date.now();
	const reviews = [
		{ id: P(0), itemId: card.family, kind: 'flashcard', rating: 1, durationMs: 1000, at: now - 86_400_000, appVersion: P(1), session: P(2) },
		{ id: P(1), itemId: quiz.family, questionId: P(3), kind: 'quiz', answer: [P(0), P(4)], correct: false, durationMs: 900, at: now - 3_600_000, appVersion: P(2), session: `quiz:${P(0)}` },
		{ id: P(2), itemId: P(0), kind: 'challenge', questionId: P(1), answer: [P(2)], correct: true, durationMs: 800, at: now - 60_000, appVersion: P(3), session: `challenge:mixed:${P(1)}` },
		{ id: P(3), itemId: P(4), kind: 'predict', correct: true, durationMs: 700, at: now - 30_000, appVersion: P(4) },
		{ id: P(4), itemId: P(3), kind: 'undo', undoes: P(3), durationMs: 0, at: now - 20_000, appVersion: P(0) }
	];
	const settings = { lang: P(0), theme: P(1), goal: P(2), zones: [{ since: 0, timeZone: P(3) }], goalHistory: [{ since: P(4), setting: P(0) }] };
	await importFile(page, `${P(0)}.json`, JSON.stringify({ format: 'tcp-quest-backup', version: 1, exportedAt: now, reviews, settings }));
	await expect(alert).toContainText('新增 5 条记录');
	await expectNothingRan(page, 'import report');

	// Wherever the app may show reviews, sessions or settings, the markup stays text. Topic pages
	// show none of them, and an English page shows the same fields as its Chinese twin.
	for (const path of PAGES.filter((p) => !p.includes('/topics/') && !/^\/en(\/|$)/.test(p))) {
		await page.goto(path);
		await waitForProgress(page);
		await expectNothingRan(page, path);
	}
	expect(seen.foreign).toEqual([]);
	expect(await seen.violations()).toEqual([]);
});
