/**
 * Page weight and paint, per page and per language: what a first visit downloads (first-visit.ts)
 * against the budgets of issue 13, next to an empty SvelteKit page weighed the same way, and
 * Lighthouse's largest contentful paint (mobile profile) of home and one topic page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { auditPages, pages } from '../lighthouse/audit';
import { buildEmptyKit } from './empty-kit';
import { firstVisitWeights, type Visit, type Weight } from './first-visit';

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const LANGS = ['zh', 'en'] as const;
const TOPIC = '/topics/handshake';

/** Budgets in gzipped bytes: reading pages must be light; a study session may carry its engine. */
function budget(path: string): { js: number; json: number } | undefined {
	// /capture is a reading page too: its recordings are fetched only when one is picked.
	if (path === '/' || path.startsWith('/topics/') || path === '/capture') return { js: 60 * KB, json: 10 * KB };
	if (path === '/study' || path === '/quiz') return { js: 100 * KB, json: Infinity };
	return undefined;
}

/** The bank as the browser fetches it (see src/lib/features/study/slices.ts): the index, and a slice per language and topic. */
function benchSlices(dir = 'build/data/bank') {
	const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
	console.log('\nThe bank in slices, gzipped -9 (a session fetches the slices of the topics it asks; home and topic pages none):');
	console.log(`  index (every question's id, kind, topic, family; topic titles): ${kb(gz(join(dir, 'index.json')))} — fetched by pages that count or plan`);
	for (const lang of LANGS) {
		const sizes = readdirSync(join(dir, lang)).map((f) => gz(join(dir, lang, f))).sort((a, b) => a - b);
		const total = sizes.reduce((a, b) => a + b, 0);
		console.log(`  ${lang}: ${sizes.length} slices, ${kb(sizes[0]!)}–${kb(sizes.at(-1)!)} (median ${kb(sizes[Math.floor(sizes.length / 2)]!)}), all ${kb(total)}`);
	}
}

export async function benchPages(): Promise<void> {
	benchSlices();
	const paths = pages();
	const visits: Visit[] = paths.flatMap((path) => LANGS.map((lang) => ({ path, lang })));
	const weights = await firstVisitWeights('build', visits);
	const empty = buildEmptyKit();
	let emptyWeight: Weight;
	try {
		const only: Visit = { path: '/', lang: 'en' };
		emptyWeight = (await firstVisitWeights(empty.buildDir, [only])).get(only)!;
	} finally {
		empty.dispose();
	}

	console.log('\nFirst visit, gzipped -9 (360 px Chromium, fresh profile, service worker blocked, load + network idle + 1 s; JS includes workers):');
	console.log(`  ${'page'.padEnd(22)} ${'lang'} ${'JS'.padStart(9)} ${'CSS'.padStart(8)} ${'JSON'.padStart(9)} ${'requests'.padStart(8)}  budget`);
	const row = (name: string, lang: string, w: Weight, verdict: string) =>
		console.log(`  ${name.padEnd(22)} ${lang.padEnd(4)} ${kb(w.js).padStart(9)} ${kb(w.css).padStart(8)} ${kb(w.json).padStart(9)} ${String(w.requests).padStart(8)}  ${verdict}`);
	let over = false;
	for (const visit of visits) {
		const w = weights.get(visit)!;
		const b = budget(visit.path);
		const fits = !b || (w.js <= b.js && w.json <= b.json);
		over ||= !fits;
		const verdict = !b ? '' : `JS ≤ ${kb(b.js)}${Number.isFinite(b.json) ? `, JSON ≤ ${kb(b.json)}` : ''}: ${fits ? 'within' : 'OVER'}`;
		row(visit.path, visit.lang, w, verdict);
	}
	row('empty SvelteKit page', '—', emptyWeight, 'same toolchain, same method');

	console.log('\nLargest contentful paint, Lighthouse mobile profile (simulated 4G, 4× CPU slowdown; vite preview, gzip):');
	for (const lang of ['zh-CN', 'en-US']) {
		for (const r of await auditPages(['/', TOPIC], lang)) {
			const fits = r.lcp <= 1200;
			over ||= !fits;
			console.log(`  ${r.page.padEnd(22)} ${lang.padEnd(6)} ${`${Math.round(r.lcp).toLocaleString('en')} ms`.padStart(9)}  budget 1,200 ms: ${fits ? 'within' : 'OVER'} · performance ${r.scores.performance}`);
		}
	}
	if (over) process.exitCode = 1;
}
