import { SCENARIOS } from './scenarios';
import { simulate, stateTrace, type Side } from './simulate';
import type { State } from './states';

/**
 * Who passes through a state, derived from the machine's own simulations rather than written down:
 * in an ordinary connection A opens actively and closes first, B listens and closes second.
 */
export const ROLES = [
	'both',
	'active_opener',
	'passive_opener',
	'active_closer',
	'passive_closer',
	'simultaneous_open',
	'simultaneous_close'
] as const;
export type Role = (typeof ROLES)[number];

function phases(side: Side) {
	const trace = stateTrace(simulate(SCENARIOS.client_closes_first), side);
	const established = trace.indexOf('ESTABLISHED');
	return { opening: trace.slice(1, established), closing: trace.slice(established + 1, -1) };
}

export function roleOf(state: State): Role {
	const a = phases('A');
	const b = phases('B');
	const inA = [...a.opening, ...a.closing].includes(state);
	const inB = [...b.opening, ...b.closing].includes(state);
	if (state === 'CLOSED' || state === 'ESTABLISHED' || (inA && inB)) return 'both';
	if (a.opening.includes(state)) return 'active_opener';
	if (b.opening.includes(state)) return 'passive_opener';
	if (a.closing.includes(state)) return 'active_closer';
	if (b.closing.includes(state)) return 'passive_closer';
	const inClose = stateTrace(simulate(SCENARIOS.simultaneous_close), 'A').includes(state);
	return inClose ? 'simultaneous_close' : 'simultaneous_open';
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
