import type { Condition, Event, Segment } from './events';
import { machine as rfcMachine, type Machine } from './machine';
import type { State } from './states';
import type { Transition } from './transitions';

/**
 * Two endpoints talking over a network that can hold, reorder and lose segments. The simulation
 * only moves the network and the applications; every change of state comes from the machine.
 * A is the client (it connects), B the server (it listens).
 */
export type Side = 'A' | 'B';
export type Flag = Exclude<Segment, 'none'>;

export interface Wire {
	id: number;
	from: Side;
	flag: Flag;
	seq: number;
	ack?: number;
	/** Bytes of application data carried (they occupy sequence space). */
	len: number;
}

export type AppEvent = Extract<Event, 'passive_open' | 'active_open' | 'send' | 'close' | 'abort'>;

export type Move =
	| { kind: 'app'; side: Side; event: AppEvent }
	/** Deliver the oldest segment in flight to `to` (the oldest of kind `flag`, if given). */
	| { kind: 'deliver'; to: Side; flag?: Flag }
	| { kind: 'lose'; to: Side; flag?: Flag }
	/** The retransmission timer fires (`retransmit`): resend the unacknowledged SYN, SYN-ACK or FIN. */
	| { kind: 'retransmit'; side: Side }
	/** The 2MSL timer in TIME_WAIT (`timeout_2msl`), the user timeout elsewhere (`user_timeout`). */
	| { kind: 'timeout'; side: Side };

export interface Endpoint {
	state: State;
	iss: number;
	sndUna: number;
	sndNxt: number;
	rcvNxt: number;
	/** Sequence number of our FIN, once sent. */
	finSeq?: number;
	/** How SYN_RECEIVED was reached, which decides where a RST leads. */
	openedFrom?: Extract<Condition, 'from_listen' | 'from_syn_sent'>;
}

export interface Sim {
	A: Endpoint;
	B: Endpoint;
	/** Segments in flight, oldest first. */
	network: Wire[];
	nextWireId: number;
}

export interface Step {
	move: Move;
	/** The endpoint that acted or received. */
	side: Side;
	event?: Event;
	cond?: Condition;
	transition?: Transition;
	received?: Wire;
	sent?: Wire;
	lost?: Wire;
	/** Why nothing changed: a segment that the receiving state ignores, data, or a retransmission. */
	note?: 'ignored' | 'data' | 'retransmitted';
	states: Record<Side, State>;
}

export class SimulationError extends Error {}

const ISS: Record<Side, number> = { A: 100, B: 300 };
const DATA_BYTES = 100;

export const other = (side: Side): Side => (side === 'A' ? 'B' : 'A');

function endpoint(side: Side): Endpoint {
	return { state: 'CLOSED', iss: ISS[side], sndUna: ISS[side], sndNxt: ISS[side], rcvNxt: 0 };
}

export function startSimulation(): Sim {
	return { A: endpoint('A'), B: endpoint('B'), network: [], nextWireId: 1 };
}

const statesOf = (sim: Sim): Record<Side, State> => ({ A: sim.A.state, B: sim.B.state });

const ownFinUnacked = (e: Endpoint) => e.finSeq !== undefined && e.sndUna <= e.finSeq;

/** What an arriving segment means to the receiver, in the machine's vocabulary. */
function classify(e: Endpoint, w: Wire): { event?: Event; cond?: Condition } {
	const acksNew = w.ack !== undefined && w.ack > e.sndUna && w.ack <= e.sndNxt;
	const acksOurFin = w.ack !== undefined && ownFinUnacked(e) && w.ack > e.finSeq!;
	switch (w.flag) {
		case 'RST': {
			// A RST counts only if it names what we expect (RFC 9293 §3.10.7.3, §3.10.7.4; RFC 5961).
			const acceptable =
				e.state === 'SYN_SENT' ? w.ack === e.sndNxt : e.state === 'LISTEN' || e.state === 'CLOSED' || w.seq === e.rcvNxt;
			if (!acceptable) return {};
			// In TIME_WAIT, Linux's default (tcp_rfc1337 = 0) is what runs.
			if (e.state === 'TIME_WAIT') return { event: 'recv_rst', cond: 'rfc1337_off' };
			return { event: 'recv_rst', cond: e.state === 'SYN_RECEIVED' ? e.openedFrom : undefined };
		}
		case 'SYN':
			return { event: 'recv_syn' };
		case 'SYN_ACK':
			// In SYN_RECEIVED what decides is how it was reached (RFC 9293 §3.10.7.4, the SYN bit).
			if (e.state === 'SYN_RECEIVED') return { event: 'recv_syn_ack', cond: e.openedFrom };
			return { event: 'recv_syn_ack', cond: acksNew ? 'ack_acceptable' : 'ack_unacceptable' };
		case 'FIN':
			return acksOurFin
				? { event: 'recv_fin_ack' }
				: { event: 'recv_fin', cond: ownFinUnacked(e) ? 'own_fin_unacked' : undefined };
		case 'ACK':
			if (e.state === 'SYN_RECEIVED')
				return { event: 'recv_ack', cond: acksNew ? 'ack_acceptable' : 'ack_unacceptable' };
			if (acksOurFin || e.state === 'CLOSED' || e.state === 'LISTEN') return { event: 'recv_ack' };
			return {};
	}
}

/** Fold the arriving segment's sequence numbers into the receiver's variables. */
function absorb(e: Endpoint, w: Wire): Endpoint {
	const next = { ...e };
	if (w.flag === 'SYN' || w.flag === 'SYN_ACK') next.rcvNxt = w.seq + 1;
	else if (w.seq === e.rcvNxt) next.rcvNxt = w.seq + w.len + (w.flag === 'FIN' ? 1 : 0);
	if (w.ack !== undefined && w.ack > e.sndUna && w.ack <= e.sndNxt) next.sndUna = w.ack;
	return next;
}

function wire(sim: Sim, from: Side, flag: Flag, seq: number, ack: number | undefined, len = 0): Wire {
	return ack === undefined
		? { id: sim.nextWireId, from, flag, seq, len }
		: { id: sim.nextWireId, from, flag, seq, ack, len };
}

/** Build the segment a transition sends and advance the sender's variables. */
function emit(sim: Sim, side: Side, e: Endpoint, send: Segment, cause?: Wire, data = false) {
	const synced = e.rcvNxt !== 0 ? e.rcvNxt : undefined;
	switch (send) {
		case 'none':
			return { e, w: undefined };
		case 'SYN':
			return { e: { ...e, sndNxt: e.iss + 1 }, w: wire(sim, side, 'SYN', e.iss, undefined) };
		case 'SYN_ACK':
			return { e: { ...e, sndNxt: e.iss + 1 }, w: wire(sim, side, 'SYN_ACK', e.iss, e.rcvNxt) };
		case 'ACK': {
			const len = data ? DATA_BYTES : 0;
			return { e: { ...e, sndNxt: e.sndNxt + len }, w: wire(sim, side, 'ACK', e.sndNxt, synced, len) };
		}
		case 'FIN':
			return {
				e: { ...e, finSeq: e.sndNxt, sndNxt: e.sndNxt + 1 },
				w: wire(sim, side, 'FIN', e.sndNxt, synced)
			};
		case 'RST': {
			// RFC 9293 §3.10.7.1: answer an ACK with <SEQ=SEG.ACK>, anything else with SEQ 0 and an ACK.
			if (cause?.ack !== undefined) return { e, w: wire(sim, side, 'RST', cause.ack, undefined) };
			const ack = cause ? cause.seq + cause.len + (cause.flag === 'SYN' || cause.flag === 'FIN' ? 1 : 0) : synced;
			return { e, w: wire(sim, side, 'RST', cause ? 0 : e.sndNxt, ack) };
		}
	}
}

function pickInFlight(sim: Sim, to: Side, flag?: Flag): number {
	return sim.network.findIndex((w) => w.from === other(to) && (flag === undefined || w.flag === flag));
}

function transit(
	sim: Sim,
	m: Machine,
	side: Side,
	event: Event,
	cond: Condition | undefined,
	move: Move,
	received?: Wire
): { sim: Sim; step: Step } {
	const e = sim[side];
	const outcome = m.next(e.state, event, cond);
	if (!outcome) {
		const note = received && received.len > 0 ? 'data' : 'ignored';
		return { sim, step: { move, side, event, cond, received, note, states: statesOf(sim) } };
	}
	const moved: Endpoint = { ...e, state: outcome.to };
	if (outcome.to === 'SYN_RECEIVED' && e.state !== 'SYN_RECEIVED')
		moved.openedFrom = e.state === 'SYN_SENT' ? 'from_syn_sent' : 'from_listen';
	// The segment is built from the connection's variables before a close forgets them (a RST
	// from abort carries SND.NXT, RFC 9293 §3.10.5).
	const { e: sent, w } = emit(sim, side, moved, outcome.send, received, event === 'send');
	const after = outcome.to === 'CLOSED' || outcome.to === 'LISTEN' ? { ...endpoint(side), state: outcome.to } : sent;
	const next: Sim = {
		...sim,
		[side]: after,
		network: w ? [...sim.network, w] : sim.network,
		nextWireId: sim.nextWireId + (w ? 1 : 0)
	};
	const step: Step = { move, side, event, transition: outcome.transition, received, states: statesOf(next) };
	if (cond) step.cond = cond;
	if (w) step.sent = w;
	return { sim: next, step };
}

/** Apply one move. Pure: returns a new simulation and the step it produced. */
export function advance(sim: Sim, move: Move, m: Machine = rfcMachine): { sim: Sim; step: Step } {
	switch (move.kind) {
		case 'app':
			return transit(sim, m, move.side, move.event, undefined, move);
		case 'timeout': {
			const e = sim[move.side];
			if (e.state === 'TIME_WAIT') return transit(sim, m, move.side, 'timeout_2msl', undefined, move);
			const rows = m.outcomes(e.state, 'user_timeout');
			// Where the machine's user timeout needs unacknowledged data, it fires only if there is some.
			const cond = rows.some((t) => t.cond === 'data_unacked') ? (e.sndUna < e.sndNxt ? 'data_unacked' : undefined) : undefined;
			if (rows.length === 0 || (rows.every((t) => t.cond) && !cond))
				throw new SimulationError(`${move.side} has no timer that ends ${e.state}`);
			return transit(sim, m, move.side, 'user_timeout', cond, move);
		}
		case 'deliver':
		case 'lose': {
			const i = pickInFlight(sim, move.to, move.flag);
			if (i < 0) throw new SimulationError(`no ${move.flag ?? 'segment'} in flight to ${move.to}`);
			const w = sim.network[i]!;
			const rest = { ...sim, network: sim.network.filter((_, j) => j !== i) };
			if (move.kind === 'lose') {
				return { sim: rest, step: { move, side: move.to, lost: w, states: statesOf(sim) } };
			}
			const receiver = sim[move.to];
			const { event, cond } = classify(receiver, w);
			const absorbed = { ...rest, [move.to]: absorb(receiver, w) };
			if (!event) {
				const note = w.len > 0 ? 'data' : 'ignored';
				return { sim: absorbed, step: { move, side: move.to, received: w, note, states: statesOf(absorbed) } };
			}
			return transit(absorbed, m, move.to, event, cond, move, w);
		}
		case 'retransmit': {
			// The machine says what the state has outstanding; the endpoint's variables say its numbers.
			const e = sim[move.side];
			const send = m.next(e.state, 'retransmit')?.send;
			let w: Wire;
			if (send === 'SYN') w = wire(sim, move.side, 'SYN', e.iss, undefined);
			else if (send === 'SYN_ACK') w = wire(sim, move.side, 'SYN_ACK', e.iss, e.rcvNxt);
			else if (send === 'FIN' && ownFinUnacked(e)) w = wire(sim, move.side, 'FIN', e.finSeq!, e.rcvNxt);
			else throw new SimulationError(`${move.side} has nothing to retransmit in ${e.state}`);
			const next = { ...sim, network: [...sim.network, w], nextWireId: sim.nextWireId + 1 };
			const step: Step = { move, side: move.side, event: 'retransmit', sent: w, note: 'retransmitted', states: statesOf(sim) };
			return { sim: next, step };
		}
	}
}

/** Run a whole scenario from two closed endpoints. */
export function simulate(moves: readonly Move[], m: Machine = rfcMachine): Step[] {
	let sim = startSimulation();
	return moves.map((move) => {
		const result = advance(sim, move, m);
		sim = result.sim;
		return result.step;
	});
}

/** Each side's states in order, with repeats folded: what `ss` would show if it never blinked. */
export function stateTrace(steps: readonly Step[], side: Side): State[] {
	const trace: State[] = ['CLOSED'];
	for (const step of steps) if (step.states[side] !== trace.at(-1)) trace.push(step.states[side]);
	return trace;
}
