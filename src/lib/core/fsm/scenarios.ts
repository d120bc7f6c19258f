import type { Move, Side } from './simulate';

/** The classic exchanges, as moves of the two-endpoint simulation. A connects, B listens. */
export const SCENARIO_IDS = [
	'three_way_handshake',
	'client_closes_first',
	'server_closes_first',
	'simultaneous_close',
	'simultaneous_open',
	'reset',
	'connection_refused',
	'lost_last_ack',
	'half_close',
	'lost_syn_ack',
	'lost_third_ack',
	'lost_fin'
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

const app = (side: Side, event: Extract<Move, { kind: 'app' }>['event']): Move => ({ kind: 'app', side, event });
const deliver = (to: Side, flag?: Extract<Move, { kind: 'deliver' }>['flag']): Move =>
	flag ? { kind: 'deliver', to, flag } : { kind: 'deliver', to };
const timeout = (side: Side): Move => ({ kind: 'timeout', side });

const handshake: Move[] = [app('B', 'passive_open'), app('A', 'active_open'), deliver('B'), deliver('A'), deliver('B')];

/** `first` closes, the other side acknowledges, later closes too; `first` waits out TIME_WAIT. */
function closeFrom(first: Side): Move[] {
	const second: Side = first === 'A' ? 'B' : 'A';
	return [
		app(first, 'close'),
		deliver(second),
		deliver(first),
		app(second, 'close'),
		deliver(first),
		deliver(second),
		timeout(first)
	];
}

export const SCENARIOS: Record<ScenarioId, readonly Move[]> = {
	three_way_handshake: handshake,
	client_closes_first: [...handshake, ...closeFrom('A')],
	server_closes_first: [...handshake, ...closeFrom('B')],
	simultaneous_close: [
		...handshake,
		app('A', 'close'),
		app('B', 'close'),
		deliver('B'),
		deliver('A', 'FIN'),
		deliver('B'),
		deliver('A'),
		timeout('A'),
		timeout('B')
	],
	simultaneous_open: [app('A', 'active_open'), app('B', 'active_open'), deliver('B'), deliver('A'), deliver('B'), deliver('A')],
	reset: [...handshake, app('A', 'abort'), deliver('B')],
	connection_refused: [app('A', 'active_open'), deliver('B'), deliver('A')],
	lost_last_ack: [
		...handshake,
		app('A', 'close'),
		deliver('B'),
		deliver('A'),
		app('B', 'close'),
		deliver('A'),
		{ kind: 'lose', to: 'B' },
		{ kind: 'retransmit', side: 'B' },
		deliver('A'),
		deliver('B'),
		timeout('A')
	],
	// The server's SYN-ACK is lost; its retransmission timer sends it again.
	lost_syn_ack: [
		app('B', 'passive_open'),
		app('A', 'active_open'),
		deliver('B'),
		{ kind: 'lose', to: 'A' },
		{ kind: 'retransmit', side: 'B' },
		deliver('A'),
		deliver('B')
	],
	// The third ACK is lost; the client's first data segment carries the same ACK and completes the handshake.
	lost_third_ack: [
		app('B', 'passive_open'),
		app('A', 'active_open'),
		deliver('B'),
		deliver('A'),
		{ kind: 'lose', to: 'B' },
		app('A', 'send'),
		deliver('B')
	],
	// The first FIN is lost; the closer, in FIN_WAIT_1, resends it and the close goes on as usual.
	lost_fin: [
		...handshake,
		app('A', 'close'),
		{ kind: 'lose', to: 'B' },
		{ kind: 'retransmit', side: 'A' },
		...closeFrom('A').slice(1)
	],
	half_close: [
		...handshake,
		app('A', 'close'),
		deliver('B'),
		deliver('A'),
		app('B', 'send'),
		deliver('A'),
		app('B', 'close'),
		deliver('A'),
		deliver('B'),
		timeout('A')
	]
};
