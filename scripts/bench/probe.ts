/**
 * `BENCH_SEEDED=dir [BENCH_PORT=n] npx tsx scripts/bench/probe.ts [buildDir]`: a quick look at one cold open and ten
 * answers on a profile the bench seeded and kept (see browser.ts), with a CPU profile of the answers and
 * of /stats right after them: the functions with the most self time. For finding what a bench figure is made of.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { benchPort, launch } from './browser';
import { serve } from './serve';

type CpuProfile = { nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] };
const stopProfile = async (cdp: CDPSession) => ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;

/** The functions with the most self time, and who calls the native ones that often dominate (a structured clone, a DOM removal). */
function printProfile(cpu: CpuProfile) {
	const self = new Map<number, number>();
	cpu.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000));
	const byFrame = new Map<string, number>();
	for (const n of cpu.nodes) {
		const f = n.callFrame;
		const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
		byFrame.set(key, (byFrame.get(key) ?? 0) + (self.get(n.id) ?? 0));
	}
	for (const [k, v] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
	// Who calls the native functions with the most self time (a structured clone, a DOM removal).
	const parent = new Map<number, number>();
	for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
	const name = (id: number) => {
		const f = byId.get(id)!.callFrame;
		return `${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
	};
	const stacks = new Map<string, number>();
	for (const n of cpu.nodes) {
		if (!['structuredClone', 'remove'].includes(n.callFrame.functionName)) continue;
		const chain: string[] = [];
		for (let p = parent.get(n.id); p !== undefined && chain.length < 8; p = parent.get(p)) chain.push(name(p));
		const key = `${n.callFrame.functionName} ← ${chain.join(' ← ')}`;
		stacks.set(key, (stacks.get(key) ?? 0) + (self.get(n.id) ?? 0));
	}
	for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
}

const kept = process.env.BENCH_SEEDED;
if (!kept) throw new Error('BENCH_SEEDED=dir (a profile the bench seeded) is needed');
const { server, url } = await serve(process.argv[2] ?? 'build', benchPort());
const profile = mkdtempSync(join(tmpdir(), 'tcp-quest-probe-'));
// Only the database: a service worker kept from another build would serve that build's code.
cpSync(join(kept, 'Default', 'IndexedDB'), join(profile, 'Default', 'IndexedDB'), { recursive: true });
const { context, page } = await launch(profile);
try {
	for (const path of ['/', '/', '/stats']) {
		await page.goto(`${url}${path}`, { waitUntil: 'commit' });
		await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
		const ready = await page.evaluate(() => performance.now());
		await page.waitForSelector('html[data-log="loaded"]', { timeout: 120_000 });
		const full = await page.evaluate(() => performance.now());
		const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round));
		console.log(`${path}: ready ${Math.round(ready)} ms, data-log ${Math.round(full)} ms, long tasks ${long.join(' ')}`);
		const timeline = await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${r.name.split('/').pop()}@${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
			const marks = performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`);
			return `${marks.join(' ')} | doc ${Math.round(nav.responseEnd)} dcl ${Math.round(nav.domContentLoadedEventEnd)} load ${Math.round(nav.loadEventEnd)} | ${res.join(' ')}`;
		});
		console.log(`  ${timeline}`);
	}
	await page.goto(`${url}/study?start`);
	await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
	await page.waitForSelector('#front', { timeout: 120_000 });
	await page.waitForTimeout(1500);
	await page.evaluate(() => void ((window as unknown as { longTasks: number[] }).longTasks = []));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.start');
	for (let i = 0; i < 10; i++) {
		await page.getByRole('button', { name: /^显示答案/ }).click();
		await page.locator('#rate-3').click();
	}
	await page.waitForTimeout(1000);
	console.log('answers: long tasks', (await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round))).join(' '));
	printProfile(await stopProfile(cdp));
	// As the bench does it: /stats loaded right after the answers (the game worker still busy with them).
	await cdp.send('Profiler.start');
	await page.goto(`${url}/stats`, { waitUntil: 'commit' });
	await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="total-reviews"]')?.textContent ?? ''), null, { timeout: 120_000, polling: 'raf' });
	console.log(`/stats after answers: totals shown ${Math.round(await page.evaluate(() => performance.now()))} ms, long tasks ${(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round))).join(' ')}`);
	await page.waitForTimeout(3000);
	console.log(`  long tasks 3 s later: ${(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round))).join(' ')}`);
	printProfile(await stopProfile(cdp));
} finally {
	await context.close();
	server.close();
	rmSync(profile, { recursive: true, force: true });
}
