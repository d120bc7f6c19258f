import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '$lib/core/capture/frames';
import { CaptureError, MAX_PACKETS, type Packet } from '$lib/core/capture/packet';
import { parsePcap } from '$lib/core/capture/pcap';
import { replayCapture } from '$lib/core/capture/replay';
import { parseTcpdumpText } from '$lib/core/capture/tcpdump-text';
import { pcapFile, pcapngFile } from '../capture/build';
import { fuzzInputs, rng, type Rng } from './mutate';

/**
 * The capture readers under fuzzing: 10,000 inputs — mutated copies of the committed recordings
 * and of pcapng / SLL / IPv6 files built from them (bit flips, cut files, lengths set to huge
 * values, spliced blocks, random bytes), and mutated tcpdump text. Each either parses into
 * well-formed packets that the machine can replay, or is refused with a CaptureError whose message
 * is one clear line; nothing else escapes. Parse times are the bench's business.
 */
const SEED = 0x15_ca97;
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const DIR = 'static/captures';

const pcaps = readdirSync(DIR).filter((f) => f.endsWith('.pcap')).map((f) => new Uint8Array(readFileSync(`${DIR}/${f}`)));
const texts = readdirSync(DIR).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${DIR}/${f}`, 'utf8'));
const sampled = parsePcap(pcaps[0]!).packets;
const v6 = sampled.map((p) => ({ ...p, src: { ...p.src, addr: '::1' }, dst: { ...p.dst, addr: '::1' } }));
const BINARY = [
	...pcaps,
	pcapngFile(sampled, LINKTYPE.LINUX_SLL2),
	pcapngFile(v6, LINKTYPE.ETHERNET),
	pcapFile(v6, LINKTYPE.LINUX_SLL, false),
	pcapFile(sampled, LINKTYPE.NULL)
];

function mutateBytes(src: Uint8Array, r: Rng): { how: string; bytes: Uint8Array } {
	const b = src.slice();
	const roll = r.next();
	if (roll < 0.05) return { how: 'random', bytes: Uint8Array.from({ length: r.int(400) }, () => r.int(256)) };
	if (roll < 0.25) return { how: 'cut', bytes: b.subarray(0, r.int(b.length)) };
	if (roll < 0.5) {
		// A length field (any aligned 32-bit word) set to something huge, tiny or off by a little.
		const at = r.int(Math.max(1, b.length >> 2)) * 4;
		if (at + 4 <= b.length) new DataView(b.buffer).setUint32(at, r.pick([0, 1, 11, 0xffffffff, 0x7fffffff, 65536, r.int(2 ** 32)]), r.chance(0.5));
		return { how: 'word', bytes: b };
	}
	if (roll < 0.7) {
		const start = r.int(b.length);
		const piece = b.subarray(start, start + r.int(200));
		const at = r.int(b.length);
		return { how: 'splice', bytes: new Uint8Array([...b.subarray(0, at), ...piece, ...b.subarray(at)]) };
	}
	for (let n = 1 + r.int(8); n > 0 && b.length > 0; n--) {
		const at = r.int(b.length);
		b[at] = b[at]! ^ (1 << r.int(8));
	}
	return { how: 'flip', bytes: b };
}

function expectWellFormed(packets: readonly Packet[], what: string) {
	expect(packets.length, what).toBeLessThanOrEqual(MAX_PACKETS);
	const bad = packets.find(
		(p) => !Number.isFinite(p.time) || [p.seq, p.ack ?? 0, p.win, p.len, p.src.port, p.dst.port].some((n) => !Number.isInteger(n) || n < 0 || n >= 2 ** 32)
	);
	expect(bad, what).toBeUndefined();
	// The machine can read whatever parsed, however odd.
	const replay = replayCapture(packets);
	expect(replay.steps.length, what).toBeGreaterThanOrEqual(packets.length - replay.otherPackets);
}

function expectClearRefusal(e: unknown, what: string) {
	expect(e, `${what}: ${String(e)}`).toBeInstanceOf(CaptureError);
	const message = (e as Error).message;
	expect(message.length, message).toBeGreaterThan(5);
	expect(message.length, message).toBeLessThanOrEqual(200);
	expect(message, what).not.toMatch(/undefined|NaN|\[object /);
}

describe('capture readers under fuzzing', () => {
	it(`${COUNT} inputs: packets the machine can replay, or a clear refusal`, () => {
		const r = rng(SEED);
		const textInputs = fuzzInputs(SEED + 1, texts, Math.ceil(COUNT / 2));
		const outcomes = { parsed: 0, refused: 0 };
		for (let i = 0; i < COUNT; i++) {
			let what: string;
			let run: () => { packets: Packet[] };
			if (i % 2 === 0) {
				const { how, bytes } = mutateBytes(r.pick(BINARY), r);
				what = `binary #${i} (${how})`;
				run = () => parsePcap(bytes);
			} else {
				const { how, text } = textInputs.next().value!;
				what = `text #${i} (${how})`;
				run = () => parseTcpdumpText(text);
			}
			try {
				expectWellFormed(run().packets, what);
				outcomes.parsed++;
			} catch (e) {
				if (e instanceof Error && e.name === 'AssertionError') throw e;
				expectClearRefusal(e, what);
				outcomes.refused++;
			}
		}
		// Both outcomes must occur, or the mutations are not reaching the readers.
		expect(outcomes.parsed).toBeGreaterThan(COUNT / 10);
		expect(outcomes.refused).toBeGreaterThan(COUNT / 10);
	}, 60_000);
});
