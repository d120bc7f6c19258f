/**
 * One TCP segment as a capture shows it, whether read from `tcpdump -nn` text or a pcap file.
 * Sequence numbers are absolute where the source has them; text in tcpdump's default relative
 * form is read as is (both forms replay the same way: only differences matter).
 */
export interface Endpoint {
	addr: string;
	port: number;
}

export interface TcpFlags {
	syn: boolean;
	ack: boolean;
	fin: boolean;
	rst: boolean;
	psh: boolean;
}

export interface Packet {
	/** Seconds since the first packet of the capture. */
	time: number;
	src: Endpoint;
	dst: Endpoint;
	flags: TcpFlags;
	seq: number;
	/** Present when the ACK flag is set. */
	ack?: number;
	win: number;
	/** Bytes of data carried (from the IP length, not what the capture kept). */
	len: number;
}

export class CaptureError extends Error {}

/** Captures bigger than this are refused before parsing: the page must never hang. */
export const MAX_CAPTURE_BYTES = 4 * 1024 * 1024;
/** More packets than anyone reads in a sequence diagram; the rest is cut with a notice. */
export const MAX_PACKETS = 2000;

export const endpointKey = (e: Endpoint): string => `${e.addr}.${e.port}`;

/** The flags as tcpdump prints them: S, F, P, R, then `.` for ACK. */
export function flagString(f: TcpFlags): string {
	const s = (f.syn ? 'S' : '') + (f.fin ? 'F' : '') + (f.psh ? 'P' : '') + (f.rst ? 'R' : '') + (f.ack ? '.' : '');
	return s || 'none';
}

export function noFlags(): TcpFlags {
	return { syn: false, ack: false, fin: false, rst: false, psh: false };
}
