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
	'half_close'
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
