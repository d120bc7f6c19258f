/**
 * `BENCH_SEEDED=dir npx tsx scripts/bench/probe.ts [buildDir]`: a quick look at one cold open and ten
 * answers on a profile the bench seeded and kept (see browser.ts), with a CPU profile of the answers:
 * the functions with the most self time. For finding what a bench figure is made of.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser';
import { serve } from './serve';

const kept = process.env.BENCH_SEEDED;
if (!kept) throw new Error('BENCH_SEEDED=dir (a profile the bench seeded) is needed');
const { server, url } = await serve(process.argv[2] ?? 'build', 4219);
const profile = mkdtempSync(join(tmpdir(), 'tcp-quest-probe-'));
cpSync(kept, profile, { recursive: true });
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
	const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
	const self = new Map<number, number>();
	cpu.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000));
	const byFrame = new Map<string, number>();
	for (const n of cpu.nodes) {
		const f = n.callFrame;
		const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
		byFrame.set(key, (byFrame.get(key) ?? 0) + (self.get(n.id) ?? 0));
	}
	console.log('answers: long tasks', (await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round))).join(' '));
	for (const [k, v] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
} finally {
	await context.close();
	server.close();
	rmSync(profile, { recursive: true, force: true });
}
