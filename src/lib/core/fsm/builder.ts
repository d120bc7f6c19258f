import { machine as rfcMachine, type Machine } from './machine';
import { advance, other, SimulationError, startSimulation, type AppEvent, type Move, type Side, type Sim, type Step, type Wire } from './simulate';

/** The application calls a learner can make, in the order the builder offers them. */
export const APP_MOVES: readonly AppEvent[] = ['passive_open', 'active_open', 'send', 'close', 'abort'];

export interface Choice {
	side: Side;
	move: Move;
	/** The segment a delivery or a loss acts on. */
	wire?: Wire;
	/** Delivered before an older segment still in flight to the same side. */
	overtakes?: boolean;
}

/** Replay moves from two closed endpoints: the simulation reached and the steps taken. */
export function replay(moves: readonly Move[], m: Machine = rfcMachine): { sim: Sim; steps: Step[] } {
	let sim = startSimulation();
	const steps = moves.map((move) => {
		const r = advance(sim, move, m);
		sim = r.sim;
		return r.step;
	});
	return { sim, steps };
}

const possible = (sim: Sim, move: Move, m: Machine) => {
	try {
		advance(sim, move, m);
		return true;
	} catch (e) {
		if (e instanceof SimulationError) return false;
		throw e;
	}
};

/**
 * Every move that can happen now, side by side: the application calls the machine has a transition
 * for, each kind of segment in flight delivered or lost (the oldest first; a younger one overtaking),
 * a retransmission when something is unacknowledged, and the 2MSL timer or the user timeout where
 * the machine has one for this state (and its condition holds).
 */
export function possibleMoves(sim: Sim, m: Machine = rfcMachine): Choice[] {
	const out: Choice[] = [];
	for (const side of ['A', 'B'] as const) {
		const state = sim[side].state;
		for (const event of APP_MOVES) if (m.outcomes(state, event).length > 0) out.push({ side, move: { kind: 'app', side, event } });
		const inbound = sim.network.filter((w) => w.from === other(side));
		const flags = [...new Set(inbound.map((w) => w.flag))];
		for (const kind of ['deliver', 'lose'] as const) {
			flags.forEach((flag, i) => {
				const wire = inbound.find((w) => w.flag === flag)!;
				const move: Move = i === 0 ? { kind, to: side } : { kind, to: side, flag };
				out.push(i === 0 ? { side, move, wire } : { side, move, wire, overtakes: true });
			});
		}
		const retransmit: Move = { kind: 'retransmit', side };
		if (possible(sim, retransmit, m)) out.push({ side, move: retransmit });
		const timer: Move = { kind: 'timeout', side };
		if (possible(sim, timer, m)) out.push({ side, move: timer });
	}
	return out;
}
