/**
 * The app in Chromium with five years of daily study: 200,000 reviews seeded into IndexedDB, then
 * cold open to a usable home page (beside an empty SvelteKit page's, the floor), the due queue, the
 * statistics page, export and import, each timed in the page, with the longest main-thread task
 * seen (a frozen UI shows up there).
 * Serves the built app (`build/`, built first if missing) on a free port of its own, or on
 * BENCH_PORT. Prints each figure next to its budget (issue 13) as ok/OVER and returns whether any is over.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { localChromium } from '../browser/local';
import { buildEmptyKit, KIT_HYDRATED } from './empty-kit';
import { familiesOf, fiveYearsOfStudy } from './five-years';
import { bareOpen } from './bare';
import { serve } from './serve';
import { OPENING, type OpeningStep } from '../../src/lib/app/opening-marks';

const REVIEWS = 200_000;
const YEARS = 5;

/** Collects long tasks (main thread blocked > 50 ms) from the start of every document. */
const watchLongTasks = () => {
	const w = window as unknown as { longTasks: number[] };
	w.longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.longTasks.push(e.duration);
	}).observe({ type: 'longtask', buffered: true });
};

export async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(profile, {
		...localChromium,
		viewport: { width: 360, height: 740 },
		locale: 'zh-CN',
		acceptDownloads: true
	});
	// tsx keeps function names with an `__name` helper that page.evaluate'd code cannot see.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	await context.addInitScript(watchLongTasks);
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

/** The longest main-thread task since `since` (ms) in this document, or 0. */
const longest = (page: Page) => page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
const resetLong = (page: Page) => page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = []));

/** Five years of daily study over the bank's items (five-years.ts), written into the page's IndexedDB. */
async function seed(page: Page, total: number, years: number): Promise<number> {
	const bank = (await page.evaluate(async () => (await fetch('/data/bank.json')).json())) as { questions: { family: string }[] };
	const { cards, quiz } = familiesOf(bank.questions);
	const log = fiveYearsOfStudy(cards, quiz, total, years, Date.now());
	// Written as the app keeps the log (schema v4): pages of 1,000 reviews, every page but the last
	// full; handed over 20 pages at a time.
	const PAGE = 1000;
	const SLICE = 20 * PAGE;
	for (let from = 0; from < log.length; from += SLICE) {
		await page.evaluate(
			async ({ reviews, first }) => {
				const db = await new Promise<IDBDatabase>((res, rej) => {
					const o = indexedDB.open('tcp-quest');
					o.onsuccess = () => res(o.result);
					o.onerror = () => rej(o.error);
				});
				await new Promise<void>((res, rej) => {
					const tx = db.transaction('log', 'readwrite');
					for (let i = 0; i < reviews.length; i += 1000) {
						const batch = reviews.slice(i, i + 1000);
						tx.objectStore('log').put({ n: first + i / 1000, maxAt: Math.max(...batch.map((x) => x.at)), reviews: batch });
					}
					tx.oncomplete = () => res();
					tx.onerror = () => rej(tx.error);
				});
				db.close();
			},
			{ reviews: log.slice(from, from + SLICE), first: from / PAGE }
		);
	}
	return log.length;
}

/**
 * The page's own clock (ms from navigation start) at the first frame where `selector` matches,
 * checked before every frame: a round trip to this process (tens of ms on a busy machine) is not counted.
 */
export const seenAt = async (page: Page, selector: string) =>
	(await page.waitForFunction((s) => document.querySelector(s) && performance.now(), selector, { timeout: 120_000, polling: 'raf' })).jsonValue() as Promise<number>;

/** A cold open of home: when it was usable (due counts shown) and complete (XP, streak, quests shown), and each step's mark. */
export interface Opening {
	usable: number;
	complete: number;
	steps: Record<OpeningStep, number>;
	/** The longest main-thread task, where a tool was attached to see it (NaN in a bare open). */
	long: number;
}

const stepsOf = (marks: Record<string, number>) => Object.fromEntries(Object.values(OPENING).map((n) => [n, marks[n] ?? NaN])) as Record<OpeningStep, number>;

/** Load home in a Playwright page and time (from navigation start) until it is usable, watched frame by frame. */
export async function openHome(page: Page, url: string): Promise<Opening & { full: number }> {
	await page.goto(url, { waitUntil: 'commit' });
	const [usable, complete, full] = await Promise.all([
		seenAt(page, 'html[data-ready="true"] [data-testid="due-count"]'),
		// Complete: XP, streak and quests shown (the game panel renders once the summary is known).
		seenAt(page, '[data-testid="game-panel"] [data-testid="xp"]'),
		seenAt(page, 'html[data-log="loaded"]')
	]);
	const marks = (await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])))) as Record<string, number>;
	return { usable, complete, full, steps: stepsOf(marks), long: await longest(page) };
}

/** Home's cold open in a browser nothing was attached to while it loaded (bare.ts), timed by the page's own marks. */
export async function openHomeBare(profile: string, url: string): Promise<Opening> {
	const marks = await bareOpen(profile, url, OPENING.game);
	return { usable: marks[OPENING.shown] ?? NaN, complete: marks[OPENING.game] ?? NaN, steps: stepsOf(marks), long: NaN };
}

/** Where cold opens' time went, step by step: each step's median over `opens`, in order. */
export function openingSteps(opens: Opening[]): [step: string, ms: number][] {
	const { started, asked, loaded, read } = OPENING;
	const steps: [string, (o: Opening) => number][] = [
		['page code run (the layout module)', (o) => o.steps[started]],
		['then: progress asked for (a learner)', (o) => o.steps[asked] - o.steps[started]],
		['then: app layer loaded and run', (o) => o.steps[loaded] - o.steps[asked]],
		['then: storage read (schedule, last days)', (o) => o.steps[read] - o.steps[loaded]],
		['then: figures on screen', (o) => o.usable - o.steps[read]]
	];
	return steps.map(([step, time]) => [step, median(opens.map(time))]);
}

/** Waits until the running totals are stored beside the log (store/totals-cache.ts; seeding wrote none). */
async function totalsWritten(page: Page) {
	await page.waitForFunction(
		async () => {
			const db = await new Promise<IDBDatabase>((res, rej) => {
				const o = indexedDB.open('tcp-quest');
				o.onsuccess = () => res(o.result);
				o.onerror = () => rej(o.error);
			});
			try {
				const record = await new Promise<{ logCount?: number } | undefined>((res, rej) => {
					const r = db.transaction('totals').objectStore('totals').get('totals');
					r.onsuccess = () => res(r.result as { logCount?: number } | undefined);
					r.onerror = () => rej(r.error);
				});
				return record?.logCount !== undefined;
			} finally {
				db.close();
			}
		},
		undefined,
		{ timeout: 120_000, polling: 250 }
	);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The port to serve on: BENCH_PORT, else 4219 with a kept profile (its database belongs to that origin), else any. */
export const benchPort = () => Number(process.env.BENCH_PORT ?? (process.env.BENCH_SEEDED ? 4219 : 0));

/**
 * Cold opens with nothing attached, per figure: one open on this shared two-core machine varies by
 * ±40 ms, so a median of three moved by 30 ms from one run to the next.
 */
const BARE_OPENS = 7;

/**
 * What no SvelteKit page beats in this browser on this machine: the median of cold opens of an
 * empty page until it shows an element after hydrating, with Playwright watching (three) or (`bare`)
 * with nothing attached (BARE_OPENS). The cold opens above are read against it.
 */
async function emptyKitOpen(bare: boolean): Promise<number> {
	const kit = buildEmptyKit('hydrated');
	const profile = mkdtempSync(join(tmpdir(), 'tcp-quest-bench-empty-'));
	const { server, url } = await serve(kit.buildDir);
	try {
		const times: number[] = [];
		for (let i = 0; i < (bare ? BARE_OPENS : 3); i++) {
			if (bare) {
				times.push((await bareOpen(profile, `${url}/`, KIT_HYDRATED))[KIT_HYDRATED]!);
				continue;
			}
			const { context, page } = await launch(profile);
			await page.goto(`${url}/`, { waitUntil: 'commit' });
			times.push(await seenAt(page, '[data-testid="hydrated"]'));
			await context.close();
		}
		return median(times);
	} finally {
		server.close();
		kit.dispose();
		rmSync(profile, { recursive: true, force: true });
	}
}

/** One line of the table: a time and the longest main-thread task meanwhile, each with its budget if it has one. */
type Row = { step: string; time?: number; budget?: number; long?: number; longBudget?: number };

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const verdict = (x: number | undefined, budget: number | undefined) =>
	x === undefined || budget === undefined ? '' : x <= budget ? 'ok' : 'OVER';
const cell = (x: number | undefined, budget: number | undefined) =>
	x === undefined ? '' : budget === undefined ? ms(x) : `${ms(x)} / ${ms(budget)} ${verdict(x, budget)}`;

/** Runs the Chromium part; true when every budgeted figure is within its budget. */
export async function benchBrowser(buildDir = 'build'): Promise<boolean> {
	if (!existsSync(join(buildDir, 'index.html'))) {
		console.log('  (building the app first)');
		execFileSync(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	// A kept profile's database belongs to its origin: the same port each time.
	const { server, url } = await serve(buildDir, benchPort());
	const profile = mkdtempSync(join(tmpdir(), 'tcp-quest-bench-'));
	const importProfile = mkdtempSync(join(tmpdir(), 'tcp-quest-bench-import-'));
	const rows: Row[] = [];
	let context: BrowserContext | undefined;
	let page: Page;
	try {
		// 1. First visit creates the database; then five years of log go in behind the app's back.
		// BENCH_SEEDED=dir keeps the seeded profile there and reuses it on later runs (seeding takes minutes;
		// served on BENCH_PORT or 4219 then, the same each run, so the origin matches).
		const kept = process.env.BENCH_SEEDED;
		let seeded = REVIEWS;
		if (kept && existsSync(kept)) {
			// Only the database: a service worker kept from another build would serve that build's code.
			cpSync(join(kept, 'Default', 'IndexedDB'), join(profile, 'Default', 'IndexedDB'), { recursive: true });
			console.log(`  reusing the profile seeded in ${kept}`);
		} else {
			({ context, page } = await launch(profile));
			// A newcomer's home loads no app layer and creates no database: a page that shows progress does.
			await page.goto(`${url}/settings`);
			await page.waitForSelector('html[data-ready="true"]');
			const t0 = performance.now();
			seeded = await seed(page, REVIEWS, YEARS);
			console.log(`  seeded ${seeded.toLocaleString('en')} reviews (${YEARS} years) in ${ms(performance.now() - t0)}`);
			await context.close();
			if (kept) cpSync(profile, kept, { recursive: true });
		}
		// 2. The first open after that finds the cache stale and rebuilds it (as after an upgrade or import).
		({ context, page } = await launch(profile));
		const rebuild = await openHome(page, `${url}/`);
		rows.push({ step: 'first open after upgrade (cache rebuilt)', time: rebuild.usable, long: rebuild.long });
		// The running totals are rebuilt after the page is usable; closing before they are written would
		// leave every cold open below to rebuild them again (a user rarely quits within two seconds).
		await totalsWritten(page);
		await context.close();

		// 3. Cold opens: a fresh browser process each time, the page from the service worker's cache. The
		// budgets are read against opens with nothing attached (bare.ts), as a user's browser is; opens
		// watched by Playwright follow, as this bench measured them before, with the longest task they saw.
		const bare: Opening[] = [];
		for (let i = 0; i < BARE_OPENS; i++) bare.push(await openHomeBare(profile, `${url}/`));
		rows.push({ step: `cold open → usable home (median of ${BARE_OPENS}, nothing attached)`, time: median(bare.map((o) => o.usable)), budget: 300 });
		rows.push({ step: `  each open: ${bare.map((o) => Math.round(o.usable)).join(', ')} ms` });
		rows.push({ step: '  where it went (medians of each step):' });
		rows.push(...openingSteps(bare).map(([step, time]) => ({ step: `    ${step}`, time })));
		rows.push({ step: '  … complete (XP, streak, quests shown)', time: median(bare.map((o) => o.complete)), budget: 500 });
		rows.push({ step: '  floor: an empty SvelteKit page, hydrated', time: await emptyKitOpen(true) });
		const watched: (Opening & { full: number })[] = [];
		for (let i = 0; i < 3; i++) {
			({ context, page } = await launch(profile));
			watched.push(await openHome(page, `${url}/`));
			if (i < 2) await context.close();
		}
		rows.push({ step: 'the same, watched by Playwright: usable home', time: median(watched.map((o) => o.usable)), long: Math.max(...watched.map((o) => o.long)) });
		rows.push({ step: '  … complete', time: median(watched.map((o) => o.complete)) });
		rows.push({ step: '  … whole log loaded (data-log)', time: median(watched.map((o) => o.full)) });
		rows.push({ step: '  floor, watched', time: await emptyKitOpen(false) });

		// 4. The due queue: from the tap on "Cards" to the plan on screen.
		await resetLong(page);
		const queue = await page.evaluate(async () => {
			const start = performance.now();
			(document.querySelector('nav a[href="/study"]') as HTMLAnchorElement).click();
			while (!document.querySelector('[data-testid="study-plan"]')) await new Promise((r) => requestAnimationFrame(r));
			return performance.now() - start;
		});
		rows.push({ step: 'due queue (home → study plan shown)', time: queue, budget: 150, long: await longest(page) });

		// 4b. Answering: ten flashcards rated in a row, the longest main-thread task while doing so.
		await page.goto(`${url}/study?start`);
		await page.waitForSelector('html[data-log="loaded"]', { timeout: 120_000 });
		await page.waitForSelector('#front', { timeout: 120_000 });
		await page.waitForTimeout(1000);
		await resetLong(page);
		const answerStart = performance.now();
		for (let i = 0; i < 10; i++) {
			await page.getByRole('button', { name: /^显示答案/ }).click();
			await page.locator('#rate-3').click();
		}
		await page.waitForTimeout(500);
		rows.push({ step: 'answer 10 flashcards (keys + clicks)', time: performance.now() - answerStart - 500, long: await longest(page), longBudget: 50 });

		// 5. Statistics, if the page exists: a full load of /stats until its totals are shown.
		if (existsSync(join(buildDir, 'stats.html'))) {
			await page.goto(`${url}/stats`, { waitUntil: 'commit' });
			const shown = await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="total-reviews"]')?.textContent ?? '') && performance.now(), null, { timeout: 120_000, polling: 'raf' });
			const stats = (await shown.jsonValue()) as number;
			rows.push({ step: 'statistics page (load → totals shown)', time: stats, budget: 500, long: await longest(page) });
		}

		// 5b. Settings: a full load until the optimizer has counted the log's training samples (the
		// whole log is read into the page for the stored counts; the worker reads its own copy).
		await page.goto(`${url}/settings`, { waitUntil: 'commit' });
		const counted = (await seenAt(page, '[data-testid="training-count"]')) as number;
		rows.push({ step: 'settings page (load → training samples counted)', time: counted, long: await longest(page) });

		// 6. Export: from the tap to the file.
		await page.waitForSelector('html[data-log="loaded"]');
		await resetLong(page);
		let start = performance.now();
		const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: '导出进度' }).click()]);
		const file = join(profile, 'backup.json');
		await download.saveAs(file);
		const exportMs = performance.now() - start;
		rows.push({ step: `export (${(statSync(file).size / 1e6).toFixed(1)} MB file)`, time: exportMs, budget: 3000, long: await longest(page) });
		await context.close();

		// 7. Import into a fresh install: every review added and scheduled.
		({ context, page } = await launch(importProfile));
		await page.goto(`${url}/settings`);
		await page.waitForSelector('html[data-ready="true"]');
		await resetLong(page);
		start = performance.now();
		await page.locator('#import-file').setInputFiles(file);
		await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
		const importMs = performance.now() - start;
		const report = await page.getByTestId('import-report').textContent();
		rows.push({ step: 'import into a fresh install', time: importMs, budget: 3000, long: await longest(page) });
		if (!report?.includes(String(seeded))) console.log(`  import report: ${report}`);
	} finally {
		await context?.close().catch(() => {});
		server.close();
		rmSync(profile, { recursive: true, force: true });
		rmSync(importProfile, { recursive: true, force: true });
	}
	console.log(`\n  ${'step'.padEnd(50)} ${'time / budget'.padStart(26)}  ${'longest task / budget'.padStart(24)}`);
	for (const r of rows) console.log(`  ${r.step.padEnd(50)} ${cell(r.time, r.budget).padStart(26)}  ${cell(r.long, r.longBudget).padStart(24)}`);
	const over = rows.filter((r) => verdict(r.time, r.budget) === 'OVER' || verdict(r.long, r.longBudget) === 'OVER');
	if (over.length > 0) console.log(`\n  over budget: ${over.map((r) => r.step.trim()).join('; ')}`);
	return over.length === 0;
}
