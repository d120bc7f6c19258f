import { SCENARIOS, type ScenarioId } from './scenarios';
import { simulate, stateTrace, type Side } from './simulate';
import { STATES, type State } from './states';

/**
 * Who passes through a state, derived from the machine's own simulations rather than written down.
 * Opening roles are read from the states before ESTABLISHED, closing roles from those after it.
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

/** A side's states in one scenario, split at ESTABLISHED (first and last CLOSED left out). */
function phases(scenario: ScenarioId, side: Side) {
	const trace = stateTrace(simulate(SCENARIOS[scenario]), side);
	const established = trace.indexOf('ESTABLISHED');
	const end = trace.at(-1) === 'CLOSED' ? -1 : undefined;
	return { all: trace, opening: trace.slice(1, established), closing: trace.slice(established + 1, end) };
}

/**
 * Each role and the runs that show it: client or server closing first (the ordinary open, A
 * connects and B listens), both opening at once, both closing at once.
 */
function passes(role: Role, state: State): boolean {
	const closers: [ScenarioId, Side, Side][] = [
		['client_closes_first', 'A', 'B'],
		['server_closes_first', 'B', 'A']
	];
	switch (role) {
		case 'both':
			// In every connection, on both sides: every complete run passes it.
			return (['client_closes_first', 'server_closes_first', 'simultaneous_close', 'simultaneous_open'] as const).every((id) =>
				(['A', 'B'] as const).every((side) => phases(id, side).all.includes(state))
			);
		case 'active_opener':
			return closers.some(([id]) => phases(id, 'A').opening.includes(state));
		case 'passive_opener':
			return closers.some(([id]) => phases(id, 'B').opening.includes(state));
		case 'active_closer':
			return closers.some(([id, first]) => phases(id, first).closing.includes(state));
		case 'passive_closer':
			return closers.some(([id, , second]) => phases(id, second).closing.includes(state));
		case 'simultaneous_open': {
			// Both sides pass it when they open at once, but not both in an ordinary open.
			const both = (['A', 'B'] as const).every((side) => phases('simultaneous_open', side).opening.includes(state));
			const ordinary = closers.every(([id]) => phases(id, 'A').opening.includes(state) && phases(id, 'B').opening.includes(state));
			return both && !ordinary;
		}
		case 'simultaneous_close': {
			const both = (['A', 'B'] as const).every((side) => phases('simultaneous_close', side).closing.includes(state));
			const ordinary = closers.some(([id]) => phases(id, 'A').closing.includes(state) && phases(id, 'B').closing.includes(state));
			return both && !ordinary;
		}
	}
}

/**
 * Each state's roles, worked out on first use: that plays every scenario for every state and role
 * (~10 ms of a cold phone-class page), which a page importing this module for something else — home,
 * through the leech list — should not pay while it loads.
 */
let rolesByState: Record<State, Role[]> | null = null;
const rolesTable = () => (rolesByState ??= Object.fromEntries(STATES.map((s) => [s, ROLES.filter((r) => passes(r, s))])) as Record<State, Role[]>);

/** Every role that passes through the state: all of them are right answers to "who passes through it". */
export function rolesOf(state: State): Role[] {
	return rolesTable()[state];
}

/** The role of an ordinary connection (the first of `rolesOf`): where the diagram draws the state. */
export function roleOf(state: State): Role {
	return rolesTable()[state][0]!;
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
