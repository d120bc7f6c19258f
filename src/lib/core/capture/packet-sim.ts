import { advance, other, startSimulation, SimulationError, type Flag, type Move, type Side, type Sim, type Step, type Wire } from '$lib/core/fsm/simulate';
import { machine as rfcMachine, type Machine } from '$lib/core/fsm/machine';
import { retries2Timeline, synAckTimeline, synTimeline } from '$lib/core/params/durations';
import { randomFor } from '$lib/core/random';
import { noFlags, type Packet } from './packet';

/**
 * The two-host simulation (src/lib/core/fsm/simulate.ts) on the wire: every segment it sends becomes a
 * packet with absolute sequence and acknowledgement numbers (random ISNs, fixed by a seed), data
 * lengths, the sender's receive window and a time. The state changes stay the machine's; this
 * layer adds what the wire shows and the machine does not model: data and its ACKs, a receiver
 * whose application stops reading (the window closes, later data and a FIN wait behind it, the
 * sender probes), an ACK held back to ride on the FIN that follows (the three-segment close), and
 * retransmission times from the RTO schedule that src/lib/core/params computes.
 */
export type PacketMove =
	/** The simulation's own moves; an app `send` writes DATA_BYTES where the state can send data. */
	| Exclude<Move, { kind: 'deliver' }>
	/** Deliver the oldest segment to `to`; `piggyback` holds the ACK it causes for the next segment. */
	| { kind: 'deliver'; to: Side; flag?: Flag; piggyback?: boolean }
	/** The application writes `bytes`: what the peer's window allows leaves now, the rest waits. */
	| { kind: 'send'; side: Side; bytes: number }
	/** The application reads all it has received: the window opens again and says so. */
	| { kind: 'read'; side: Side }
	/** The persist timer: a zero-window probe (one byte behind SND.NXT, no data). */
	| { kind: 'probe'; side: Side };

export interface PacketOptions {
	seed?: string | number;
	/** Each side's receive buffer in bytes: the window it offers when nothing is unread. */
	buffer?: Partial<Record<Side, number>>;
	/** Sides whose application never reads until a `read` move (the zero-window tricks). */
	stalled?: Side[];
	ports?: Partial<Record<Side, number>>;
	/**
	 * Data is acknowledged only by the next segment its receiver sends anyway, so the run has the
	 * two-host simulation's segments one for one (the /simulate page shows its moves this way).
	 */
	quietData?: boolean;
	machine?: Machine;
}

export interface PacketRun {
	packets: Packet[];
	/** Indices of packets the network lost (tcpdump at the sender still saw them). */
	lost: number[];
	/** The two-host simulation's steps, one per move that reached it. */
	steps: Step[];
}

const ADDR = '127.0.0.1';
const M32 = 2 ** 32;
/** Time an application step takes, and a segment's trip on loopback (seconds). */
const APP_PAUSE = 0.15;
const HOP = 0.00002;
/** What an app `send` of the two-host simulation writes. */
const DATA_BYTES = 100;

interface HostExtra {
	isn: number;
	buffer: number;
	unread: number;
	stalled: boolean;
	/** The window the peer last offered. */
	peerWindow: number;
	/** Bytes written but not yet sent (the peer's window is full). */
	unsent: number;
	/** A FIN the machine has sent but that waits behind unsent data. */
	heldFin?: Wire;
}

export function runPackets(moves: readonly PacketMove[], options: PacketOptions = {}): PacketRun {
	const m = options.machine ?? rfcMachine;
	const seed = options.seed ?? 'tcp-quest';
	const isn = (s: Side) => Math.floor(randomFor(seed, `isn:${s}`)() * M32);
	const ports: Record<Side, number> = {
		A: options.ports?.A ?? 32768 + Math.floor(randomFor(seed, 'port')() * 28232),
		B: options.ports?.B ?? 9999
	};
	const hosts: Record<Side, HostExtra> = { A: host('A'), B: host('B') };
	function host(s: Side): HostExtra {
		const buffer = options.buffer?.[s] ?? 65483;
		return { isn: isn(s), buffer, unread: 0, stalled: options.stalled?.includes(s) ?? false, peerWindow: 0, unsent: 0 };
	}
	let sim = reseed(startSimulation());
	let now = 0;
	const packets: Packet[] = [];
	const lost: number[] = [];
	const steps: Step[] = [];
	/** Packet index of each wire id; and when each outstanding control segment was first sent. */
	const indexOf = new Map<number, number>();
	const firstSent = new Map<string, { at: number; tries: number }>();

	/** The simulation's endpoints start from fixed numbers; ours come from the seed. */
	function reseed(s: Sim): Sim {
		for (const side of ['A', 'B'] as const) {
			const e = s[side];
			if (e.state === 'CLOSED' || e.state === 'LISTEN') s = { ...s, [side]: { ...e, iss: hosts[side].isn, sndUna: hosts[side].isn, sndNxt: hosts[side].isn } };
		}
		return s;
	}
	const window = (s: Side) => Math.max(0, hosts[s].buffer - hosts[s].unread);

	function log(w: Wire) {
		const flags = noFlags();
		flags.syn = w.flag === 'SYN' || w.flag === 'SYN_ACK';
		flags.fin = w.flag === 'FIN';
		flags.rst = w.flag === 'RST';
		flags.ack = w.ack !== undefined;
		flags.psh = w.flag === 'ACK' && w.len > 0;
		const from = w.from;
		const p: Packet = {
			time: Math.round(now * 1e6) / 1e6,
			src: { addr: ADDR, port: ports[from] },
			dst: { addr: ADDR, port: ports[other(from)] },
			flags,
			seq: w.seq % M32,
			// A RST from a port with no socket offers no window (RFC 9293 §3.10.7.1: SEQ 0).
			win: flags.rst && w.seq === 0 ? 0 : window(from),
			len: w.len
		};
		if (w.ack !== undefined) p.ack = w.ack % M32;
		indexOf.set(w.id, packets.length);
		const key = `${w.from}:${w.flag}:${w.seq}`;
		if (w.flag !== 'ACK' && w.flag !== 'RST' && !firstSent.has(key)) firstSent.set(key, { at: now, tries: 0 });
		packets.push(p);
		now += HOP;
	}

	/** A segment of our own making (data, an ACK, a probe), put on the wire. */
	function put(side: Side, seq: number, len: number) {
		const e = sim[side];
		const w: Wire = { id: sim.nextWireId, from: side, flag: 'ACK', seq, ack: e.rcvNxt, len };
		sim = { ...sim, network: [...sim.network, w], nextWireId: sim.nextWireId + 1 };
		log(w);
	}

	/** Send what the peer's window allows of the unsent data, then a FIN that waited behind it. */
	function flush(side: Side) {
		const h = hosts[side];
		const e = sim[side];
		// Data waiting behind a held FIN already has its sequence numbers (the FIN's come after them).
		const sentEnd = h.heldFin ? h.heldFin.seq - h.unsent : e.sndNxt;
		const room = Math.max(0, h.peerWindow - (sentEnd - e.sndUna));
		const n = Math.min(room, h.unsent);
		if (n > 0) {
			const seq = sentEnd;
			if (!h.heldFin) sim = { ...sim, [side]: { ...e, sndNxt: e.sndNxt + n } };
			h.unsent -= n;
			put(side, seq, n);
		}
		if (h.unsent === 0 && h.heldFin) {
			const fin = { ...h.heldFin, ack: sim[side].rcvNxt };
			h.heldFin = undefined;
			sim = { ...sim, network: [...sim.network, fin] };
			log(fin);
		}
	}

	function apply(move: PacketMove) {
		if (move.kind === 'app' && move.event === 'send' && m.next(sim[move.side].state, 'send')?.to === sim[move.side].state)
			return apply({ kind: 'send', side: move.side, bytes: DATA_BYTES });
		switch (move.kind) {
			case 'send': {
				const e = sim[move.side];
				if (m.next(e.state, 'send')?.to !== e.state) throw new SimulationError(`${move.side} cannot send data in ${e.state}`);
				if (!Number.isSafeInteger(move.bytes) || move.bytes <= 0) throw new SimulationError('send needs a positive number of bytes');
				if (e.finSeq !== undefined) throw new SimulationError(`${move.side} has closed its side`);
				now += APP_PAUSE;
				hosts[move.side].unsent += move.bytes;
				return flush(move.side);
			}
			case 'read': {
				now += APP_PAUSE;
				hosts[move.side].unread = 0;
				hosts[move.side].stalled = false;
				return put(move.side, sim[move.side].sndNxt, 0);
			}
			case 'probe': {
				const h = hosts[move.side];
				if (h.unsent === 0 || h.peerWindow > 0) throw new SimulationError(`${move.side} has no reason to probe`);
				now += 0.2;
				return put(move.side, sim[move.side].sndUna - 1, 0);
			}
			case 'retransmit': {
				const before = sim.network.length;
				const result = advance(sim, move, m);
				sim = result.sim;
				steps.push(result.step);
				const w = sim.network[before]!;
				const key = `${w.from}:${w.flag}:${w.seq}`;
				const first = firstSent.get(key);
				if (!first) throw new SimulationError(`${move.side} retransmits a segment it never sent`);
				const schedule = w.flag === 'SYN' ? synTimeline() : w.flag === 'SYN_ACK' ? synAckTimeline() : retries2Timeline();
				now = Math.max(now, first.at + schedule.retransmissionsAt[first.tries]!);
				first.tries++;
				return log(w);
			}
			default:
				return viaMachine(move);
		}
	}

	function viaMachine(move: Exclude<PacketMove, { kind: 'send' | 'read' | 'probe' | 'retransmit' }>) {
		if (move.kind === 'app' || move.kind === 'timeout') now += APP_PAUSE;
		const { piggyback, ...plain } = move.kind === 'deliver' ? move : { ...move, piggyback: false };
		const received = move.kind === 'deliver' ? sim.network.find((w) => w.from === other(move.to) && (!move.flag || w.flag === move.flag)) : undefined;
		const known = sim.nextWireId;
		const result = advance(sim, plain as Move, m);
		sim = reseed(result.sim);
		steps.push(result.step);
		if (result.step.lost) lost.push(indexOf.get(result.step.lost.id)!);
		if (received && move.kind === 'deliver') afterDelivery(move.to, received, result.step);
		// Segments the machine's transition sent (ours, put by afterDelivery, are on the wire already).
		for (const w of sim.network.filter((x) => x.id >= known && !indexOf.has(x.id))) {
			const side = w.from;
			if (w.flag === 'ACK' && w.len === 0 && piggyback) {
				sim = { ...sim, network: sim.network.filter((x) => x.id !== w.id) };
				continue;
			}
			const unsent = hosts[side].unsent;
			if (w.flag === 'FIN' && unsent > 0) {
				// close() with data still queued: the FIN takes the sequence number after that data and
				// leaves only once the data has gone.
				const e = sim[side];
				hosts[side].heldFin = { ...w, seq: w.seq + unsent };
				sim = { ...sim, [side]: { ...e, finSeq: w.seq + unsent, sndNxt: w.seq + unsent + 1 }, network: sim.network.filter((x) => x.id !== w.id) };
				continue;
			}
			log(w);
		}
	}

	/** What the wire shows after a delivery and the machine does not: window, data and its ACK. */
	function afterDelivery(to: Side, w: Wire, step: Step) {
		const h = hosts[to];
		h.peerWindow = packets[indexOf.get(w.id)!]!.win;
		if (w.len > 0 && step.note === 'data' && w.seq + w.len === sim[to].rcvNxt) {
			if (h.stalled) h.unread += w.len;
			if (!options.quietData) put(to, sim[to].sndNxt, 0);
		} else if (w.flag === 'ACK' && w.len === 0 && !step.transition && w.seq + 1 === sim[to].rcvNxt) {
			// A zero-window probe is answered with an ACK that repeats the window.
			put(to, sim[to].sndNxt, 0);
		}
		if (h.unsent > 0 || h.heldFin) flush(to);
	}

	for (const move of moves) apply(move);
	// Times count from the first packet, as `tcpdump -ttttt` prints them.
	const t0 = packets[0]?.time ?? 0;
	for (const p of packets) p.time = Math.round((p.time - t0) * 1e6) / 1e6;
	return { packets, lost, steps };
}
