/**
 * How well a set of weights predicts a learner's own history: the log loss (binary cross-entropy)
 * of the FSRS forgetting curve, the quantity fsrs-rs minimises. Each item's reviews are replayed
 * through the FSRS memory model with the given weights; before every training sample (a review on
 * a later day than the one before, see training.ts) the model's recall probability R is compared
 * with what happened: recalled (Hard, Good, Easy) or forgotten (Again). Lower is better; always
 * predicting 50% scores ln 2 ≈ 0.693.
 */
import { DEFAULT_WEIGHTS, type Weights } from './weights';
import { schedulerFor } from './schedule';
import type { ItemHistory } from './training';

/** R is kept inside (ε, 1 − ε) so one confident miss cannot make the loss infinite. */
const EPSILON = 1e-6;

export interface LossResult {
	/** Mean log loss per sample; NaN when there are none. */
	logLoss: number;
	samples: number;
}

export function logLoss(histories: readonly ItemHistory[], weights: Weights | null): LossResult {
	const model = schedulerFor(0.9, weights ?? DEFAULT_WEIGHTS);
	let total = 0;
	let samples = 0;
	for (const { ratings, deltaDays } of histories) {
		let memory = model.next_state(null, 0, ratings[0]!);
		for (let i = 1; i < ratings.length; i++) {
			const t = deltaDays[i]!;
			const rating = ratings[i]!;
			if (t > 0) {
				const r = Math.min(1 - EPSILON, Math.max(EPSILON, model.forgetting_curve(t, memory.stability)));
				total -= rating > 1 ? Math.log(r) : Math.log(1 - r);
				samples++;
			}
			memory = model.next_state(memory, t, rating);
		}
	}
	return { logLoss: samples > 0 ? total / samples : NaN, samples };
}
