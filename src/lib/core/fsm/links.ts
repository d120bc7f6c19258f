import { isCondition, isEvent } from './events';
import { machine } from './machine';
import { isState, type State } from './states';
import type { Transition } from './transitions';
import { parseFamily } from '../ids';

/** What a question says about itself that tells where to see it move (a structural slice of the quiz's Question). */
export interface AboutQuestion {
	family: string;
	fsm?: { from: State; event: string; cond?: string };
	subject?: Record<string, string | number>;
}

export type SeeItLink = `/fsm?${string}` | `/simulate?${string}` | `/capture?${string}`;

/**
 * Where a question's explanation can send the learner: the transition on the diagram for questions
 * about a row of the table, the recording for questions about a real capture (whatever state they ask
 * about, the packets are what the learner misread), the arrow for "which event", the state for
 * questions about a state, the scenario in the simulator for orderings. Undefined for questions with
 * nothing to show moving.
 */
export function seeItMove(q: AboutQuestion): SeeItLink | undefined {
	if (q.fsm) {
		const cond = q.fsm.cond ? `&cond=${q.fsm.cond}` : '';
		return `/fsm?state=${q.fsm.from}&event=${q.fsm.event}${cond}`;
	}
	const capture = q.subject?.capture;
	if (typeof capture === 'string') return `/capture?id=${encodeURIComponent(capture)}`;
	const f = parseFamily(q.family);
	if (f?.kind === 'pair' && isState(f.from) && isState(f.to)) return `/fsm?state=${f.from}&to=${f.to}`;
	if ((f?.kind === 'state' || f?.kind === 'diagnosis') && isState(f.state)) return `/fsm?state=${f.state}`;
	const scenario = q.subject?.scenario;
	if (typeof scenario === 'string') return `/simulate?scenario=${scenario}`;
	return undefined;
}

/** The transition a diagram link names (state + event [+ cond]), if the machine has it. */
export function linkedTransition(state: State, event: string | null, cond: string | null): Transition | undefined {
	if (!event || !isEvent(event)) return undefined;
	const rows = machine.outcomes(state, event);
	if (cond && isCondition(cond)) return rows.find((t) => t.cond === cond);
	return rows.length === 1 ? rows[0] : undefined;
}
