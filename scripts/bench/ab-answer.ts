/**
 * `BENCH_SEEDED=dir [BENCH_PORT=n] npx tsx scripts/bench/ab-answer.ts buildA buildB [rounds]`: the two
 * figures of the bench that a shared machine makes noisy — the longest main-thread task while ten
 * flashcards are answered with five years of log, and an import of that log into a fresh install —
 * for two builds taking turns (as ab.ts does for cold opens). AB_PROFILE=1 prints the functions with
 * the most main-thread self time during the first round's answers and import.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../src/lib/core/log';
import { makeBackup } from '../../src/lib/core/log/backup';
import { benchPort, launch } from './browser';
import { familiesOf, fiveYearsOfStudy } from './five-years';
import { serve } from './serve';

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };

const kept = process.env.BENCH_SEEDED;
const [a, b, rounds = '3'] = process.argv.slice(2);
if (!kept || !existsSync(kept) || !a || !b) throw new Error('usage: BENCH_SEEDED=dir npx tsx scripts/bench/ab-answer.ts buildA buildB [rounds]');
const port = benchPort() || 4219;
const long = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round));

/** The functions with the most self time in a CPU profile. */
function top(cpu: CpuProfile, n = 12): string {
	const self = new Map<number, number>();
	cpu.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000));
	const byFrame = new Map<string, number>();
	for (const node of cpu.nodes) {
		const f = node.callFrame;
		const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
		byFrame.set(key, (byFrame.get(key) ?? 0) + (self.get(node.id) ?? 0));
	}
	return [...byFrame].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
}

async function profiled<T>(cdp: CDPSession | null, run: () => Promise<T>): Promise<T> {
	if (!cdp) return run();
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.start');
	const result = await run();
	console.log(top(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile));
	return result;
}

/** The backup file of the bench's five years, written once. */
function backupFile(build: string): string {
	const bank = JSON.parse(readFileSync(join(build, 'data', 'bank.json'), 'utf8')) as { questions: { family: string }[] };
	const { cards, quiz } = familiesOf(bank.questions);
	const file = join(mkdtempSync(join(tmpdir(), 'tcp-quest-ab-answer-')), 'backup.json');
	writeFileSync(file, JSON.stringify(makeBackup(fiveYearsOfStudy(cards, quiz, 200_000, 5, Date.now()), DEFAULT_SETTINGS, Date.now())));
	return file;
}

async function answers(url: string, profile: string, show: boolean) {
	const { context, page } = await launch(profile);
	page.on('crash', () => console.log('  (the page crashed)'));
	try {
		await page.goto(`${url}/study?start`);
		await page.waitForSelector('html[data-log="loaded"]', { timeout: 120_000 });
		await page.waitForSelector('#front', { timeout: 120_000 });
		await page.waitForTimeout(1000);
		await page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = []));
		await profiled(show ? await context.newCDPSession(page) : null, async () => {
			for (let i = 0; i < 10; i++) {
				await page.getByRole('button', { name: /^显示答案/ }).click();
				await page.locator('#rate-3').click();
			}
			await page.waitForTimeout(1500);
		});
		return long(page);
	} finally {
		await context.close();
	}
}

async function importing(url: string, file: string, show: boolean) {
	const profile = mkdtempSync(join(tmpdir(), 'tcp-quest-ab-import-'));
	const { context, page } = await launch(profile);
	try {
		await page.goto(`${url}/settings`);
		await page.waitForSelector('html[data-ready="true"]');
		await page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = []));
		const time = await profiled(show ? await context.newCDPSession(page) : null, async () => {
			const start = performance.now();
			await page.locator('#import-file').setInputFiles(file);
			await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
			return performance.now() - start;
		});
		return { time, long: await long(page) };
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

// A browser closed under us (a shared machine) can leave a promise rejected with no one waiting: say so, go on.
process.on('unhandledRejection', (e) => console.log(`  (lost: ${String(e).split('\n')[0]})`));
const file = backupFile(a);
const builds = [a, b].map((build) => ({ build, profile: mkdtempSync(join(tmpdir(), 'tcp-quest-ab-')), answerLong: [] as number[], imports: [] as number[], importLong: [] as number[] }));
try {
	for (const x of builds) cpSync(join(kept, 'Default', 'IndexedDB'), join(x.profile, 'Default', 'IndexedDB'), { recursive: true });
	for (let i = 0; i < Number(rounds); i++) {
		for (const x of i % 2 ? [...builds].reverse() : builds) {
			const { server, url } = await serve(x.build, port);
			try {
				const show = !!process.env.AB_PROFILE && i === 0;
				if (show) console.log(`  ${x.build} answers:`);
				// On a shared machine a browser is sometimes closed under us: that sample is left out.
				const tasks = await answers(url, x.profile, show).catch((e: Error) => (console.log(`  ${x.build}: answers lost (${e.message.split('\n')[0]})`), null));
				if (show) console.log(`  ${x.build} import:`);
				const imported = await importing(url, file, show).catch((e: Error) => (console.log(`  ${x.build}: import lost (${e.message.split('\n')[0]})`), null));
				console.log(`  ${x.build} round ${i + 1}: answer long tasks [${tasks?.join(' ') ?? 'lost'}] · import ${imported ? `${Math.round(imported.time)} ms, long tasks [${imported.long.join(' ')}]` : 'lost'}`);
				if (tasks) x.answerLong.push(Math.max(0, ...tasks));
				if (imported) {
					x.imports.push(imported.time);
					x.importLong.push(Math.max(0, ...imported.long));
				}
			} finally {
				await new Promise((r) => server.close(r));
			}
		}
	}
	const median = (xs: number[]) => Math.round([...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!);
	for (const x of builds) console.log(`  ${x.build.padEnd(32)} longest answer task: median ${median(x.answerLong)} ms, max ${Math.max(...x.answerLong)} ms · import: median ${median(x.imports)} ms (longest task ${Math.max(...x.importLong)} ms)`);
} finally {
	for (const x of builds) rmSync(x.profile, { recursive: true, force: true });
	rmSync(join(file, '..'), { recursive: true, force: true });
}
