/**
 * The packet simulator: sequence numbers, windows, piggy-backed ACKs, losses on the RTO schedule,
 * its tcpdump text read back, and each committed capture's flags reproduced by the same scenario.
 */
import { describe, expect, it } from 'vitest';
import { flagString, type Packet } from '$lib/core/capture/packet';
import { PACKET_SCENARIOS } from '$lib/core/capture/packet-scenarios';
import { runPackets, type PacketMove } from '$lib/core/capture/packet-sim';
import { replayCapture } from '$lib/core/capture/replay';
import { formatTcpdumpText, parseTcpdumpText } from '$lib/core/capture/tcpdump-text';
import { synAckTimeline } from '$lib/core/params/durations';
import { SCENARIOS, SCENARIO_IDS, simulate } from '$lib/core/fsm';
import { simulatorLines } from '$lib/core/capture/simulator-lines';
import { captureIndex, textOf } from './captures';

const run = (id: string, seed?: string) => {
	const s = PACKET_SCENARIOS[id]!;
	return runPackets(s.moves, { ...s.options, ...(seed ? { seed } : {}) });
};
const flags = (ps: readonly Packet[]) => ps.map((p) => flagString(p.flags));
const control = (ps: readonly Packet[]) => ps.filter((p) => p.flags.syn || p.flags.fin || p.flags.rst);
/** tcpdump prints no sequence number for an empty segment (a zero-window probe's is SND.UNA − 1). */
const printed = ({ seq, ...p }: Packet) => ({ ...p, seq: p.len > 0 || p.flags.syn || p.flags.fin || p.flags.rst ? seq : 'not printed' });

describe('packet simulator', () => {
	it('draws its ISNs from the seed: the same seed, the same numbers; another seed, others', () => {
		const a = run('client_closes_first', 'one');
		expect(run('client_closes_first', 'one').packets).toEqual(a.packets);
		const b = run('client_closes_first', 'two');
		expect(b.packets[0]!.seq).not.toBe(a.packets[0]!.seq);
		expect(flags(b.packets)).toEqual(flags(a.packets));
	});

	it('numbers data and FINs: each byte and each FIN takes one sequence number, the ACK names the next', () => {
		const { packets } = run('client_closes_first');
		const [syn, synAck, , request, ackOfRequest] = packets;
		expect(synAck!.ack).toBe((syn!.seq + 1) % 2 ** 32);
		expect(request!.len).toBe(6);
		expect(ackOfRequest!.ack).toBe((request!.seq + 6) % 2 ** 32);
		const [finA, finB] = packets.filter((p) => p.flags.fin);
		expect(packets.at(-1)!.ack).toBe((finB!.seq + 1) % 2 ** 32);
		expect(packets[packets.indexOf(finA!) + 1]!.ack).toBe((finA!.seq + 1) % 2 ** 32);
	});

	it('prints tcpdump -nn text that reads back to the same packets (absolute SYNs, relative after)', () => {
		for (const id of Object.keys(PACKET_SCENARIOS)) {
			const { packets } = run(id);
			const text = formatTcpdumpText(packets);
			expect(text.split('\n')[0]).toMatch(/^ 00:00:00\.000000 IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.9999: Flags \[S\], seq \d+, win \d+, length 0$/);
			if (id !== 'connection_refused') expect(text).toMatch(/Flags \[\.\], ack 1, win \d+, length 0/);
			expect(parseTcpdumpText(text).packets.map(printed)).toEqual(packets.map(printed));
		}
	});

	it('holds the ACK of a FIN for the FIN that follows: the three-segment close', () => {
		const tail = flags(run('three_segment_close').packets).slice(-3);
		expect(tail).toEqual(['F.', 'F.', '.']);
	});

	it('closes the window of a reader that stops reading; a FIN queued behind data waits until it reads', () => {
		const moves: PacketMove[] = [
			...PACKET_SCENARIOS.client_closes_first!.moves.slice(0, 5),
			{ kind: 'send', side: 'A', bytes: 3000 },
			{ kind: 'deliver', to: 'B' },
			{ kind: 'deliver', to: 'A' },
			{ kind: 'app', side: 'A', event: 'close' },
			{ kind: 'probe', side: 'A' },
			{ kind: 'deliver', to: 'B' },
			{ kind: 'deliver', to: 'A' },
			{ kind: 'read', side: 'B' },
			{ kind: 'deliver', to: 'A' }
		];
		const { packets, steps } = runPackets(moves, { buffer: { B: 2000 }, stalled: ['B'] });
		const zero = packets.findIndex((p) => p.win === 0);
		expect(packets[zero]!.ack! - packets[zero - 1]!.seq).toBe(2000);
		const fin = packets.findIndex((p) => p.flags.fin);
		// The FIN leaves after the window update and the last 1,000 bytes, with the sequence number after them.
		expect(flags(packets.slice(fin - 2, fin + 1))).toEqual(['.', 'P.', 'F.']);
		expect(packets[fin]!.seq).toBe((packets[fin - 1]!.seq + 1000) % 2 ** 32);
		expect(steps.at(-1)!.states.A).toBe('FIN_WAIT_1');
		// A probe is answered with the closed window.
		const probe = packets.findIndex((p, i) => i > zero && p.src.port !== 9999 && p.len === 0 && !p.flags.fin);
		expect(packets[probe + 1]!.win).toBe(0);
	});

	it('retransmits a lost segment on the RTO schedule of src/lib/core/params (SYN-ACK: 1 s, then 2 s more)', () => {
		const lose: PacketMove[] = [{ kind: 'lose', to: 'A' }, { kind: 'retransmit', side: 'B' }];
		const moves: PacketMove[] = [
			{ kind: 'app', side: 'B', event: 'passive_open' },
			{ kind: 'app', side: 'A', event: 'active_open' },
			{ kind: 'deliver', to: 'B' },
			...lose,
			...lose,
			{ kind: 'deliver', to: 'A' }
		];
		const { packets, lost } = runPackets(moves);
		const synAcks = packets.filter((p) => p.flags.syn && p.flags.ack);
		const first = synAcks[0]!.time;
		expect(synAcks.slice(1).map((p) => Math.round((p.time - first) * 1000) / 1000)).toEqual(synAckTimeline().retransmissionsAt.slice(0, 2));
		expect(lost).toEqual([1, 2]);
		expect(new Set(synAcks.map((p) => p.seq)).size).toBe(1);
	});

	it('agrees with the machine: replaying its packets gives the states its steps reached', () => {
		for (const id of ['client_closes_first', 'server_closes_first', 'three_segment_close', 'half_close', 'abortive_close', 'lost_fin', 'lost_syn_ack']) {
			const r = run(id);
			const replayed = replayCapture(r.packets, { lost: r.lost }).steps.at(-1)!.states;
			expect(replayed, id).toEqual(r.steps.at(-1)!.states);
		}
	});
});

describe('the /simulate page on the wire', () => {
	const WIRE = { SYN: 'S', SYN_ACK: 'S.', ACK: '.', FIN: 'F.', RST: 'R' };
	for (const id of SCENARIO_IDS) {
		it(`${id}: one tcpdump line per segment the two-host simulation sends, same flags, same losses`, () => {
			const steps = simulate(SCENARIOS[id]);
			const sent = steps.flatMap((s) => (s.sent ? [s.sent] : []));
			const expected = sent.map((w) => (w.flag === 'ACK' && w.len > 0 ? 'P.' : w.flag === 'RST' && w.ack !== undefined ? 'R.' : w.flag === 'FIN' && w.ack === undefined ? 'F' : WIRE[w.flag]));
			const r = runPackets(SCENARIOS[id], { quietData: true });
			expect(flags(r.packets)).toEqual(expected);
			expect(r.lost.length).toBe(steps.filter((s) => s.lost).length);
			const text = simulatorLines(SCENARIOS[id]);
			expect(text.split('\n')).toHaveLength(sent.length);
			expect(text).toMatch(/^ 00:00:00\.000000 IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.9999: Flags \[S\], seq \d+, win 65483, length 0/);
		});
	}
	it('shows nothing before the first segment', () => expect(simulatorLines([{ kind: 'app', side: 'B', event: 'passive_open' }])).toBe(''));
});

describe('the packet simulator sends what the kernel sent', () => {
	const { captures } = captureIndex();
	/** Exchanges where timers or the kernel's pacing add packets the scenario does not script. */
	const CONTROL_ONLY = new Set(['lost_syn_ack', 'simultaneous_close_closing', 'passive_close_last_ack']);
	for (const info of captures.filter((c) => c.id !== 'self_connect')) {
		it(`${info.id}: ${CONTROL_ONLY.has(info.id) ? 'SYN, FIN and RST packets' : 'every packet'} in the same order with the same flags`, () => {
			const real = parseTcpdumpText(textOf(info)).packets;
			const sim = run(info.id);
			if (!CONTROL_ONLY.has(info.id)) return expect(flags(sim.packets)).toEqual(flags(real));
			// Packets the machine finds unexpected in the recording (timers crossing on the wire) are left out.
			const replay = replayCapture(real, info);
			const odd = new Set(replay.steps.flatMap((s) => (s.kind === 'packet' && s.odd.includes('unexpected') ? [s.index] : [])));
			const side = (p: Packet) => (p.src.port === real[0]!.src.port ? 'A' : 'B');
			const simSide = (p: Packet) => (p.src.port === sim.packets[0]!.src.port ? 'A' : 'B');
			const realControl = control(real.filter((_, i) => !odd.has(i))).map((p) => `${side(p)} ${flagString(p.flags)}`);
			expect(control(sim.packets).map((p) => `${simSide(p)} ${flagString(p.flags)}`)).toEqual(realControl);
			expect(sim.packets.some((p) => p.win === 0)).toBe(real.some((p) => p.win === 0 && !p.flags.rst));
		});
	}
});
