import type { Side } from '$lib/core/fsm/simulate';
import type { PacketMove, PacketOptions } from './packet-sim';

/**
 * The recorded scenarios (static/captures/, `npm run captures`) as moves of the packet simulator:
 * the same application calls, with the same data sizes, so a run prints what the kernel sent.
 */
export interface PacketScenario {
	moves: PacketMove[];
	options?: PacketOptions;
}

const app = (side: Side, event: 'passive_open' | 'active_open' | 'close' | 'abort'): PacketMove => ({ kind: 'app', side, event });
const deliver = (to: Side, piggyback = false): PacketMove => (piggyback ? { kind: 'deliver', to, piggyback } : { kind: 'deliver', to });
const send = (side: Side, bytes: number): PacketMove => ({ kind: 'send', side, bytes });
const lose = (to: Side): PacketMove => ({ kind: 'lose', to });
const retransmit = (side: Side): PacketMove => ({ kind: 'retransmit', side });

const handshake = [app('B', 'passive_open'), app('A', 'active_open'), deliver('B'), deliver('A'), deliver('B')];
/** A 6-byte request, a 7-byte response, each acknowledged at once (loopback's quick ACKs). */
const exchange = [send('A', 6), deliver('B'), deliver('A'), send('B', 7), deliver('A'), deliver('B')];
/** `first` closes; the other side acknowledges, then closes; `first` acknowledges that FIN. */
const closeFrom = (first: Side): PacketMove[] => {
	const second: Side = first === 'A' ? 'B' : 'A';
	return [app(first, 'close'), deliver(second), deliver(first), app(second, 'close'), deliver(first), deliver(second)];
};
/** The ACK of A's FIN rides on B's FIN. */
const threeSegmentClose = [app('A', 'close'), deliver('B', true), app('B', 'close'), deliver('A'), deliver('B')];
/** `writer` fills a reader that never reads: data until the window is zero, each acknowledged. */
const fill = (writer: Side): PacketMove[] => {
	const reader: Side = writer === 'A' ? 'B' : 'A';
	return [send(writer, 24000), deliver(reader), deliver(writer)];
};
const ZERO_WINDOW_BUFFER = 16000;

export const PACKET_SCENARIOS: Record<string, PacketScenario> = {
	client_closes_first: { moves: [...handshake, ...exchange, ...closeFrom('A')] },
	server_closes_first: { moves: [...handshake, ...exchange, ...closeFrom('B')] },
	three_segment_close: { moves: [...handshake, ...exchange, ...threeSegmentClose] },
	half_close: {
		moves: [
			...handshake,
			send('A', 6),
			deliver('B'),
			deliver('A'),
			app('A', 'close'),
			deliver('B'),
			deliver('A'),
			...[1, 2, 3].flatMap(() => [send('B', 7), deliver('A'), deliver('B')]),
			app('B', 'close'),
			deliver('A'),
			deliver('B')
		]
	},
	// A's FIN waits behind data B never reads (a zero window); B's FIN crosses it and A, which has
	// called close(), goes from FIN_WAIT_1 to CLOSING. B gives up with unread data: a RST.
	simultaneous_close_closing: {
		moves: [
			...handshake,
			...fill('A'),
			app('A', 'close'),
			{ kind: 'probe', side: 'A' },
			deliver('B'),
			deliver('A'),
			app('B', 'close'),
			deliver('A'),
			deliver('B'),
			app('B', 'abort'),
			deliver('A')
		],
		options: { buffer: { B: ZERO_WINDOW_BUFFER }, stalled: ['B'] }
	},
	// B's FIN waits behind data A never reads: B sits in LAST_ACK until A gives up with a RST.
	passive_close_last_ack: {
		moves: [
			...handshake,
			...fill('B'),
			app('A', 'close'),
			deliver('B'),
			deliver('A'),
			app('B', 'close'),
			{ kind: 'probe', side: 'B' },
			deliver('A'),
			deliver('B'),
			app('A', 'abort'),
			deliver('B')
		],
		options: { buffer: { A: ZERO_WINDOW_BUFFER }, stalled: ['A'] }
	},
	connection_refused: { moves: [app('A', 'active_open'), deliver('B'), deliver('A')] },
	abortive_close: { moves: [...handshake, ...exchange, app('A', 'abort'), deliver('B')] },
	lost_syn_ack: {
		moves: [app('B', 'passive_open'), app('A', 'active_open'), deliver('B'), lose('A'), retransmit('B'), deliver('A'), deliver('B'), ...threeSegmentClose]
	},
	lost_fin: {
		moves: [...handshake, app('A', 'close'), lose('B'), retransmit('A'), deliver('B'), deliver('A'), app('B', 'close'), deliver('A'), deliver('B')]
	}
};
