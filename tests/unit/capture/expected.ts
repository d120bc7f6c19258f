/**
 * What the simulator predicts for each recorded scenario: the same exchange as moves of the
 * two-host simulation (src/lib/core/fsm/simulate.ts). Data segments and pure ACKs move no state, so
 * the moves keep only what changes one; the 2MSL timer never fires within a capture.
 */
import { SCENARIOS, type Move, type Side } from '$lib/core/fsm';

const app = (side: Side, event: Extract<Move, { kind: 'app' }>['event']): Move => ({ kind: 'app', side, event });
const deliver = (to: Side, flag?: Extract<Move, { kind: 'deliver' }>['flag']): Move =>
	flag ? { kind: 'deliver', to, flag } : { kind: 'deliver', to };
const withoutTimers = (moves: readonly Move[]) => moves.filter((m) => m.kind !== 'timeout');
const HANDSHAKE = SCENARIOS.three_way_handshake;
/** A closes, B's FIN carries the ACK of A's FIN, A's ACK ends it. */
const threeSegmentClose: Move[] = [app('A', 'close'), deliver('B'), app('B', 'close'), deliver('A', 'FIN'), deliver('B', 'ACK')];

export const EXPECTED: Record<string, readonly Move[]> = {
	client_closes_first: withoutTimers(SCENARIOS.client_closes_first),
	server_closes_first: withoutTimers(SCENARIOS.server_closes_first),
	three_segment_close: [...HANDSHAKE, ...threeSegmentClose],
	half_close: withoutTimers(SCENARIOS.half_close),
	// As in the kernel test: A's FIN stuck behind data B never reads; B's FIN crosses it. Then B
	// is destroyed with unread data: a RST, which ends A's CLOSING.
	simultaneous_close_closing: [
		...HANDSHAKE,
		app('A', 'close'),
		app('B', 'close'),
		deliver('A', 'FIN'),
		deliver('B', 'ACK'),
		app('B', 'abort'),
		deliver('A', 'RST')
	],
	// B's FIN stuck behind data A never reads; A, destroyed with unread data, sends a RST.
	passive_close_last_ack: [
		...HANDSHAKE,
		app('A', 'close'),
		deliver('B', 'FIN'),
		deliver('A', 'ACK'),
		app('B', 'close'),
		app('A', 'abort'),
		deliver('B', 'RST')
	],
	connection_refused: SCENARIOS.connection_refused,
	abortive_close: SCENARIOS.reset,
	lost_syn_ack: [...SCENARIOS.lost_syn_ack, ...threeSegmentClose],
	lost_fin: withoutTimers(SCENARIOS.lost_fin)
};

/** A socket connected to itself is one host: its states follow side A of a simultaneous open and close. */
export const SELF_CONNECT: readonly Move[] = [
	...SCENARIOS.simultaneous_open,
	app('A', 'close'),
	app('B', 'close'),
	deliver('B', 'FIN'),
	deliver('A', 'FIN'),
	deliver('B', 'ACK'),
	deliver('A', 'ACK')
];
