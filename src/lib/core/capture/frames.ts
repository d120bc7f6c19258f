import type { Packet } from './packet';

/**
 * From one captured frame to its TCP segment: strip the link layer (Ethernet with VLAN tags,
 * Linux cooked SLL and SLL2, raw IP, BSD loopback), then IPv4 or IPv6, then TCP. Anything else,
 * or a frame cut too short to hold the TCP header, gives undefined.
 */
export const LINKTYPE = { NULL: 0, ETHERNET: 1, RAW: 101, LINUX_SLL: 113, IPV4: 228, IPV6: 229, LINUX_SLL2: 276 } as const;

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;
const ETH_VLAN = [0x8100, 0x88a8];

export function decodeFrame(b: Uint8Array, linkType: number): Omit<Packet, 'time'> | undefined {
	const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
	const ip = ipStart(b, v, linkType);
	return ip === undefined ? undefined : decodeIp(b, v, ip);
}

function ipStart(b: Uint8Array, v: DataView, linkType: number): number | undefined {
	switch (linkType) {
		case LINKTYPE.ETHERNET: {
			let off = 12;
			if (b.length < 14) return undefined;
			let type = v.getUint16(off);
			while (ETH_VLAN.includes(type) && off + 6 <= b.length) {
				off += 4;
				type = v.getUint16(off);
			}
			return type === ETH_IPV4 || type === ETH_IPV6 ? off + 2 : undefined;
		}
		case LINKTYPE.LINUX_SLL:
			return b.length >= 16 && [ETH_IPV4, ETH_IPV6].includes(v.getUint16(14)) ? 16 : undefined;
		case LINKTYPE.LINUX_SLL2:
			return b.length >= 20 && [ETH_IPV4, ETH_IPV6].includes(v.getUint16(0)) ? 20 : undefined;
		case LINKTYPE.NULL:
			return b.length >= 4 ? 4 : undefined;
		case LINKTYPE.RAW:
		case LINKTYPE.IPV4:
		case LINKTYPE.IPV6:
			return 0;
		default:
			return undefined;
	}
}

const IPPROTO_TCP = 6;

function decodeIp(b: Uint8Array, v: DataView, off: number): Omit<Packet, 'time'> | undefined {
	if (off >= b.length) return undefined;
	const version = b[off]! >> 4;
	let tcp: number;
	let payloadEnd: number;
	let src: string;
	let dst: string;
	if (version === 4) {
		const ihl = (b[off]! & 0x0f) * 4;
		if (ihl < 20 || off + ihl > b.length || b[off + 9] !== IPPROTO_TCP) return undefined;
		if ((v.getUint16(off + 6) & 0x1fff) !== 0) return undefined; // a later fragment has no TCP header
		src = Array.from(b.subarray(off + 12, off + 16)).join('.');
		dst = Array.from(b.subarray(off + 16, off + 20)).join('.');
		tcp = off + ihl;
		payloadEnd = off + v.getUint16(off + 2);
	} else if (version === 6) {
		if (off + 40 > b.length || b[off + 6] !== IPPROTO_TCP) return undefined; // extension headers: not followed
		src = ipv6(v, off + 8);
		dst = ipv6(v, off + 24);
		tcp = off + 40;
		payloadEnd = tcp + v.getUint16(off + 4);
	} else return undefined;
	if (tcp + 20 > b.length) return undefined;
	const dataOff = (b[tcp + 12]! >> 4) * 4;
	if (dataOff < 20 || payloadEnd < tcp + dataOff) return undefined;
	const f = b[tcp + 13]!;
	const ackSet = (f & 0x10) !== 0;
	const packet: Omit<Packet, 'time'> = {
		src: { addr: src, port: v.getUint16(tcp) },
		dst: { addr: dst, port: v.getUint16(tcp + 2) },
		flags: { fin: (f & 1) !== 0, syn: (f & 2) !== 0, rst: (f & 4) !== 0, psh: (f & 8) !== 0, ack: ackSet },
		seq: v.getUint32(tcp + 4),
		win: v.getUint16(tcp + 14),
		len: payloadEnd - tcp - dataOff
	};
	if (ackSet) packet.ack = v.getUint32(tcp + 8);
	return packet;
}

/** RFC 5952 short form: lower case, the longest run of zero groups as `::`. */
function ipv6(v: DataView, off: number): string {
	const g = Array.from({ length: 8 }, (_, i) => v.getUint16(off + 2 * i));
	let best = -1;
	let bestLen = 1;
	for (let i = 0; i < 8; ) {
		let j = i;
		while (j < 8 && g[j] === 0) j++;
		if (j - i > bestLen) [best, bestLen] = [i, j - i];
		i = j > i ? j : i + 1;
	}
	const hex = g.map((x) => x.toString(16));
	if (best < 0) return hex.join(':');
	return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
