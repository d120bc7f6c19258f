/**
 * FSRS weights (the 21 parameters of FSRS-6): the defaults, and the check that a set read from
 * storage, a backup or the optimizer is one the scheduler can use. A set is taken or refused
 * whole: a half-repaired set would schedule by weights nobody computed.
 */
import { CLAMP_PARAMETERS, default_w, W17_W18_Ceiling } from 'ts-fsrs';

export type Weights = readonly number[];

/** FSRS-6's defaults, as ts-fsrs ships them (fitted on the open Anki review-log dataset). */
export const DEFAULT_WEIGHTS: Weights = Object.freeze([...default_w]);
export const WEIGHT_COUNT = DEFAULT_WEIGHTS.length;

/**
 * The range of each weight: ts-fsrs's (and fsrs-rs's) clamp with short-term scheduling on, as
 * the app schedules. A tiny slack absorbs the float32 rounding of weights from the optimizer.
 */
const BOUNDS = CLAMP_PARAMETERS(W17_W18_Ceiling, true).map(([min, max]) => ({ min: min!, max: max! }));
const SLACK = 1e-6;

/** Whether `value` is a usable set of FSRS-6 weights (21 finite numbers, each within its range). */
export function isWeights(value: unknown): value is number[] {
	return (
		Array.isArray(value) &&
		value.length === WEIGHT_COUNT &&
		value.every((w, i) => typeof w === 'number' && Number.isFinite(w) && w >= BOUNDS[i]!.min - SLACK && w <= BOUNDS[i]!.max + SLACK)
	);
}

/** Optimizer output (float32) as plain numbers cut to the 4 decimals Anki shows, clamped into range. */
export function roundWeights(raw: ArrayLike<number>): number[] {
	return Array.from(raw, (w, i) => {
		const { min, max } = BOUNDS[i] ?? { min: -Infinity, max: Infinity };
		return Math.min(max, Math.max(min, Math.round(w * 1e4) / 1e4));
	});
}

/** The same weights (or both the defaults)? */
export function sameWeights(a: Weights | null, b: Weights | null): boolean {
	if (a === null || b === null) return a === b;
	return a.length === b.length && a.every((w, i) => w === b[i]);
}
