import type { Side } from '$lib/core/fsm/simulate';
import type { State } from '$lib/core/fsm/states';
import { retries2Timeline, synAckTimeline, synTimeline } from '$lib/core/params/durations';
import type { Packet } from './packet';
import type { CaptureInfo } from './recorded';
import { replayCapture, type PacketStep, type Replay } from './replay';
import { parseTcpdumpText } from './tcpdump-text';

/**
 * What a reader of a committed capture can tell from its `tcpdump -nn` text, computed once here
 * for the questions that ask it and again by the validator that checks their answers.
 */
export interface CaptureSource {
	info: CaptureInfo;
	/** The capture's text form (static/captures/<id>.txt). */
	text: string;
}

export interface ReadCapture {
	info: CaptureInfo;
	text: string;
	packets: Packet[];
	replay: Replay;
	/** The replay's step for each packet, by packet index. */
	byPacket: PacketStep[];
}

export function readCapture(src: CaptureSource): ReadCapture {
	const { packets } = parseTcpdumpText(src.text);
	const replay = replayCapture(packets, src.info);
	const byPacket: PacketStep[] = [];
	for (const s of replay.steps) if (s.kind === 'packet') byPacket[s.index] = s;
	return { info: src.info, text: src.text, packets, replay, byPacket };
}

/**
 * What the text cannot show about how a recording's application ended its side: in lost_fin the
 * client calls socket.end() (shutdown(SHUT_WR), scripts/captures/plays.ts) and keeps the socket,
 * so its FIN is retried as an open connection's, not an orphan's.
 */
export const APP_HOLDS_SOCKET: Readonly<Record<string, boolean>> = { lost_fin: true };

export const roleOf = (side: Side) => (side === 'A' ? 'client' : 'server');

/** A host's state once packet `index` has been sent and (unless it was lost) received. */
export const stateAfter = (r: ReadCapture, index: number, side: Side): State => r.byPacket[index]!.states[side];

/** Packets up to `index` that the machine has no transition for: past one, states are not textbook. */
export const unexpectedBefore = (r: ReadCapture, index: number) => r.byPacket.slice(0, index + 1).some((s) => s.odd.includes('unexpected'));

export type Closer = 'client' | 'server' | 'simultaneous' | 'none';

/**
 * Who closed first: a host in CLOSING means both closed before either's FIN was acknowledged (a
 * simultaneous close); otherwise the first close() the replay saw or was told of; none if nobody
 * closed (the connection ended with a RST, or never opened).
 */
export function whoClosedFirst(r: ReadCapture): Closer {
	if (r.replay.steps.some((s) => s.states.A === 'CLOSING' || s.states.B === 'CLOSING')) return 'simultaneous';
	const first = r.replay.steps.find((s) => s.kind === 'call' && s.event === 'close');
	return first?.kind === 'call' ? roleOf(first.side) : 'none';
}

export type RstMeaning = 'refused' | 'abort';

/**
 * What a RST says about its sender: from a host with no connection (still CLOSED: nothing listens
 * on the port) a refusal; from a host with a connection, the application aborted it.
 */
export function rstMeaning(r: ReadCapture, index: number): RstMeaning | undefined {
	const step = r.byPacket[index];
	if (!step?.packet.flags.rst) return undefined;
	const before = index === 0 ? 'CLOSED' : r.byPacket[index - 1]!.states[step.from];
	return before === 'CLOSED' ? 'refused' : 'abort';
}

const M32 = 2 ** 32;
const space = (p: Packet) => p.len + (p.flags.syn ? 1 : 0) + (p.flags.fin ? 1 : 0);
const from = (p: Packet) => `${p.src.addr}.${p.src.port}`;
const acks = (p: Packet, q: Packet) =>
	from(q) === `${p.dst.addr}.${p.dst.port}` && q.ack !== undefined && ((q.ack - (p.seq + space(p)) + M32) % M32) < M32 / 2;
const sameSegment = (p: Packet, q: Packet) => from(p) === from(q) && q.seq === p.seq && space(q) === space(p) && q.flags.syn === p.flags.syn && q.flags.fin === p.flags.fin;

export interface Delivery {
	/** Packets sent again, by the same host, before anything from the receiver acknowledged them. */
	resentUnacknowledged: number[];
	/**
	 * First copies that the receiver acknowledged before any copy was sent again: they arrived. (A
	 * later copy is never listed: an ACK after it may answer the copy before it.)
	 */
	acknowledged: number[];
}

/** Read from the text alone, which segments surely arrived and which were sent again unanswered. */
export function deliveries(packets: readonly Packet[]): Delivery {
	const out: Delivery = { resentUnacknowledged: [], acknowledged: [] };
	packets.forEach((p, i) => {
		if (space(p) === 0 || p.flags.rst) return;
		if (packets.slice(0, i).some((q) => sameSegment(q, p))) return;
		const later = packets.slice(i + 1);
		const resent = later.findIndex((q) => sameSegment(p, q));
		const acked = later.findIndex((q) => acks(p, q));
		if (resent >= 0 && (acked < 0 || acked > resent)) out.resentUnacknowledged.push(i);
		else if (acked >= 0 && (resent < 0 || acked < resent)) out.acknowledged.push(i);
	});
	return out;
}

/** The first copy of packet `index` sent again: its index, and the seconds between the two. */
export function firstResend(packets: readonly Packet[], index: number): { index: number; seconds: number } | undefined {
	const p = packets[index]!;
	const j = packets.findIndex((q, k) => k > index && sameSegment(p, q));
	return j < 0 ? undefined : { index: j, seconds: Math.round((packets[j]!.time - p.time) * 100) / 100 };
}

/**
 * The counter that decides how often a lost segment is sent again, by the sender's state (and,
 * once synchronized, whether its application still holds the socket: ip-sysctl.rst), with the
 * first wait of its schedule.
 */
export function retryCounter(state: State, appHoldsSocket: boolean): { param: string; firstWait: number } | undefined {
	if (state === 'SYN_SENT') return { param: 'tcp_syn_retries', firstWait: synTimeline().retransmissionsAt[0]! };
	if (state === 'SYN_RECEIVED') return { param: 'tcp_synack_retries', firstWait: synAckTimeline().retransmissionsAt[0]! };
	if (state === 'CLOSED' || state === 'LISTEN' || state === 'TIME_WAIT') return undefined;
	return { param: appHoldsSocket ? 'tcp_retries2' : 'tcp_orphan_retries', firstWait: retries2Timeline().retransmissionsAt[0]! };
}

/** The capture's lines as a question shows them: numbered from 1, options left out. */
export function listingOf(text: string): string {
	const lines = text.split(/\r?\n/).filter((l) => l.trim());
	const width = String(lines.length).length;
	return lines.map((l, i) => `${String(i + 1).padStart(width)} ${l.trim().replace(/, options \[[^\]]*\]/, '')}`).join('\n');
}
