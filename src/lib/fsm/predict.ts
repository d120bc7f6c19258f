import { machine as rfcMachine, type Machine } from './machine';
import type { Side, Step } from './simulate';
import { STATES, type State } from './states';
import type { Transition } from './transitions';

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

/** The family of questions about one row of the table (as the quiz bank names it). */
export const transitionFamily = (t: Pick<Transition, 'from' | 'event' | 'cond'>) =>
	`t:${t.from}:${t.event}${t.cond ? `:${t.cond}` : ''}`;

/** Names that are easy to confuse: a wrong answer among them teaches something. */
const LOOKALIKES: State[][] = [
	['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSE_WAIT'],
	['CLOSE_WAIT', 'CLOSING', 'CLOSED', 'LAST_ACK'],
	['SYN_SENT', 'SYN_RECEIVED', 'LISTEN', 'ESTABLISHED']
];

/** A small deterministic hash, so the same step always shows its options in the same order. */
function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

function shuffled<T>(items: T[], seed: string): T[] {
	const out = [...items];
	let h = hash(seed);
	for (let i = out.length - 1; i > 0; i--) {
		h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
		const j = h % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
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
	const options = shuffled([t.to, ...wrong.slice(0, count - 1)], seed);
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
