import { machine as rfcMachine, type Machine } from './machine';
import { advance, startSimulation, type Move, type Side, type Sim } from './simulate';
import type { State } from './states';

/**
 * Where a scenario can begin with the connection already open: after the first moves that leave
 * both ends ESTABLISHED with nothing in flight. Found by running the machine, never written down,
 * so a change to a scenario's handshake moves it too.
 */
export interface Shortcut {
	/** How many leading moves it folds into the starting point. */
	skip: number;
	/** The simulation at that point: the sequence numbers carry on from the handshake. */
	sim: Sim;
	states: Record<Side, State>;
}

/** The shortcut past the handshake, or undefined when the connection never opens or nothing follows it. */
export function establishedStart(moves: readonly Move[], m: Machine = rfcMachine): Shortcut | undefined {
	let sim = startSimulation();
	for (let i = 0; i < moves.length; i++) {
		sim = advance(sim, moves[i]!, m).sim;
		if (sim.A.state === 'ESTABLISHED' && sim.B.state === 'ESTABLISHED' && sim.network.length === 0) {
			return i + 1 < moves.length ? { skip: i + 1, sim, states: { A: 'ESTABLISHED', B: 'ESTABLISHED' } } : undefined;
		}
	}
	return undefined;
}
