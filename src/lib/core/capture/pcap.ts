import { CaptureError, MAX_CAPTURE_BYTES, MAX_PACKETS, type Packet } from './packet';
import { decodeFrame } from './frames';

/**
 * Read a classic pcap or a pcapng file into TCP packets. Non-TCP frames are skipped; a truncated
 * or inconsistent file is an error that names the offset, never a hang: every loop advances
 * by a length that was checked against the buffer.
 */
export interface PcapResult {
	packets: Packet[];
	/** Frames that were not TCP (ARP, UDP, ...). */
	skipped: number;
	/** True if the file held more than MAX_PACKETS TCP packets and the rest was cut. */
	truncated: boolean;
}

const PCAP_MAGIC = { usLE: 0xa1b2c3d4, nsLE: 0xa1b23c4d };
const PCAPNG_SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

export function isPcapLike(bytes: Uint8Array): boolean {
	if (bytes.length < 4) return false;
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const m = v.getUint32(0, true);
	return m === PCAPNG_SHB || [PCAP_MAGIC.usLE, PCAP_MAGIC.nsLE].includes(m) || [PCAP_MAGIC.usLE, PCAP_MAGIC.nsLE].includes(v.getUint32(0, false));
}

export function parsePcap(bytes: Uint8Array): PcapResult {
	if (bytes.length > MAX_CAPTURE_BYTES) throw new CaptureError(`file too large: ${bytes.length} bytes (limit ${MAX_CAPTURE_BYTES})`);
	if (bytes.length < 4) throw new CaptureError('file too short to be a capture');
	const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (v.getUint32(0, true) === PCAPNG_SHB) return readPcapng(bytes, v);
	return readPcap(bytes, v);
}

class Collector {
	packets: Packet[] = [];
	skipped = 0;
	truncated = false;
	private first: number | undefined;
	add(bytes: Uint8Array, linkType: number, seconds: number) {
		if (this.packets.length >= MAX_PACKETS) {
			this.truncated = true;
			return;
		}
		const p = decodeFrame(bytes, linkType);
		if (!p) {
			this.skipped++;
			return;
		}
		this.first ??= seconds;
		this.packets.push({ ...p, time: round6(seconds - this.first) });
	}
	result(): PcapResult {
		return { packets: this.packets, skipped: this.skipped, truncated: this.truncated };
	}
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function readPcap(bytes: Uint8Array, v: DataView): PcapResult {
	const magicLE = v.getUint32(0, true);
	const magicBE = v.getUint32(0, false);
	let le: boolean;
	let nano: boolean;
	if (magicLE === PCAP_MAGIC.usLE || magicLE === PCAP_MAGIC.nsLE) [le, nano] = [true, magicLE === PCAP_MAGIC.nsLE];
	else if (magicBE === PCAP_MAGIC.usLE || magicBE === PCAP_MAGIC.nsLE) [le, nano] = [false, magicBE === PCAP_MAGIC.nsLE];
	else throw new CaptureError('not a pcap or pcapng file (unknown magic number)');
	if (bytes.length < 24) throw new CaptureError('pcap header truncated (24 bytes needed)');
	const linkType = v.getUint32(20, le) & 0xffff;
	const out = new Collector();
	let off = 24;
	while (off < bytes.length) {
		if (off + 16 > bytes.length) throw new CaptureError(`packet header truncated at byte ${off}`);
		const sec = v.getUint32(off, le);
		const frac = v.getUint32(off + 4, le);
		const incl = v.getUint32(off + 8, le);
		if (incl > 262144 || off + 16 + incl > bytes.length) throw new CaptureError(`packet at byte ${off} claims ${incl} bytes past the end`);
		out.add(bytes.subarray(off + 16, off + 16 + incl), linkType, sec + frac / (nano ? 1e9 : 1e6));
		off += 16 + incl;
	}
	return out.result();
}

interface Iface {
	linkType: number;
	/** Seconds per timestamp unit. */
	unit: number;
}

function readPcapng(bytes: Uint8Array, v: DataView): PcapResult {
	const out = new Collector();
	let ifaces: Iface[] = [];
	let le = true;
	let off = 0;
	while (off < bytes.length) {
		if (off + 12 > bytes.length) throw new CaptureError(`pcapng block truncated at byte ${off}`);
		const type = v.getUint32(off, le);
		if (type === PCAPNG_SHB) {
			const bom = v.getUint32(off + 8, true);
			if (bom === BYTE_ORDER_MAGIC) le = true;
			else if (v.getUint32(off + 8, false) === BYTE_ORDER_MAGIC) le = false;
			else throw new CaptureError(`pcapng section at byte ${off} has no byte-order magic`);
			ifaces = []; // interfaces are numbered per section
		}
		const len = v.getUint32(off + 4, le);
		if (len < 12 || len % 4 !== 0 || off + len > bytes.length)
			throw new CaptureError(`pcapng block at byte ${off} has a bad length (${len})`);
		const body = off + 8;
		if (type === 1) {
			if (len < 20) throw new CaptureError(`interface block at byte ${off} too short`);
			ifaces.push({ linkType: v.getUint16(body, le), unit: tsUnit(bytes, v, body + 8, off + len - 4, le) });
		} else if (type === 6) {
			if (len < 32) throw new CaptureError(`packet block at byte ${off} too short`);
			const iface = ifaces[v.getUint32(body, le)];
			if (!iface) throw new CaptureError(`packet block at byte ${off} names an unknown interface`);
			const ts = v.getUint32(body + 4, le) * 2 ** 32 + v.getUint32(body + 8, le);
			const incl = v.getUint32(body + 12, le);
			if (body + 20 + incl > off + len - 4) throw new CaptureError(`packet block at byte ${off} claims ${incl} bytes past its end`);
			out.add(bytes.subarray(body + 20, body + 20 + incl), iface.linkType, ts * iface.unit);
		} else if (type === 3) {
			const iface = ifaces[0];
			if (!iface) throw new CaptureError(`simple packet block at byte ${off} before any interface`);
			const orig = v.getUint32(body, le);
			out.add(bytes.subarray(body + 4, body + 4 + Math.min(orig, len - 16)), iface.linkType, 0);
		}
		off += len;
	}
	return out.result();
}

/** The if_tsresol option (code 9): 10^-n or 2^-n seconds; microseconds when absent. */
function tsUnit(bytes: Uint8Array, v: DataView, from: number, to: number, le: boolean): number {
	for (let o = from; o + 4 <= to; ) {
		const code = v.getUint16(o, le);
		const olen = v.getUint16(o + 2, le);
		if (code === 0) break;
		if (code === 9 && olen >= 1 && o + 4 < to) {
			const r = bytes[o + 4]!;
			return r & 0x80 ? 2 ** -(r & 0x7f) : 10 ** -r;
		}
		o += 4 + Math.ceil(olen / 4) * 4;
	}
	return 1e-6;
}
