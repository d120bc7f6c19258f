import type { Condition, Event, Segment } from '$lib/core/fsm/events';
import { machine as rfcMachine, type Machine } from '$lib/core/fsm/machine';
import type { Side } from '$lib/core/fsm/simulate';
import type { State } from '$lib/core/fsm/states';
import type { Transition } from '$lib/core/fsm/transitions';
import { endpointKey, type Endpoint, type Packet } from './packet';
import type { HiddenCall } from './recorded';

/**
 * Replay a capture through the state machine. The capture shows packets; the machine says what
 * each one does to the host that receives it. App calls are read off the wire (a SYN from a
 * closed host is a connect, a new FIN a close, an unprompted RST an abort); calls whose segment
 * never left the kernel come from the recorder (`hidden`). On loopback a packet is received the
 * moment it is captured, except the ones the recorder dropped (`lost`).
 * A is the host that sends the first SYN (else the first packet), B the other one.
 */
export type Oddity = 'rst' | 'retransmission' | 'zero_window' | 'unexpected' | 'lost' | 'duplicate';

export interface CallStep {
	kind: 'call';
	side: Side;
	event: Extract<Event, 'passive_open' | 'active_open' | 'close' | 'abort'>;
	/** Read off the wire (true) or told by the recorder (false). */
	inferred: boolean;
	transition?: Transition;
	states: Record<Side, State>;
}

export interface PacketStep {
	kind: 'packet';
	/** Index of the packet in the capture, from 0. */
	index: number;
	packet: Packet;
	from: Side;
	to: Side;
	/** What the receiver made of it, in the machine's words (none: data or an ACK that moves nothing). */
	event?: Event;
	cond?: Condition;
	transition?: Transition;
	odd: Oddity[];
	states: Record<Side, State>;
}

export type ReplayStep = CallStep | PacketStep;

export interface Replay {
	hosts: Record<Side, Endpoint>;
	/** A socket connected to itself: one host, both columns the same. */
	selfConnect: boolean;
	steps: ReplayStep[];
	/** Packets of other connections in the capture, left out. */
	otherPackets: number;
}

interface Host {
	state: State;
	sndNxt?: number;
	sndUna?: number;
	rcvNxt?: number;
	finSeq?: number;
	/** close() was called but the FIN has not been seen on the wire. */
	finPending: boolean;
	openedFrom?: Extract<Condition, 'from_listen' | 'from_syn_sent'>;
	/** The segment the machine's last transition sent, still to appear on the wire. */
	owes?: Segment;
}

const M32 = 2 ** 32;
/** a - b on the 32-bit sequence circle, as a signed number. */
const diff = (a: number, b: number) => ((((a - b) % M32) + M32 + M32 / 2) % M32) - M32 / 2;
const seqEnd = (p: Packet) => (p.seq + p.len + (p.flags.syn ? 1 : 0) + (p.flags.fin ? 1 : 0)) % M32;

export function replayCapture(
	packets: readonly Packet[],
	told: { hidden?: readonly HiddenCall[]; lost?: readonly number[] } = {},
	m: Machine = rfcMachine
): Replay {
	if (packets.length === 0) return { hosts: { A: none, B: none }, selfConnect: false, steps: [], otherPackets: 0 };
	const opener = packets.find((p) => p.flags.syn && !p.flags.ack) ?? packets[0]!;
	const keyA = endpointKey(opener.src);
	const keyB = endpointKey(opener.dst);
	const selfConnect = keyA === keyB;
	const sideOf = (e: Endpoint): Side | undefined => (endpointKey(e) === keyA ? 'A' : endpointKey(e) === keyB ? 'B' : undefined);
	const ours = packets.filter((p) => sideOf(p.src) && sideOf(p.dst) && (selfConnect || sideOf(p.src) !== sideOf(p.dst)));
	const midStream = !ours.some((p) => p.flags.syn);
	const start: State = midStream ? 'ESTABLISHED' : 'CLOSED';
	const hosts: Record<Side, Host> = { A: { state: start, finPending: false }, B: { state: start, finPending: false } };
	const host = (s: Side) => hosts[selfConnect ? 'A' : s];
	const states = (): Record<Side, State> => ({ A: host('A').state, B: host('B').state });
	const steps: ReplayStep[] = [];
	const lost = new Set(told.lost ?? []);

	function call(side: Side, event: CallStep['event'], inferred: boolean) {
		const h = host(side);
		const outcome = m.next(h.state, event);
		if (outcome) {
			h.state = outcome.to;
			h.owes = outcome.send === 'none' ? undefined : outcome.send;
			if (event === 'close' && outcome.send === 'FIN') h.finPending = true;
		}
		const step: CallStep = { kind: 'call', side, event, inferred, states: states() };
		if (outcome) step.transition = outcome.transition;
		steps.push(step);
	}

	// The listener was opened before the capture began, unless it answers the first SYN with a RST.
	if (!midStream && !selfConnect) {
		const answer = ours.find((p) => sideOf(p.src) === 'B');
		if (!answer?.flags.rst) call('B', 'passive_open', true);
	}

	ours.forEach((p, index) => {
		for (const h of told.hidden ?? []) if (h.beforePacket === index) call(h.side, h.event, false);
		const from = sideOf(p.src)!;
		const to = selfConnect ? 'A' : sideOf(p.dst)!;
		const odd: Oddity[] = [];
		const retransmitted = send(from, p, odd);
		if (p.flags.rst) odd.push('rst');
		if (p.win === 0 && !p.flags.rst) odd.push('zero_window');
		if (retransmitted && !odd.includes('retransmission')) odd.push('retransmission');
		const step: PacketStep = { kind: 'packet', index, packet: p, from, to, odd, states: states() };
		if (lost.has(index)) odd.push('lost');
		else receive(to, p, step);
		step.states = states();
		steps.push(step);
	});
	return { hosts: { A: opener.src, B: opener.dst }, selfConnect, steps, otherPackets: packets.length - ours.length };

	/** The sender's side of a packet: the app call it reveals, and its sequence variables. */
	function send(side: Side, p: Packet, odd: Oddity[]): boolean {
		const h = host(side);
		const owed = p.flags.rst ? 'RST' : p.flags.syn ? (p.flags.ack ? 'SYN_ACK' : 'SYN') : p.flags.fin ? 'FIN' : undefined;
		const isNew = h.sndNxt === undefined || diff(seqEnd(p), h.sndNxt) > 0;
		let retransmitted = false;
		if (owed && h.owes === owed) h.owes = undefined;
		else if (owed === 'SYN' && (h.state === 'CLOSED' || h.state === 'LISTEN') && isNew) call(side, 'active_open', true);
		else if (owed === 'FIN' && isNew && !h.finPending && ['ESTABLISHED', 'CLOSE_WAIT', 'SYN_RECEIVED'].includes(h.state))
			call(side, 'close', true);
		else if (owed === 'RST' && h.state !== 'CLOSED' && h.state !== 'LISTEN') call(side, 'abort', true);
		else if (owed && owed !== 'RST' && !isNew) {
			// The same SYN, SYN-ACK or FIN again: the retransmission timer, if the machine has one here.
			retransmitted = true;
			const outcome = m.next(h.state, 'retransmit');
			if (outcome?.send !== owed) odd.push('unexpected');
		}
		if (owed && h.owes === owed) h.owes = undefined; // the segment an inferred call sends
		if (!p.flags.syn && !p.flags.fin && p.len > 0 && !isNew) retransmitted = true;
		if (p.flags.syn) h.sndUna ??= p.seq;
		if (isNew && !p.flags.rst) h.sndNxt = seqEnd(p);
		if (p.flags.fin) {
			h.finSeq = (p.seq + p.len) % M32;
			h.finPending = false;
		}
		return retransmitted;
	}

	function receive(side: Side, p: Packet, step: PacketStep) {
		const h = host(side);
		const { event, cond, duplicate } = classify(h, p);
		absorb(h, p);
		if (duplicate) step.odd.push('duplicate');
		if (!event) return;
		step.event = event;
		if (cond) step.cond = cond;
		const outcome = m.next(h.state, event, cond);
		if (!outcome) {
			if (!duplicate) step.odd.push('unexpected');
			return;
		}
		step.transition = outcome.transition;
		if (outcome.to === 'SYN_RECEIVED' && h.state !== 'SYN_RECEIVED')
			h.openedFrom = h.state === 'SYN_SENT' ? 'from_syn_sent' : 'from_listen';
		h.state = outcome.to;
		h.owes = outcome.send === 'none' || outcome.send === 'ACK' ? undefined : outcome.send;
		if (outcome.to === 'CLOSED' || outcome.to === 'LISTEN') {
			Object.assign(h, { sndNxt: undefined, sndUna: undefined, rcvNxt: undefined, finSeq: undefined, finPending: false });
		}
	}
}

const none: Endpoint = { addr: '', port: 0 };

/** What an arriving segment means to the receiving host, in the machine's vocabulary. */
function classify(h: Host, p: Packet): { event?: Event; cond?: Condition; duplicate?: boolean } {
	const f = p.flags;
	const acksNew = p.ack !== undefined && h.sndUna !== undefined && h.sndNxt !== undefined && diff(p.ack, h.sndUna) > 0 && diff(p.ack, h.sndNxt) <= 0;
	const ownFinUnacked = h.finPending || (h.finSeq !== undefined && (h.sndUna === undefined || diff(h.sndUna, h.finSeq) <= 0));
	const acksOurFin = p.ack !== undefined && h.finSeq !== undefined && ownFinUnacked && diff(p.ack, h.finSeq) > 0;
	const old = h.rcvNxt !== undefined && diff(seqEnd(p), h.rcvNxt) <= 0 && (f.syn || f.fin || p.len > 0);
	if (f.rst) {
		// A RST counts only if it names what we expect (RFC 9293 §3.10.7; RFC 5961: exactly RCV.NXT).
		const acceptable =
			h.state === 'SYN_SENT' ? p.ack === h.sndNxt : h.state === 'LISTEN' || h.state === 'CLOSED' || h.rcvNxt === undefined || p.seq === h.rcvNxt;
		if (!acceptable) return {};
		if (h.state === 'TIME_WAIT') return { event: 'recv_rst', cond: 'rfc1337_off' };
		return { event: 'recv_rst', cond: h.state === 'SYN_RECEIVED' ? h.openedFrom : undefined };
	}
	if (f.syn && !f.ack) return old && h.state !== 'LISTEN' ? { duplicate: true } : { event: 'recv_syn' };
	if (f.syn) {
		if (old && h.state !== 'SYN_SENT' && h.state !== 'SYN_RECEIVED') return { event: 'recv_syn_ack', duplicate: true };
		if (h.state === 'SYN_RECEIVED') return { event: 'recv_syn_ack', cond: h.openedFrom };
		return { event: 'recv_syn_ack', cond: acksNew ? 'ack_acceptable' : 'ack_unacceptable' };
	}
	if (f.fin) {
		// A FIN beyond a gap waits for the missing bytes; a FIN seen before is a retransmission.
		if (h.rcvNxt !== undefined && diff(p.seq + p.len, h.rcvNxt) > 0) return {};
		if (acksOurFin) return { event: 'recv_fin_ack', duplicate: old };
		return { event: 'recv_fin', cond: ownFinUnacked ? 'own_fin_unacked' : undefined, duplicate: old };
	}
	if (h.state === 'SYN_RECEIVED') return { event: 'recv_ack', cond: acksNew ? 'ack_acceptable' : 'ack_unacceptable' };
	if (acksOurFin || h.state === 'CLOSED' || h.state === 'LISTEN') return { event: 'recv_ack' };
	return {};
}

function absorb(h: Host, p: Packet) {
	if (p.flags.syn) h.rcvNxt ??= (p.seq + 1) % M32;
	else if (h.rcvNxt !== undefined && diff(p.seq, h.rcvNxt) <= 0 && diff(seqEnd(p), h.rcvNxt) > 0) h.rcvNxt = seqEnd(p);
	else if (h.rcvNxt === undefined) h.rcvNxt = seqEnd(p);
	if (p.ack !== undefined && h.sndNxt !== undefined && (h.sndUna === undefined || diff(p.ack, h.sndUna) > 0) && diff(p.ack, h.sndNxt) <= 0)
		h.sndUna = p.ack;
}
