/**
 * What the capture page (/capture) shows, worked out without a browser: a file or pasted text
 * read into packets (or a problem to report), the replay grouped into one row per packet with the
 * app calls the machine placed before it, short labels in tcpdump's relative numbers, and the
 * keys that move through the rows.
 */
import type { Side, State } from '$lib/core/fsm';
import type { RecordedId } from './catalog';
import { CaptureError, endpointKey, flagString, type Packet } from './packet';
import { tooLarge, type Problem, type ProblemKind } from './problem';
import { isPcapLike, parsePcap } from './pcap';
import type { CaptureInfo } from './recorded';
import type { CallStep, PacketStep, Replay } from './replay';
import { parseTcpdumpText } from './tcpdump-text';

export { tooLarge, type Problem, type ProblemKind };

export type Loaded =
	| { ok: true; format: 'pcap' | 'pcapng' | 'text'; packets: Packet[]; skipped: number; truncated: boolean }
	| { ok: false; problem: Problem };

/** A capture read and ready to replay, with where it came from. */
export interface Opened {
	packets: Packet[];
	title: string;
	loaded: Extract<Loaded, { ok: true }>;
	/** The recorder's notes (calls hidden from the wire, packets dropped), for a recording. */
	info?: CaptureInfo;
	recorded?: RecordedId;
}

/** A pcap, a pcapng, or tcpdump text, told apart by the first bytes. Never throws. */
export function readCaptureBytes(bytes: Uint8Array): Loaded {
	const big = tooLarge(bytes.length);
	if (big) return { ok: false, problem: big };
	if (isPcapLike(bytes)) {
		const ng = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === 0x0a0d0d0a;
		return read(() => ({ ...parsePcap(bytes), format: ng ? 'pcapng' : 'pcap' }));
	}
	// Binary that is not a capture (a photo, a zip) has NUL bytes; tcpdump text never does.
	if (bytes.subarray(0, 4096).includes(0)) return { ok: false, problem: { kind: 'malformed', detail: 'not a pcap, pcapng or text file' } };
	return readCaptureText(new TextDecoder().decode(bytes));
}

export function readCaptureText(text: string): Loaded {
	if (!text.trim()) return { ok: false, problem: { kind: 'empty', detail: 'the text is empty' } };
	return read(() => ({ ...parseTcpdumpText(text), format: 'text' }));
}

function read(parse: () => Omit<Extract<Loaded, { ok: true }>, 'ok'>): Loaded {
	try {
		const r = parse();
		if (r.packets.length === 0) return { ok: false, problem: { kind: 'no_packets', detail: `no TCP packets (${r.skipped} other frames)` } };
		return { ok: true, ...r };
	} catch (e) {
		// The parsers throw CaptureError for bad input; anything else is a bug, still reported, never a broken page.
		const detail = e instanceof Error ? e.message : String(e);
		if (!(e instanceof CaptureError)) return { ok: false, problem: { kind: 'malformed', detail } };
		const kind: ProblemKind = /too large/.test(detail) ? 'too_large' : /empty|too short/.test(detail) ? 'empty' : /no TCP packet/.test(detail) ? 'no_packets' : 'malformed';
		return { ok: false, problem: { kind, detail } };
	}
}

/** One packet of the connection, with the app calls placed before it and both hosts' states around it. */
export interface PacketRow {
	step: PacketStep;
	calls: CallStep[];
	/** Both hosts before this row's calls and packet. */
	before: Record<Side, State>;
	/** Both hosts just before the packet arrives (after the calls). */
	arriving: Record<Side, State>;
	/** The packet in tcpdump's relative numbers: `[F.] seq 1 ack 1`. */
	label: string;
}

/** Where both hosts start: CLOSED, or ESTABLISHED when the capture begins mid-connection. */
export function initialStates(replay: Replay): Record<Side, State> {
	const start: State = replay.steps.some((s) => s.kind === 'packet' && s.packet.flags.syn) ? 'CLOSED' : 'ESTABLISHED';
	return { A: start, B: start };
}

export function packetRows(replay: Replay): PacketRow[] {
	const rows: PacketRow[] = [];
	let states = initialStates(replay);
	let calls: CallStep[] = [];
	const label = relativeLabeller();
	for (const step of replay.steps) {
		if (step.kind === 'call') {
			calls.push(step);
			continue;
		}
		const arriving = calls.at(-1)?.states ?? states;
		rows.push({ step, calls, before: states, arriving, label: label(step.packet) });
		states = step.states;
		calls = [];
	}
	return rows;
}

const M32 = 2 ** 32;

/** Labels with sequence numbers counted from each sender's first one, as tcpdump prints them by default. */
export function relativeLabeller(): (p: Packet) => string {
	const base = new Map<string, number>();
	return (p) => {
		const src = endpointKey(p.src);
		if (!base.has(src)) base.set(src, p.seq);
		const rel = (n: number, who: string) => (base.has(who) ? (n - base.get(who)! + M32) % M32 : n);
		const seq = rel(p.seq, src);
		const parts = [`[${flagString(p.flags)}]`];
		if (p.len > 0) parts.push(`seq ${seq}:${seq + p.len}`);
		else if (p.flags.syn || p.flags.fin || p.flags.rst || p.ack === undefined) parts.push(`seq ${seq}`);
		if (p.ack !== undefined) parts.push(`ack ${rel(p.ack, endpointKey(p.dst))}`);
		if (p.win === 0 && !p.flags.rst) parts.push('win 0');
		return parts.join(' ');
	};
}

/** Rows shown after a key press, from 0 (none yet) to `count` (all), or undefined for a key that is not ours. */
export function stepForKey(key: string, shown: number, count: number): number | undefined {
	switch (key) {
		case 'ArrowRight':
			return Math.min(count, shown + 1);
		case 'ArrowLeft':
			return Math.max(0, shown - 1);
		case 'Home':
			return 0;
		case 'End':
			return count;
		default:
			return undefined;
	}
}

/** A key press typed into a field is the field's, not the player's. */
export function isTypingTarget(target: EventTarget | null): boolean {
	const el = target as { tagName?: string; isContentEditable?: boolean } | null;
	return !!el && (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? '') || !!el.isContentEditable);
}

/** The rows drawn at once: the newest ones up to `shown`, so a capture of 2,000 packets stays quick to draw. */
export const DRAWN_ROWS = 40;
export function drawnWindow(shown: number): { from: number; to: number } {
	return { from: Math.max(0, shown - DRAWN_ROWS), to: shown };
}
