import { recordingOf, type RecordedId } from '../../core/capture/catalog';
import {
	establishedStart,
	isPresetId,
	PRESET_IDS,
	PRESET_SPECS,
	replay,
	SCENARIO_IDS,
	SCENARIOS,
	type Move,
	type PresetId,
	type ScenarioId,
	type Shortcut,
	type Side,
	type State,
	type Step
} from '../../core/fsm';

/** What /simulate plays: a scenario, or the learner's own moves in the builder. */
export const BUILDER = 'builder';
export type Source = ScenarioId | typeof BUILDER;

const isScenario = (v: string): v is ScenarioId => (SCENARIO_IDS as readonly string[]).includes(v);

/** Scenarios the diagram's presets are made of come first in the picker; the rest after. */
export const CLASSIC_SCENARIOS = SCENARIO_IDS.filter((id) => PRESET_IDS.some((p) => PRESET_SPECS[p].scenario === id) || id === 'server_closes_first');
export const MORE_SCENARIOS = SCENARIO_IDS.filter((id) => !CLASSIC_SCENARIOS.includes(id));

/** A source as the simulator shows it. */
export interface Walkthrough {
	moves: readonly Move[];
	/** The way past the handshake, where the scenario has one (the builder never does). */
	shortcut: Shortcut | undefined;
	/** How many of the moves happen before the first step shown. */
	origin: number;
	/** Both hosts' states before the first step shown. */
	initial: Record<Side, State>;
	/** The steps from `origin` on. */
	steps: Step[];
	/** The diagram preset and the real recording of the same scenario, to link to. */
	preset: PresetId | undefined;
	recording: RecordedId | undefined;
}

export function walkthrough(source: Source, built: readonly Move[], skipHandshake: boolean): Walkthrough {
	if (source === BUILDER) {
		return { moves: built, shortcut: undefined, origin: 0, initial: { A: 'CLOSED', B: 'CLOSED' }, steps: replay(built).steps, preset: undefined, recording: undefined };
	}
	const moves = SCENARIOS[source];
	const shortcut = establishedStart(moves);
	const origin = skipHandshake && shortcut ? shortcut.skip : 0;
	return {
		moves,
		shortcut,
		origin,
		initial: origin > 0 && shortcut ? shortcut.states : { A: 'CLOSED', B: 'CLOSED' },
		steps: replay(moves).steps.slice(origin),
		preset: PRESET_IDS.find((p) => PRESET_SPECS[p].scenario === source),
		recording: recordingOf(source)
	};
}

/** Links in: ?scenario= a scenario, a diagram preset or "builder"; &predict=1; &from=established. */
export function linkedSimulation(params: URLSearchParams): { source: Source | undefined; predict: boolean; skipHandshake: boolean } {
	const wanted = params.get('scenario') ?? '';
	const source = isScenario(wanted) ? wanted : isPresetId(wanted) ? PRESET_SPECS[wanted].scenario : wanted === BUILDER ? BUILDER : undefined;
	return { source, predict: params.get('predict') === '1', skipHandshake: params.get('from') === 'established' };
}
