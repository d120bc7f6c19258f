/**
 * FSRS's own optimizer, compiled to wasm (fsrs-browser), run over the learner's log: pure steps
 * shared by the browser worker and the Node bench. The wasm module is passed in, so this file
 * loads nothing by itself.
 */
import type { Review } from '$lib/core/log';
import { itemHistories, logLoss, optimizerInput, roundWeights, trainingCount, type ItemHistory } from '$lib/core/srs';
import type { OptimizeResult } from './workers/optimizer-protocol';

/** What fsrs-browser exports that we use. */
export interface FsrsWasm {
	Fsrs: new () => {
		computeParameters(ratings: Uint32Array, deltaTs: Uint32Array, lengths: Uint32Array, progress: null, enableShortTerm: boolean): Float32Array;
	};
}

export function prepare(log: readonly Review[], dayOf?: (at: number) => string): ItemHistory[] {
	return itemHistories(log, dayOf);
}

/**
 * Train on the histories and score both sets. Short-term on: the app schedules learning steps
 * within a day, so same-day reviews are in the histories and their weights (w17–w19) are fitted.
 */
export function optimize(
	wasm: FsrsWasm,
	histories: readonly ItemHistory[],
	current: readonly number[] | null,
	onPhase: (phase: 'train' | 'evaluate') => void = () => {},
	now: () => number = () => performance.now()
): OptimizeResult {
	const input = optimizerInput(histories);
	onPhase('train');
	const started = now();
	// computeParameters takes the Rust object by value: it is freed by the call, never by us.
	const raw = new wasm.Fsrs().computeParameters(input.ratings, input.deltaDays, input.lengths, null, true);
	const trainMs = now() - started;
	onPhase('evaluate');
	const weights = roundWeights(raw);
	return {
		weights,
		samples: trainingCount(histories),
		lossBefore: logLoss(histories, current).logLoss,
		lossAfter: logLoss(histories, weights).logLoss,
		trainMs
	};
}
