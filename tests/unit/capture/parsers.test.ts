import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '$lib/core/capture/frames';
import { CaptureError, MAX_CAPTURE_BYTES, MAX_PACKETS, noFlags, type Packet } from '$lib/core/capture/packet';
import { parsePcap } from '$lib/core/capture/pcap';
import { formatTcpdumpText, parseTcpdumpText } from '$lib/core/capture/tcpdump-text';
import { frame, pcapFile, pcapngFile } from './build';
import { captureIndex, pcapOf } from './captures';

const flags = (s: string) => ({ ...noFlags(), syn: s.includes('S'), fin: s.includes('F'), rst: s.includes('R'), psh: s.includes('P'), ack: s.includes('.') });
function pkt(time: number, src: string, dst: string, f: string, seq: number, ack: number | undefined, len = 0, win = 512): Packet {
	const [sa, sp] = [src.slice(0, src.lastIndexOf('.')), Number(src.slice(src.lastIndexOf('.') + 1))];
	const [da, dp] = [dst.slice(0, dst.lastIndexOf('.')), Number(dst.slice(dst.lastIndexOf('.') + 1))];
	const p: Packet = { time, src: { addr: sa, port: sp }, dst: { addr: da, port: dp }, flags: flags(f), seq, win, len };
	if (ack !== undefined) p.ack = ack;
	return p;
}

const V4: Packet[] = [
	pkt(0, '10.0.0.1.5000', '10.0.0.2.80', 'S', 4_294_966_000, undefined),
	pkt(0.001, '10.0.0.2.80', '10.0.0.1.5000', 'S.', 7, 4_294_966_001),
	pkt(0.002, '10.0.0.1.5000', '10.0.0.2.80', '.', 4_294_966_001, 8),
	// crosses the 32-bit wrap
	pkt(0.5, '10.0.0.1.5000', '10.0.0.2.80', 'P.', 4_294_966_001, 8, 1000),
	pkt(0.75, '10.0.0.2.80', '10.0.0.1.5000', 'F.', 8, 705, 0, 0),
	pkt(1.25, '10.0.0.1.5000', '10.0.0.2.80', 'R', 705, undefined)
];
const V6 = V4.map((p) => ({ ...p, src: { ...p.src, addr: p.src.port === 80 ? '2001:db8::2' : 'fe80::1:0:0:1' }, dst: { ...p.dst, addr: p.dst.port === 80 ? '2001:db8::2' : 'fe80::1:0:0:1' } }));

describe('pcap and pcapng', () => {
	for (const [name, link] of Object.entries(LINKTYPE))
		for (const [family, packets] of [['IPv4', V4], ['IPv6', V6]] as const) {
			it(`${name} ${family}: pcap (both byte orders) and pcapng give back the packets`, () => {
				expect(parsePcap(pcapFile(packets, link)).packets).toEqual(packets);
				expect(parsePcap(pcapFile(packets, link, false)).packets).toEqual(packets);
				expect(parsePcap(pcapngFile(packets, link)).packets).toEqual(packets);
			});
		}

	it('reads the committed recordings (Ethernet on lo)', () => {
		for (const info of captureIndex().captures) {
			const r = pcapOf(info);
			expect(r.packets.length, info.id).toBeGreaterThan(1);
			expect(r.skipped).toBe(0);
		}
	});

	it('skips frames that are not TCP and counts them', () => {
		const file = pcapFile(V4, LINKTYPE.ETHERNET);
		const udp = frame(V4[0]!, LINKTYPE.ETHERNET);
		udp[14 + 9] = 17;
		const withUdp = pcapFile([V4[0]!], LINKTYPE.ETHERNET);
		withUdp.set(udp, 24 + 16);
		expect(parsePcap(withUdp)).toMatchObject({ packets: [], skipped: 1 });
		expect(parsePcap(file).skipped).toBe(0);
	});

	it('refuses broken files with a message that says where', () => {
		const good = pcapFile(V4, LINKTYPE.ETHERNET);
		expect(() => parsePcap(good.subarray(0, good.length - 3))).toThrow(/byte \d+/);
		expect(() => parsePcap(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a pcap or pcapng/);
		expect(() => parsePcap(new Uint8Array(2))).toThrow(CaptureError);
		expect(() => parsePcap(new Uint8Array(MAX_CAPTURE_BYTES + 1))).toThrow(/too large/);
		const ng = pcapngFile(V4, LINKTYPE.LINUX_SLL2);
		const v = new DataView(ng.buffer);
		v.setUint32(ng.length - v.getUint32(ng.length - 4, true) + 4, 0xfffff0, true); // the last block's length, past the end
		expect(() => parsePcap(ng)).toThrow(/bad length|past/);
	});

	it(`keeps at most ${MAX_PACKETS} packets and says it cut the rest`, () => {
		const many = Array.from({ length: MAX_PACKETS + 5 }, (_, i) => ({ ...V4[2]!, time: i / 1000 }));
		const r = parsePcap(pcapFile(many, LINKTYPE.RAW));
		expect(r.packets).toHaveLength(MAX_PACKETS);
		expect(r.truncated).toBe(true);
	});
});

describe('tcpdump -nn text', () => {
	it('writes packets with relative numbers and reads them back absolute', () => {
		const text = formatTcpdumpText(V4);
		expect(text.split('\n')[1]).toBe(' 00:00:00.001000 IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 7, ack 4294966001, win 512, length 0');
		expect(text.split('\n')[3]).toBe(' 00:00:00.500000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 1:1001, ack 1, win 512, length 1000');
		expect(parseTcpdumpText(text).packets).toEqual(V4);
		expect(parseTcpdumpText(formatTcpdumpText(V6)).packets).toEqual(V6);
	});

	it('reads every time form tcpdump prints', () => {
		const line = 'IP 1.2.3.4.10 > 5.6.7.8.20: Flags [S], seq 5, win 100, length 0';
		const at = (stamps: string[]) => parseTcpdumpText(stamps.map((s) => `${s} ${line}`).join('\n')).packets.map((p) => p.time);
		expect(at(['05:17:00.000000', '05:17:01.500000'])).toEqual([0, 1.5]);
		expect(at(['1733378400.000000', '1733378400.250000'])).toEqual([0, 0.25]);
		expect(at(['2026-12-05 05:17:00.000000', '2026-12-05 05:17:00.100000'])).toEqual([0, 0.1]);
		expect(at(['00:00:00.000000', '00:00:00.200000', '00:00:00.100000'])).toEqual([0, 0.2, 0.3]); // -ttt deltas
		expect(parseTcpdumpText(`${line}\n${line}`).packets.map((p) => p.time)).toEqual([0, 0]);
		expect(parseTcpdumpText(`lo    In  ${line}`).packets).toHaveLength(1); // -i any
	});

	it('takes -S output (absolute numbers) as it is', () => {
		const text = [
			'IP 1.1.1.1.1 > 2.2.2.2.2: Flags [S], seq 3000000000, win 10, length 0',
			'IP 2.2.2.2.2 > 1.1.1.1.1: Flags [S.], seq 9, ack 3000000001, win 10, length 0',
			'IP 1.1.1.1.1 > 2.2.2.2.2: Flags [.], ack 10, win 10, length 0',
			'IP 2.2.2.2.2 > 1.1.1.1.1: Flags [P.], seq 10:20, ack 3000000001, win 10, length 10'
		].join('\n');
		expect(parseTcpdumpText(text).packets[3]).toMatchObject({ seq: 10, ack: 3_000_000_001, len: 10 });
	});

	it('refuses text with no packets, and numbers out of range, clearly', () => {
		expect(() => parseTcpdumpText('')).toThrow(/empty/);
		expect(() => parseTcpdumpText('hello\nworld')).toThrow(/no TCP packet lines/);
		expect(() => parseTcpdumpText('IP 1.2.3.4.99999999999 > 1.2.3.4.1: Flags [S], seq 1, win 1, length 0')).toThrow(/line 1: a number out of range/);
		expect(() => parseTcpdumpText('IP 1.2.3.4.1 > 1.2.3.4.2: Flags [.], win 1, length 0')).toThrow(/line 1: an ACK flag without/);
		expect(() => parseTcpdumpText('x'.repeat(MAX_CAPTURE_BYTES + 1))).toThrow(/too large/);
	});
});
