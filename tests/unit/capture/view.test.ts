/** The capture page's pure helpers: reading input into packets or a problem, rows, labels, keys. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRecordedId, RECORDED_IDS, recordingOf, SCENARIO_OF } from '$lib/core/capture/catalog';
import { MAX_CAPTURE_BYTES } from '$lib/core/capture/packet';
import { replayCapture } from '$lib/core/capture/replay';
import { drawnWindow, DRAWN_ROWS, initialStates, isTypingTarget, packetRows, readCaptureBytes, readCaptureText, relativeLabeller, stepForKey, tooLarge, type Loaded } from '$lib/core/capture/view';
import { SCENARIO_IDS } from '$lib/core/fsm';
import { CAPTURE_DIR, captureIndex, textOf } from './captures';

const { captures } = captureIndex();
const info = (id: string) => captures.find((c) => c.id === id)!;
const pcapBytes = (id: string) => new Uint8Array(readFileSync(join(CAPTURE_DIR, `${id}.pcap`)));
function ok(loaded: Loaded) {
	if (!loaded.ok) throw new Error(`expected packets, got ${loaded.problem.kind}: ${loaded.problem.detail}`);
	return loaded;
}
const rowsOf = (id: string) => packetRows(replayCapture(ok(readCaptureBytes(pcapBytes(id))).packets, info(id)));

describe('the recordings the page offers', () => {
	it('are exactly the committed ones, each mapped to a simulator scenario', () => {
		expect([...RECORDED_IDS].sort()).toEqual(captures.map((c) => c.id).sort());
		for (const id of RECORDED_IDS) expect(SCENARIO_IDS).toContain(SCENARIO_OF[id]);
		expect(isRecordedId('lost_fin')).toBe(true);
		expect(isRecordedId('lost_fin.pcap')).toBe(false);
	});
	it('link back from the simulator: a recording of the same name first, else one that plays it, else none', () => {
		expect(recordingOf('client_closes_first')).toBe('client_closes_first');
		expect(recordingOf('reset')).toBe('abortive_close');
		expect(recordingOf('simultaneous_open')).toBe('self_connect');
		expect(recordingOf('three_way_handshake')).toBeUndefined();
		expect(recordingOf('lost_third_ack')).toBeUndefined();
	});
});

describe('reading input', () => {
	it('tells a pcap from tcpdump text, and both give the same rows', () => {
		for (const id of RECORDED_IDS) {
			const fromPcap = ok(readCaptureBytes(pcapBytes(id)));
			const fromText = ok(readCaptureText(textOf(info(id))));
			expect(fromPcap.format).toBe('pcap');
			expect(fromText.format).toBe('text');
			const labels = (l: typeof fromPcap) => packetRows(replayCapture(l.packets, info(id))).map((r) => `${r.label} ${r.step.states.A}/${r.step.states.B}`);
			expect(labels(fromText), id).toEqual(labels(fromPcap));
			// Text opened as a file reads the same as text pasted.
			expect(ok(readCaptureBytes(new TextEncoder().encode(textOf(info(id))))).packets).toEqual(fromText.packets);
		}
	});
	it('reports each kind of bad input, in a way the page can say in two languages', () => {
		const problem = (l: Loaded) => (l.ok ? 'ok' : l.problem.kind);
		expect(problem(readCaptureText(''))).toBe('empty');
		expect(problem(readCaptureText('  \n\t'))).toBe('empty');
		expect(problem(readCaptureText('hello\nworld'))).toBe('no_packets');
		expect(problem(readCaptureBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe('malformed');
		const cut = pcapBytes('lost_fin').subarray(0, 100);
		const r = readCaptureBytes(cut);
		expect(problem(r)).toBe('malformed');
		expect(r.ok ? '' : r.problem.detail).toMatch(/byte \d+/);
		expect(problem(readCaptureBytes(new Uint8Array(MAX_CAPTURE_BYTES + 1)))).toBe('too_large');
		expect(tooLarge(MAX_CAPTURE_BYTES)).toBeUndefined();
		expect(tooLarge(MAX_CAPTURE_BYTES + 1)?.kind).toBe('too_large');
		// A pcap header with no packets in it holds no TCP.
		expect(problem(readCaptureBytes(pcapBytes('lost_fin').subarray(0, 24)))).toBe('no_packets');
	});
});

describe('rows: one per packet, with the calls before it', () => {
	it('lost_fin: both hosts after every packet, the lost FIN and its retransmission named', () => {
		const rows = rowsOf('lost_fin');
		expect(rows.map((r) => r.step.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(rows[0]!.calls.map((c) => `${c.side} ${c.event}`)).toEqual(['B passive_open', 'A active_open']);
		expect(rows[0]!.before).toEqual({ A: 'CLOSED', B: 'CLOSED' });
		expect(rows[0]!.arriving).toEqual({ A: 'SYN_SENT', B: 'LISTEN' });
		for (let i = 1; i < rows.length; i++) expect(rows[i]!.before).toEqual(rows[i - 1]!.step.states);
		expect(rows[3]!.step.odd).toContain('lost');
		expect(rows[3]!.step.states).toEqual({ A: 'FIN_WAIT_1', B: 'ESTABLISHED' });
		expect(rows[4]!.step.odd).toContain('retransmission');
		expect(rows[4]!.step.states).toEqual({ A: 'FIN_WAIT_1', B: 'CLOSE_WAIT' });
		expect(rows.at(-1)!.step.states).toEqual({ A: 'TIME_WAIT', B: 'CLOSED' });
	});
	it('marks a RST and a zero window', () => {
		expect(rowsOf('connection_refused')[1]!.step.odd).toContain('rst');
		expect(rowsOf('passive_close_last_ack').some((r) => r.step.odd.includes('zero_window') && r.label.endsWith('win 0'))).toBe(true);
	});
	it('a capture that starts mid-connection starts both hosts ESTABLISHED', () => {
		const text = ' 00:00:00.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [F.], seq 10, ack 20, win 500, length 0';
		const replay = replayCapture(ok(readCaptureText(text)).packets);
		expect(initialStates(replay)).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
		expect(packetRows(replay)[0]!.before).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
	});
});

describe('labels in relative numbers', () => {
	it('reads like tcpdump by default', () => {
		expect(rowsOf('half_close').slice(0, 3).map((r) => r.label)).toEqual(['[S] seq 0', '[S.] seq 0 ack 1', '[.] ack 1']);
		const data = rowsOf('half_close').find((r) => r.step.packet.len > 0)!;
		expect(data.label).toMatch(/^\[P?\.\] seq 1:\d+ ack 1$/);
		const label = relativeLabeller();
		const p = { time: 0, src: { addr: 'a', port: 1 }, dst: { addr: 'b', port: 2 }, seq: 2 ** 32 - 1, win: 0, len: 0 };
		expect(label({ ...p, flags: { syn: true, ack: false, fin: false, rst: false, psh: false } })).toBe('[S] seq 0 win 0');
		// Wraps around 2^32.
		expect(label({ ...p, seq: 0, len: 5, flags: { syn: false, ack: false, fin: false, rst: false, psh: true } })).toBe('[P] seq 1:6 win 0');
	});
});

describe('stepping', () => {
	it('moves one packet with the arrows and to the ends with Home and End, never past them', () => {
		expect(stepForKey('ArrowRight', 0, 5)).toBe(1);
		expect(stepForKey('ArrowRight', 5, 5)).toBe(5);
		expect(stepForKey('ArrowLeft', 3, 5)).toBe(2);
		expect(stepForKey('ArrowLeft', 0, 5)).toBe(0);
		expect(stepForKey('Home', 4, 5)).toBe(0);
		expect(stepForKey('End', 1, 5)).toBe(5);
		expect(stepForKey('a', 1, 5)).toBeUndefined();
		expect(stepForKey('ArrowUp', 1, 5)).toBeUndefined();
	});
	it('leaves keys typed into a field to the field', () => {
		expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
		expect(isTypingTarget({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
		expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
		expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
		expect(isTypingTarget(null)).toBe(false);
	});
	it('draws at most the newest DRAWN_ROWS rows', () => {
		expect(drawnWindow(0)).toEqual({ from: 0, to: 0 });
		expect(drawnWindow(10)).toEqual({ from: 0, to: 10 });
		expect(drawnWindow(DRAWN_ROWS + 7)).toEqual({ from: 7, to: DRAWN_ROWS + 7 });
	});
});
