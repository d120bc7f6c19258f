/**
 * The recordings in static/captures/ and the simulator scenario each one plays, with no parser in
 * sight: /simulate links to a recording through this without loading any capture code.
 */
import type { ScenarioId } from '$lib/core/fsm';

/** The captures in static/captures/ (a unit test keeps this in step with its index.json). */
export const RECORDED_IDS = [
	'client_closes_first',
	'server_closes_first',
	'three_segment_close',
	'half_close',
	'simultaneous_close_closing',
	'passive_close_last_ack',
	'self_connect',
	'connection_refused',
	'abortive_close',
	'lost_syn_ack',
	'lost_fin'
] as const;
export type RecordedId = (typeof RECORDED_IDS)[number];
export const isRecordedId = (v: string): v is RecordedId => (RECORDED_IDS as readonly string[]).includes(v);

/** The simulator's scenario closest to each recording (the same exchange, without data and timers). */
export const SCENARIO_OF: Record<RecordedId, ScenarioId> = {
	client_closes_first: 'client_closes_first',
	server_closes_first: 'server_closes_first',
	three_segment_close: 'client_closes_first',
	half_close: 'half_close',
	simultaneous_close_closing: 'simultaneous_close',
	passive_close_last_ack: 'client_closes_first',
	self_connect: 'simultaneous_open',
	connection_refused: 'connection_refused',
	abortive_close: 'reset',
	lost_syn_ack: 'lost_syn_ack',
	lost_fin: 'lost_fin'
};

/** The recording of a simulator scenario, for the link back from /simulate: one of the same name first. */
export function recordingOf(scenario: ScenarioId): RecordedId | undefined {
	if (isRecordedId(scenario)) return scenario;
	return RECORDED_IDS.find((id) => SCENARIO_OF[id] === scenario);
}
