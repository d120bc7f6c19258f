/**
 * `BENCH_SEEDED=dir [BENCH_PORT=n] npx tsx scripts/bench/trace-answer.ts [buildDir]`: a Chrome trace of ten
 * flashcards answered with five years of log; prints every main-thread task over 8 ms with what ran in it
 * (the events inside it over 2 ms), to see what an answer's long tasks are made of.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPort, launch } from './browser';
import { serve } from './serve';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string; functionName?: string; type?: string; lineNumber?: number } } };

const kept = process.env.BENCH_SEEDED;
if (!kept) throw new Error('BENCH_SEEDED=dir (a profile the bench seeded) is needed');
const { server, url } = await serve(process.argv[2] ?? 'build', benchPort());
const profile = mkdtempSync(join(tmpdir(), 'tcp-quest-trace-'));
cpSync(join(kept, 'Default', 'IndexedDB'), join(profile, 'Default', 'IndexedDB'), { recursive: true });
const { context, page } = await launch(profile);
try {
	await page.goto(`${url}/study?start`);
	await page.waitForSelector('html[data-log="loaded"]', { timeout: 120_000 });
	await page.waitForSelector('#front', { timeout: 120_000 });
	await page.waitForTimeout(1500);
	const cdp = await context.newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
	const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
	await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', '__metadata'] } });
	for (let i = 0; i < 10; i++) {
		await page.getByRole('button', { name: /^显示答案/ }).click();
		await page.locator('#rate-3').click();
	}
	await page.waitForTimeout(1500);
	await cdp.send('Tracing.end');
	await complete;
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
	if (!main) throw new Error('no main thread in the trace');
	const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
	const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 8000);
	console.log(`main-thread tasks over 8 ms: ${tasks.length}`);
	for (const t of tasks) {
		console.log(`  ${(t.dur! / 1000).toFixed(1)} ms task`);
		const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.dur! > 2000);
		for (const e of inside.slice(0, 14)) {
			const d = e.args?.data;
			console.log(`    ${(e.dur! / 1000).toFixed(1).padStart(6)} ms ${e.name} ${d?.type ?? ''} ${d?.functionName ?? ''} ${d?.url?.split('/').pop() ?? ''}${d?.lineNumber !== undefined ? ':' + d.lineNumber : ''}`);
		}
	}
} finally {
	await context.close();
	server.close();
	rmSync(profile, { recursive: true, force: true });
}
