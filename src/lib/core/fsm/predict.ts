import { machine as rfcMachine, type Machine } from './machine';
import type { Side, Step } from './simulate';
import { hash, rng, shuffle } from '../random';
import { LOOKALIKES, STATES, type State } from './states';
import type { Transition } from './transitions';
import { transitionFamily } from '../ids';

/**
 * Predict mode: before a step of the simulation, which state does the acting side enter? The right
 * answer is the machine's; the wrong ones are states the machine never reaches from there on that
 * event, under any condition.
 */
export interface Prediction {
	side: Side;
	transition: Transition;
	/** Four states (or fewer, if the machine has fewer wrong ones), the right one among them. */
	options: State[];
	answer: State;
	/** The scheduler's item: the family of the matching next_state question. */
	family: string;
}


/** The question for a step, or undefined when the step moves no state machine (a loss, a retransmission, an ignored segment). */
export function predictionFor(step: Step, seed: string, m: Machine = rfcMachine, count = 4): Prediction | undefined {
	const t = step.transition;
	if (!t) return undefined;
	const possible = new Set(m.outcomes(t.from, t.event).map((r) => r.to));
	const neighbours = new Set(m.from(t.from).map((r) => r.to));
	const alike = new Set(LOOKALIKES.filter((g) => g.includes(t.from) || g.includes(t.to)).flat());
	const wrong = [
		...STATES.filter((s) => neighbours.has(s)),
		...STATES.filter((s) => alike.has(s)),
		...STATES
	].filter((s, i, all) => !possible.has(s) && all.indexOf(s) === i);
	// The same step always shows its options in the same order.
	const options = shuffle([t.to, ...wrong.slice(0, count - 1)], rng(hash(seed)));
	return { side: step.side, transition: t, options, answer: t.to, family: transitionFamily(t) };
}

/**
 * What switching predict mode on does to a run in progress. A played-out scenario has nothing
 * left to ask, so it starts over; otherwise the questions begin with the next step (in the
 * builder, the next move picked).
 */
export function onPredictSwitchedOn(shown: number, total: number, building: boolean): 'restart' | 'next_step' {
	return !building && total > 0 && shown >= total ? 'restart' : 'next_step';
}
