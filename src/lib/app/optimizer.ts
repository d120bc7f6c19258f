/**
 * The page's side of the optimizer: one run in a fresh worker, cancelled by ending the worker
 * (fsrs-rs's training is one synchronous call; nothing else can stop it).
 */
import type { Review, ZoneRecord } from '$lib/progress';
import type { OptimizePhase, OptimizeReply, OptimizeResult } from './optimizer-protocol';

export type { OptimizePhase, OptimizeResult };

export interface OptimizerRun {
	result: Promise<OptimizeResult>;
	cancel(): void;
}

export class OptimizeCancelled extends Error {
	override name = 'OptimizeCancelled';
}

export function runOptimizer(
	log: Review[],
	zones: ZoneRecord[],
	current: number[] | null,
	onPhase: (phase: OptimizePhase, fraction: number) => void
): OptimizerRun {
	const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
	let settle: { reject: (e: Error) => void } | null = null;
	const result = new Promise<OptimizeResult>((resolve, reject) => {
		settle = { reject };
		worker.onmessage = (event: MessageEvent<OptimizeReply>) => {
			const m = event.data;
			if (m.kind === 'phase') return onPhase(m.phase, m.fraction);
			worker.terminate();
			if (m.kind === 'done') resolve(m.result);
			else reject(new Error(m.message));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			reject(new Error(event.message || 'the optimizer could not start'));
		};
	});
	worker.postMessage({ log, zones, current });
	return {
		result,
		cancel() {
			worker.terminate();
			settle?.reject(new OptimizeCancelled());
		}
	};
}
