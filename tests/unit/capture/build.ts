/**
 * Capture files built from packets, for tests: every link type and container the reader accepts
 * (classic pcap in either byte order, pcapng with several interfaces), IPv4 and IPv6.
 */
import { LINKTYPE } from '$lib/core/capture/frames';
import type { Packet } from '$lib/core/capture/packet';

type Link = (typeof LINKTYPE)[keyof typeof LINKTYPE];

function ipBytes(addr: string): number[] {
	if (!addr.includes(':')) return addr.split('.').map(Number);
	const [head, tail] = addr.split('::') as [string, string | undefined];
	const h = head ? head.split(':') : [];
	const t = tail ? tail.split(':') : [];
	const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
	return groups.flatMap((g) => {
		const n = parseInt(g, 16);
		return [n >> 8, n & 0xff];
	});
}

function tcpHeader(p: Packet): number[] {
	const b = new DataView(new ArrayBuffer(20));
	b.setUint16(0, p.src.port);
	b.setUint16(2, p.dst.port);
	b.setUint32(4, p.seq);
	b.setUint32(8, p.ack ?? 0);
	b.setUint8(12, 5 << 4);
	const f = p.flags;
	b.setUint8(13, (f.fin ? 1 : 0) | (f.syn ? 2 : 0) | (f.rst ? 4 : 0) | (f.psh ? 8 : 0) | (f.ack ? 16 : 0));
	b.setUint16(14, p.win);
	return [...new Uint8Array(b.buffer)];
}

/** The IP packet; its payload is cut (as a snap length would) but the lengths say `len`. */
export function ipPacket(p: Packet): number[] {
	const tcp = tcpHeader(p);
	if (p.src.addr.includes(':')) {
		const plen = tcp.length + p.len;
		return [0x60, 0, 0, 0, plen >> 8, plen & 0xff, 6, 64, ...ipBytes(p.src.addr), ...ipBytes(p.dst.addr), ...tcp];
	}
	const total = 20 + tcp.length + p.len;
	return [0x45, 0, total >> 8, total & 0xff, 0, 0, 0x40, 0, 64, 6, 0, 0, ...ipBytes(p.src.addr), ...ipBytes(p.dst.addr), ...tcp];
}

export function frame(p: Packet, link: Link): number[] {
	const ip = ipPacket(p);
	const type = p.src.addr.includes(':') ? [0x86, 0xdd] : [0x08, 0x00];
	switch (link) {
		case LINKTYPE.ETHERNET:
			return [...Array(12).fill(0), ...type, ...ip];
		case LINKTYPE.LINUX_SLL:
			return [0, 0, 3, 4, 0, 6, ...Array(8).fill(0), ...type, ...ip];
		case LINKTYPE.LINUX_SLL2:
			return [...type, 0, 0, 0, 0, 0, 1, 3, 4, 0, 6, ...Array(8).fill(0), ...ip];
		case LINKTYPE.NULL:
			return [2, 0, 0, 0, ...ip];
		default:
			return ip;
	}
}

export function pcapFile(packets: readonly Packet[], link: Link, littleEndian = true): Uint8Array {
	const frames = packets.map((p) => frame(p, link));
	const size = 24 + frames.reduce((n, f) => n + 16 + f.length, 0);
	const v = new DataView(new ArrayBuffer(size));
	const le = littleEndian;
	v.setUint32(0, 0xa1b2c3d4, le);
	v.setUint16(4, 2, le);
	v.setUint16(6, 4, le);
	v.setUint32(16, 262144, le);
	v.setUint32(20, link, le);
	let off = 24;
	frames.forEach((f, i) => {
		const t = 1_700_000_000 + packets[i]!.time;
		v.setUint32(off, Math.floor(t), le);
		v.setUint32(off + 4, Math.round((t % 1) * 1e6), le);
		v.setUint32(off + 8, f.length, le);
		v.setUint32(off + 12, f.length, le);
		new Uint8Array(v.buffer).set(f, off + 16);
		off += 16 + f.length;
	});
	return new Uint8Array(v.buffer);
}

const pad4 = (n: number) => Math.ceil(n / 4) * 4;

function block(type: number, body: number[]): number[] {
	const len = 12 + pad4(body.length);
	const v = new DataView(new ArrayBuffer(len));
	v.setUint32(0, type, true);
	v.setUint32(4, len, true);
	new Uint8Array(v.buffer).set(body, 8);
	v.setUint32(len - 4, len, true);
	return [...new Uint8Array(v.buffer)];
}

const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/**
 * pcapng: a section header, a first interface of another link type that no packet uses (so the
 * interface index matters), the packets' interface with nanosecond timestamps, then the packets.
 */
export function pcapngFile(packets: readonly Packet[], link: Link): Uint8Array {
	const shb = block(0x0a0d0d0a, [...u32(0x1a2b3c4d), ...u16(1), ...u16(0), ...u32(0xffffffff), ...u32(0xffffffff)]);
	const idbOther = block(1, [...u16(147), ...u16(0), ...u32(0)]);
	const idb = block(1, [...u16(link), ...u16(0), ...u32(0), ...u16(9), ...u16(1), 9, 0, 0, 0, ...u16(0), ...u16(0)]);
	const epbs = packets.flatMap((p) => {
		const f = frame(p, link);
		const ns = BigInt(1_700_000_000) * 1_000_000_000n + BigInt(Math.round(p.time * 1e9));
		const hi = Number(ns >> 32n);
		const lo = Number(ns & 0xffffffffn);
		return block(6, [...u32(1), ...u32(hi), ...u32(lo), ...u32(f.length), ...u32(f.length), ...f, ...Array(pad4(f.length) - f.length).fill(0)]);
	});
	return new Uint8Array([...shb, ...idbOther, ...idb, ...epbs]);
}
