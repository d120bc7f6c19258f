/**
 * The first-visit weights and paint alone (part 2 of `npm run bench`), for one build directory:
 * `tsx scripts/bench/measure-pages.ts [buildDir] [--no-lighthouse] [--no-weights]` (Lighthouse serves build/).
 */
import { auditPages } from '../lighthouse/audit';
import { firstVisitWeights, type Visit } from './first-visit';

const dir = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'build';
const paths = ['/', '/topics/handshake', '/study', '/quiz', '/cards', '/challenge', '/fsm', '/simulate', '/capture', '/stats', '/settings'];
const visits: Visit[] = paths.flatMap((path) => (['zh', 'en'] as const).map((lang) => ({ path, lang })));
if (!process.argv.includes('--no-weights')) {
	const weights = await firstVisitWeights(dir, visits);
	const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
	console.log('page                   lang      JS     CSS    JSON  requests');
	for (const v of visits) {
		const w = weights.get(v)!;
		console.log(`${v.path.padEnd(22)} ${v.lang}  ${kb(w.js)} ${kb(w.css)} ${kb(w.json)} ${String(w.requests).padStart(8)}`);
	}
}
if (!process.argv.includes('--no-lighthouse')) {
	for (const lang of ['zh-CN', 'en-US'])
		for (const r of await auditPages(['/', '/topics/handshake'], lang))
			console.log(`LCP ${r.page.padEnd(20)} ${lang} ${Math.round(r.lcp)} ms · performance ${r.scores.performance} · a11y ${r.scores.accessibility} · bp ${r.scores['best-practices']} · ${r.misses.join('; ')}`);
}
