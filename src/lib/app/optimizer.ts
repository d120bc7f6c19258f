/**
 * The page's side of the optimizer: one run in a fresh worker, cancelled by ending the worker
 * (fsrs-rs's training is one synchronous call; nothing else can stop it).
 */
import { learnerDay } from '$lib/features/game/days';
import type { Review, ZoneChange } from '$lib/core/log';
import { itemHistories, trainingCount } from '$lib/core/srs';
import { BIG_LOG } from './summary-source';
import type { OptimizePhase, OptimizeReply, OptimizeRequest, OptimizeResult } from './workers/optimizer-protocol';

export type { OptimizePhase, OptimizeResult };

export interface OptimizerRun {
	result: Promise<OptimizeResult>;
	cancel(): void;
}

export class OptimizeCancelled extends Error {
	override name = 'OptimizeCancelled';
}

import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import workerUrl from './workers/optimizer.worker.ts?worker&url';

const startWorker = () => new Worker(workerUrl, { type: 'module' });

/** The files a run needs, for the service worker to keep for offline use (nothing is fetched here). */
export function optimizerFiles(): string[] {
	return [workerUrl, wasmUrl].map((url) => new URL(url, location.href).pathname);
}

/**
 * What a request carries of the log: a big one (BIG_LOG) is read by the worker from IndexedDB when
 * there is a store (`stored`), not posted: copying five years of reviews to it held the page ~240 ms.
 */
const posted = (log: Review[], stored: boolean): Review[] | null => (stored && log.length > BIG_LOG ? null : log);

/**
 * Training samples in the log (see trainingCount): here for a small log, in the worker (its script,
 * not the wasm) for a big one, whose replay takes seconds.
 */
export function countSamples(log: Review[], zones: ZoneChange[], stored: boolean): Promise<number> {
	if (log.length <= BIG_LOG) return Promise.resolve(trainingCount(itemHistories(log, learnerDay(zones))));
	const worker = startWorker();
	return new Promise<number>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<OptimizeReply>) => {
			worker.terminate();
			if (event.data.kind === 'count') resolve(event.data.samples);
			else reject(new Error(event.data.kind === 'error' ? event.data.message : 'unexpected reply'));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			reject(new Error(event.message || 'the optimizer could not start'));
		};
		worker.postMessage({ kind: 'count', log: posted(log, stored), zones, current: null, wasm: wasmUrl } satisfies OptimizeRequest);
	});
}

export function runOptimizer(
	log: Review[],
	zones: ZoneChange[],
	current: number[] | null,
	onPhase: (phase: OptimizePhase, fraction: number) => void,
	stored: boolean
): OptimizerRun {
	const worker = startWorker();
	let settle: { reject: (e: Error) => void } | null = null;
	const result = new Promise<OptimizeResult>((resolve, reject) => {
		settle = { reject };
		worker.onmessage = (event: MessageEvent<OptimizeReply>) => {
			const m = event.data;
			if (m.kind === 'phase') return onPhase(m.phase, m.fraction);
			worker.terminate();
			if (m.kind === 'done') resolve(m.result);
			else reject(new Error(m.kind === 'error' ? m.message : 'unexpected reply'));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			reject(new Error(event.message || 'the optimizer could not start'));
		};
	});
	worker.postMessage({ kind: 'optimize', log: posted(log, stored), zones, current, wasm: wasmUrl } satisfies OptimizeRequest);
	return {
		result,
		cancel() {
			worker.terminate();
			settle?.reject(new OptimizeCancelled());
		}
	};
}
