/** Messages between /settings and the optimizer worker (optimizer.worker.ts). */
import type { Review, ZoneChange } from '$lib/core/log';
import type { OptimizePhase } from '$lib/core/srs/training';

export interface OptimizeRequest {
	/** count: only the training samples the log holds (for a big log, off the page's thread). */
	kind: 'count' | 'optimize';
	/**
	 * The log, or null: the worker reads it from IndexedDB itself (a big log: posting five years of
	 * reviews held the page's thread ~240 ms). Answers the page could not write yet are not in that one.
	 */
	log: Review[] | null;
	/** Settings.zones: days are counted where the learner lived them. */
	zones: ZoneChange[];
	/** The weights in use now (null: the defaults), to compare against. */
	current: number[] | null;
	/** fsrs-browser's wasm, the page's copy: the one the service worker keeps for offline use. */
	wasm: string;
}

export type { OptimizePhase };

export interface OptimizeResult {
	weights: number[];
	/** Training samples (reviews on a later day than the item's previous one). */
	samples: number;
	/** Log loss of the weights in use and of the computed ones on the same history. */
	lossBefore: number;
	lossAfter: number;
	/** Time in fsrs-rs alone, ms. */
	trainMs: number;
}

export type OptimizeReply =
	| { kind: 'count'; samples: number }
	| { kind: 'phase'; phase: OptimizePhase; fraction: number }
	| { kind: 'done'; result: OptimizeResult }
	| { kind: 'error'; message: string };
