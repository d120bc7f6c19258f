/**
 * The review log as FSRS training data, the way Anki feeds fsrs-rs (rslib/src/scheduler/fsrs/
 * params.rs, `reviews_for_fsrs`): per item, every graded review in order with the days since the
 * previous one (the first review's gap is 0; a same-day review's is 0, counted by the learner's
 * local day as the app counts days), and one training sample per review after the first: the
 * history up to it, whose last rating says whether the item was recalled. Samples whose last
 * review fell on the same day as the one before are left out, as Anki leaves them out: a review
 * minutes later tests short-term memory, not the forgetting curve.
 *
 * What counts is what schedules: undone reviews are gone (effectiveReviews), cram practice and
 * ungraded records are skipped, and a quiz answer has the grade the scheduler gives it (gradeOf).
 */
import { localDay } from '../log/day';
import { effectiveReviews, type Review } from '../log/review';
import { gradeOf } from './grade';

/** One item's graded reviews: ratings 1–4 and the whole days since the previous review. */
export interface ItemHistory {
	ratings: number[];
	deltaDays: number[];
}

/**
 * Samples needed before the optimizer is offered: Anki's threshold. Anki computes parameters
 * from any number, but below 400 samples (`fsrs_items`, counted exactly as `trainingCount`
 * counts) its deck options warn that the history is too short to trust them (Anki 23.10 asked
 * for 1,000, later lowered to 400; rslib/src/scheduler/fsrs/params.rs, `compute_params`).
 * fsrs-rs itself returns the defaults below 8 samples and only the first-review stabilities
 * below 64.
 */
export const MIN_TRAINING_SAMPLES = 400;

/** fsrs-rs trains on histories of at most this many reviews (`TrainingConfig.max_seq_len`). */
export const MAX_SEQUENCE = 64;

const DAY = 86_400_000;
/** A local day (YYYY-MM-DD) as a whole number of days, so gaps count calendar days. */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);

/** Every item's history from the log, in the log's (at, id) order; items reviewed once included. */
export function itemHistories(log: readonly Review[], dayOf: (at: number) => string = localDay): ItemHistory[] {
	const byItem = new Map<string, ItemHistory & { lastDay: number }>();
	for (const review of effectiveReviews(log)) {
		const grade = gradeOf(review);
		if (review.cram || grade === null) continue;
		const day = dayNumber(dayOf(review.at));
		const history = byItem.get(review.itemId);
		if (!history) {
			byItem.set(review.itemId, { ratings: [grade], deltaDays: [0], lastDay: day });
			continue;
		}
		history.ratings.push(grade);
		history.deltaDays.push(Math.max(0, day - history.lastDay));
		history.lastDay = day;
	}
	return [...byItem.values()].map(({ ratings, deltaDays }) => ({ ratings, deltaDays }));
}

/** Training samples a history gives: its reviews after the first that came on a later day. */
export function samplesIn(history: ItemHistory): number {
	let count = 0;
	for (let i = 1; i < history.deltaDays.length; i++) if (history.deltaDays[i]! > 0) count++;
	return count;
}

export const trainingCount = (histories: readonly ItemHistory[]): number =>
	histories.reduce((sum, h) => sum + samplesIn(h), 0);

/** fsrs-browser's `computeParameters` input: each sample's reviews laid end to end. */
export interface OptimizerInput {
	ratings: Uint32Array;
	deltaDays: Uint32Array;
	/** Reviews in each sample. */
	lengths: Uint32Array;
}

/**
 * The samples as flat arrays. Samples longer than MAX_SEQUENCE reviews are left out here:
 * fsrs-rs would drop them anyway, and each costs memory in proportion to its length.
 */
export function optimizerInput(histories: readonly ItemHistory[]): OptimizerInput {
	let samples = 0;
	let reviews = 0;
	for (const h of histories)
		for (let i = 1; i < Math.min(h.ratings.length, MAX_SEQUENCE); i++)
			if (h.deltaDays[i]! > 0) {
				samples++;
				reviews += i + 1;
			}
	const input: OptimizerInput = { ratings: new Uint32Array(reviews), deltaDays: new Uint32Array(reviews), lengths: new Uint32Array(samples) };
	let at = 0;
	let n = 0;
	for (const h of histories)
		for (let i = 1; i < Math.min(h.ratings.length, MAX_SEQUENCE); i++) {
			if (h.deltaDays[i]! === 0) continue;
			input.ratings.set(h.ratings.slice(0, i + 1), at);
			input.deltaDays.set(h.deltaDays.slice(0, i + 1), at);
			input.lengths[n++] = i + 1;
			at += i + 1;
		}
	return input;
}

/**
 * prepare: the log into training samples; load: the optimizer's code and wasm (fetched once, then
 * from the service worker's cache); train: fsrs-rs at work — one synchronous call that cannot
 * report its own progress without cross-origin isolation; evaluate: the log loss of both sets.
 */
export type OptimizePhase = 'prepare' | 'load' | 'train' | 'evaluate';
