import { SCENARIOS, SCENARIO_IDS } from './scenarios';
import { advance, startSimulation, type Endpoint } from './simulate';
import { STATES, type State } from './states';

/** A control segment of ours that can wait for its acknowledgement. */
export type Pending = 'SYN' | 'FIN';

function pending(e: Endpoint): Pending[] {
	const out: Pending[] = [];
	if (e.sndUna === e.iss && e.sndNxt > e.iss) out.push('SYN');
	if (e.finSeq !== undefined && e.sndUna <= e.finSeq) out.push('FIN');
	return out;
}

let byState: Record<State, Set<Pending>> | null = null;

/**
 * What of ours can be unacknowledged in each state, as the machine's own scenarios show it. A
 * question that says "the ACK of our FIN" is only possible in a state where a FIN can be pending.
 * Played through on first use, not at import: every page that imports the machine paid for it.
 */
function pendingByState(): Record<State, Set<Pending>> {
	if (byState) return byState;
	const out = Object.fromEntries(STATES.map((s) => [s, new Set<Pending>()])) as Record<State, Set<Pending>>;
	for (const id of SCENARIO_IDS) {
		let sim = startSimulation();
		for (const move of SCENARIOS[id]) {
			sim = advance(sim, move).sim;
			for (const e of [sim.A, sim.B]) for (const p of pending(e)) out[e.state].add(p);
		}
	}
	return (byState = out);
}

export function pendingIn(state: State): ReadonlySet<Pending> {
	return pendingByState()[state];
}
