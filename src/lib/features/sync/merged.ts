/**
 * Which batches' reviews are already in this device's log, as ranges of counters per device: a
 * first sync's 400 batches (or years of one-answer batches) are one range, so the record a page
 * load reads to skip them stays a few bytes.
 */
import { parseBatchId } from './batches';

/** Per device, sorted disjoint inclusive ranges [first, last] of batch counters. */
export type MergedBatches = Record<string, [number, number][]>;

export function hasBatch(merged: MergedBatches, id: string): boolean {
	const b = parseBatchId(id);
	return !!b && (merged[b.device] ?? []).some(([first, last]) => b.counter >= first && b.counter <= last);
}

/** Add a batch (in place); ids that are not batch ids are ignored. */
export function addBatch(merged: MergedBatches, id: string): void {
	const b = parseBatchId(id);
	if (!b) return;
	const ranges = (merged[b.device] ??= []);
	const c = b.counter;
	let i = 0;
	while (i < ranges.length && ranges[i]![1] < c - 1) i++;
	const at = ranges[i];
	if (!at || at[0] > c + 1) ranges.splice(i, 0, [c, c]);
	else {
		at[0] = Math.min(at[0], c);
		at[1] = Math.max(at[1], c);
		// Filling a gap joins this range with the next.
		const next = ranges[i + 1];
		if (next && next[0] <= at[1] + 1) {
			at[1] = Math.max(at[1], next[1]);
			ranges.splice(i + 1, 1);
		}
	}
}

/** A stored value, checked: anything malformed counts as nothing merged (a full catch-up, never a skipped batch). */
export function mergedFrom(value: unknown): MergedBatches {
	const out: MergedBatches = {};
	if (typeof value !== 'object' || value === null) return out;
	for (const [device, ranges] of Object.entries(value)) {
		if (!Array.isArray(ranges)) return {};
		for (const r of ranges) {
			if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => Number.isSafeInteger(n) && n >= 0) || r[0] > r[1]) return {};
		}
		out[device] = (ranges as [number, number][]).map(([a, b]): [number, number] => [a, b]).sort((x, y) => x[0] - y[0]);
	}
	return out;
}
