/**
 * `BENCH_SEEDED=dir [BENCH_PORT=n] npx tsx scripts/bench/ab.ts buildA buildB [rounds]`: cold opens of
 * home and /stats with five years of log, two builds taking turns, so that a shared, busy machine
 * weighs on both alike (one bench run after another is not comparable there). Each build has its own
 * profile (a service worker serves the build that installed it), seeded from the bench's kept one.
 * Home opens in a browser nothing is attached to while it loads (bare.ts); /stats is watched by Playwright.
 * AB_MARKS=1 prints each open's performance marks (and /stats' JSON and worker fetches).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPort, launch, openHome, openHomeBare, openingSteps, seenAt, type Opening } from './browser';
import { serve } from './serve';

const kept = process.env.BENCH_SEEDED;
const [a, b, rounds = '5'] = process.argv.slice(2);
if (!kept || !existsSync(kept) || !a || !b) throw new Error('usage: BENCH_SEEDED=dir npx tsx scripts/bench/ab.ts buildA buildB [rounds]');
const port = benchPort() || 4219;
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const TOTALS = '[data-testid="total-reviews"]';
/** With AB_MARKS=1: the page's performance marks, and when its JSON and workers were fetched. */
const marks = (page: Awaited<ReturnType<typeof launch>>['page']) =>
	page.evaluate(() =>
		[
			...performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
			...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => !r.name.endsWith('.js') || r.name.includes('worker')).map((r) => `${r.name.split('/').pop()}@${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`)
		].join(' ')
	);

/** Serve `build` on the shared port (the profiles' databases belong to that origin) while `run` runs. */
async function served<T>(build: string, run: (url: string) => Promise<T>): Promise<T> {
	const { server, url } = await serve(build, port);
	try {
		return await run(url);
	} finally {
		await new Promise((r) => server.close(r));
	}
}

/** A fresh browser on `profile`: `path` opened cold, timed by `measure`. */
async function cold<T>(profile: string, measure: (page: Awaited<ReturnType<typeof launch>>['page']) => Promise<T>): Promise<T> {
	const { context, page } = await launch(profile);
	try {
		return await measure(page);
	} finally {
		await context.close();
	}
}

const builds = [a, b].map((build) => ({ build, profile: mkdtempSync(join(tmpdir(), 'tcp-quest-ab-')), home: [] as number[], opens: [] as Opening[], complete: [] as number[], stats: [] as number[], long: [] as number[] }));
try {
	for (const x of builds) {
		cpSync(join(kept, 'Default', 'IndexedDB'), join(x.profile, 'Default', 'IndexedDB'), { recursive: true });
		// The first open rebuilds the caches (in the jobs worker) and installs the service worker: not timed.
		await served(x.build, (url) =>
			cold(x.profile, async (page) => {
				await openHome(page, `${url}/`);
				await page.waitForTimeout(2000);
			})
		);
	}
	for (let i = 0; i < Number(rounds); i++) {
		for (const x of i % 2 ? [...builds].reverse() : builds) {
			await served(x.build, async (url) => {
				const home = await openHomeBare(x.profile, `${url}/`);
				if (process.env.AB_MARKS) console.log(`  ${x.build} home ${Math.round(home.usable)}: ${JSON.stringify(home.steps)}`);
				const stats = await cold(x.profile, async (page) => {
					await page.goto(`${url}/stats`, { waitUntil: 'commit' });
					const shown = await seenAt(page, TOTALS);
					if (process.env.AB_MARKS) console.log(`  ${x.build} /stats ${Math.round(shown)}: ${await marks(page)}`);
					return { shown, long: await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)) };
				});
				x.home.push(home.usable);
				x.opens.push(home);
				x.complete.push(home.complete);
				x.stats.push(stats.shown);
				x.long.push(stats.long);
			});
		}
	}
	const ms = (xs: number[]) => `${Math.round(median(xs))} ms`.padStart(8);
	console.log(`medians of ${rounds} cold opens each, taking turns:`);
	for (const x of builds) console.log(`  ${x.build.padEnd(32)} home usable ${ms(x.home)} · complete ${ms(x.complete)} · /stats ${ms(x.stats)} · longest task (/stats) ${Math.round(Math.max(...x.long))} ms`);
	for (const x of builds) console.log(`  ${x.build} steps: ${openingSteps(x.opens).map(([step, time]) => `${step.replace(/^then: /, '')} ${Math.round(time)}`).join(' · ')}`);
	for (const x of builds) console.log(`  ${x.build}: usable ${x.home.map(Math.round).join(' ')} | complete ${x.complete.map(Math.round).join(' ')} | stats ${x.stats.map(Math.round).join(' ')}`);
} finally {
	for (const x of builds) rmSync(x.profile, { recursive: true, force: true });
}
