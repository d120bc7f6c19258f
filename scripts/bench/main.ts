/**
 * `npm run bench`: size and speed budgets, measured (never asserted by timed tests).
 *   1. the question bank: size per kind; parse + generate + validate time (budget 50 ms)
 *   2. what a first visit to each page downloads (JS with workers, CSS, JSON; gzipped) in both
 *      languages, next to an empty SvelteKit page; Lighthouse's largest paint of home and a topic
 *   3. opening the store and computing today's queue from 50,000 reviews (budget 100 ms), in Node
 *   4. backup parsing: the fuzz test's 10,000 hostile files, a file past the size limit and
 *      100,000 time zones (budget 250 ms each; an input over its budget fails the bench)
 *   5. FSRS's optimizer (fsrs-browser's wasm, in Node) on the same five-year log as part 6: time,
 *      training samples, log loss of the default and of the computed weights (about 40 s)
 *   6. the app in Chromium with 200,000 reviews (five years): cold open, due queue, statistics,
 *      export, import (builds the app first if there is no build/)
 *   7. sync through a replication server (pouchdb-server in memory): the five-year log to a fresh
 *      device, and an answer's delay to another device (scripts/bench/sync.ts)
 * Needs a build (`npm run build`) for part 2; exits 1 when a budget is missed; `-- --no-optimizer`
 * skips part 5, `-- --no-browser` parts 6 and 7, `-- --only-sync` runs part 7 alone, `-- --only-browser`
 * part 6 alone (BENCH_PORT=n serves it on port n).
 */
import { existsSync } from 'node:fs';
import { benchBank } from './bank';
import { benchPages } from './pages';
import { benchBrowser } from './browser';
import { benchOptimizer } from './optimizer';
import { benchParsers } from './parse';
import { storeQueueTimes } from './store';
import { benchSync } from './sync';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const SYNC_TITLE = '\nSync in Chromium through a replication server (pouchdb-server 4.2.0, in memory):';
if (process.argv.includes('--only-sync')) {
	console.log(SYNC_TITLE);
	await benchSync();
	process.exit();
}

const BROWSER_TITLE = '\nIn Chromium, 200,000 reviews (five years of daily study), times from the page:';
if (process.argv.includes('--only-browser')) {
	console.log(BROWSER_TITLE);
	process.exit((await benchBrowser()) ? 0 : 1);
}

benchBank();

if (existsSync('build/index.html')) await benchPages();
else console.log('\n(no build/ — run `npm run build` first for page weights and paint)');

const REVIEWS = 50_000;
const times = await storeQueueTimes(REVIEWS, 7);
const phase = (key: 'total' | 'read' | 'replay' | 'queue' | 'cached') => median(times.map((t) => t[key])).toFixed(1);
console.log(`\nOpen the store and compute today's queue from ${REVIEWS.toLocaleString('en')} reviews (Node, fake-indexeddb, median of ${times.length}):`);
console.log(`  whole log + replay: ${phase('total')} ms`);
console.log(`  open + read log ${phase('read')} ms · FSRS replay ${phase('replay')} ms · queue ${phase('queue')} ms`);
console.log(`  as the app does it (schedule cache + today's reviews, no replay): ${phase('cached')} ms (budget 100 ms: ${Number(phase('cached')) <= 100 ? 'within' : 'OVER'})`);

const parseOver = await benchParsers();
if (parseOver.length > 0) {
	console.error(`\nParse budget exceeded:\n  ${parseOver.join('\n  ')}`);
	process.exitCode = 1;
}

if (!process.argv.includes('--no-optimizer')) {
	const o = await benchOptimizer();
	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	console.log(`\nFSRS optimizer (fsrs-browser 5.2.0, wasm, one thread, Node) on ${o.reviews.toLocaleString('en')} reviews (five years):`);
	console.log(`  ${o.samples.toLocaleString('en')} training samples · log → samples ${s(o.prepareMs)} · fsrs-rs training ${s(o.trainMs)}`);
	console.log(`  log loss on this history: default weights ${o.lossBefore.toFixed(4)} → computed ${o.lossAfter.toFixed(4)}`);
}

if (!process.argv.includes('--no-browser')) {
	console.log(BROWSER_TITLE);
	if (!(await benchBrowser())) process.exitCode = 1;
}

if (!process.argv.includes('--no-browser')) {
	console.log(SYNC_TITLE);
	await benchSync();
}
