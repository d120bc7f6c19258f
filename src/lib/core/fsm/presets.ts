import { SCENARIOS, type ScenarioId } from './scenarios';
import { simulate, type Side, type Step } from './simulate';
import type { State } from './states';

/**
 * Paths through the diagram that light up step by step. Each one is a window on the machine's own
 * simulation of a scenario, so the diagram, the simulator and the questions can never disagree.
 */
export const PRESET_IDS = [
	'three_way_handshake',
	'active_close',
	'passive_close',
	'simultaneous_close',
	'simultaneous_open',
	'reset'
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetSpec {
	scenario: ScenarioId;
	/** The side whose path the preset is about; both sides move, the other is drawn quieter. */
	focus?: Side;
	/** Start once both sides are ESTABLISHED, skipping the handshake. */
	afterHandshake?: boolean;
}

export const PRESET_SPECS: Record<PresetId, PresetSpec> = {
	three_way_handshake: { scenario: 'three_way_handshake' },
	active_close: { scenario: 'client_closes_first', focus: 'A', afterHandshake: true },
	passive_close: { scenario: 'client_closes_first', focus: 'B', afterHandshake: true },
	simultaneous_close: { scenario: 'simultaneous_close', afterHandshake: true },
	simultaneous_open: { scenario: 'simultaneous_open' },
	reset: { scenario: 'reset', afterHandshake: true }
};

export interface Preset extends PresetSpec {
	id: PresetId;
	/** Index of the first step shown in the scenario's simulation. */
	from: number;
	/** Each side's state before the first step shown. */
	start: Record<Side, State>;
	/** The simulation's steps from `from` to the end. */
	steps: Step[];
}

/** The step after which both sides are first ESTABLISHED (0 if they never are). */
export function handshakeLength(steps: readonly Step[]): number {
	const i = steps.findIndex((s) => s.states.A === 'ESTABLISHED' && s.states.B === 'ESTABLISHED');
	return i + 1;
}

export function buildPreset(id: PresetId): Preset {
	const spec = PRESET_SPECS[id];
	const all = simulate(SCENARIOS[spec.scenario]);
	const from = spec.afterHandshake ? handshakeLength(all) : 0;
	const start = from > 0 ? { ...all[from - 1]!.states } : { A: 'CLOSED' as State, B: 'CLOSED' as State };
	return { id, ...spec, from, start, steps: all.slice(from) };
}

export const PRESETS: Record<PresetId, Preset> = Object.fromEntries(PRESET_IDS.map((id) => [id, buildPreset(id)])) as Record<
	PresetId,
	Preset
>;

export function isPresetId(value: string): value is PresetId {
	return (PRESET_IDS as readonly string[]).includes(value);
}
