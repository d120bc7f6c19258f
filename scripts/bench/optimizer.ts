/**
 * FSRS's optimizer (fsrs-browser's wasm, single-threaded as in the app's worker) on the bench's
 * five-year log of 200,000 reviews, in Node: the time to turn the log into training samples, the
 * time fsrs-rs takes, and the log loss of the default weights and of the computed ones on the
 * same history (src/lib/core/srs/loss.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildDeck } from '../../src/lib/server/content';
import { generateBank } from '../../src/lib/server/generate';
import { readContentFiles } from '../../src/lib/server/content-files';
import { optimize, prepare, type FsrsWasm } from '../../src/lib/app/optimize';
import { familiesOf, fiveYearsOfStudy } from './five-years';

export interface OptimizerFigures {
	reviews: number;
	samples: number;
	prepareMs: number;
	trainMs: number;
	lossBefore: number;
	lossAfter: number;
	weights: number[];
}

async function loadWasm(): Promise<FsrsWasm> {
	// wasm-bindgen-rayon's worker helper listens on `self` at import; Node has none, and no threads are started.
	(globalThis as { self?: unknown }).self ??= { addEventListener() {}, removeEventListener() {} };
	const require = createRequire(import.meta.url);
	const fsrs = await import('fsrs-browser');
	fsrs.initSync({ module: readFileSync(require.resolve('fsrs-browser/fsrs_browser_bg.wasm')) });
	return fsrs as unknown as FsrsWasm;
}

export async function benchOptimizer(total = 200_000, years = 5): Promise<OptimizerFigures> {
	const { deck } = buildDeck(readContentFiles());
	const { cards, quiz } = familiesOf(generateBank(deck));
	const log = fiveYearsOfStudy(cards, quiz, total, years, Date.now());
	const wasm = await loadWasm();
	const t0 = performance.now();
	const histories = prepare(log, (at) => new Date(at).toISOString().slice(0, 10));
	const prepareMs = performance.now() - t0;
	// fsrs-rs prints each epoch's loss to the console; the bench reports its own figures.
	const log0 = console.log;
	console.log = () => {};
	try {
		const result = optimize(wasm, histories, null);
		return { reviews: log.length, samples: result.samples, prepareMs, trainMs: result.trainMs, lossBefore: result.lossBefore, lossAfter: result.lossAfter, weights: result.weights };
	} finally {
		console.log = log0;
	}
}
