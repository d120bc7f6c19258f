import { describe, expect, it } from 'vitest';
import { establishedStart, PRESET_SPECS, replay, SCENARIO_IDS, SCENARIOS } from '../../src/lib/core/fsm';
import { BUILDER, CLASSIC_SCENARIOS, linkedSimulation, MORE_SCENARIOS, walkthrough } from '../../src/lib/features/simulator/sources';

const link = (query: string) => linkedSimulation(new URLSearchParams(query));

describe('what /simulate plays', () => {
	it('lists every scenario once, the diagram presets first', () => {
		expect([...CLASSIC_SCENARIOS, ...MORE_SCENARIOS].sort()).toEqual([...SCENARIO_IDS].sort());
		for (const spec of Object.values(PRESET_SPECS)) expect(CLASSIC_SCENARIOS).toContain(spec.scenario);
	});

	it('plays a scenario from CLOSED, or from ESTABLISHED past its handshake', () => {
		const whole = walkthrough('client_closes_first', [], false);
		expect(whole.origin).toBe(0);
		expect(whole.initial).toEqual({ A: 'CLOSED', B: 'CLOSED' });
		expect(whole.steps).toEqual(replay(SCENARIOS.client_closes_first).steps);
		expect(whole.preset).toBeDefined();
		const open = walkthrough('client_closes_first', [], true);
		const skip = establishedStart(SCENARIOS.client_closes_first)!.skip;
		expect(open.origin).toBe(skip);
		expect(open.initial).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
		expect(open.steps).toEqual(whole.steps.slice(skip));
	});

	it('skips nothing where there is no handshake to skip', () => {
		const handshake = walkthrough('three_way_handshake', [], true);
		expect(handshake.shortcut).toBeUndefined();
		expect(handshake.origin).toBe(0);
	});

	it('plays the builder\'s own moves, with no shortcut, preset or recording', () => {
		const moves = SCENARIOS.three_way_handshake.slice(0, 2);
		const built = walkthrough(BUILDER, moves, true);
		expect(built).toMatchObject({ moves, shortcut: undefined, origin: 0, preset: undefined, recording: undefined });
		expect(built.steps).toHaveLength(2);
	});

	it('reads links in: a scenario, a preset, the builder, predict and the open start', () => {
		expect(link('scenario=simultaneous_close&predict=1&from=established')).toEqual({ source: 'simultaneous_close', predict: true, skipHandshake: true });
		const [preset, spec] = Object.entries(PRESET_SPECS)[0]!;
		expect(link(`scenario=${preset}`).source).toBe(spec.scenario);
		expect(link('scenario=builder').source).toBe(BUILDER);
		expect(link('scenario=nope&predict=yes')).toEqual({ source: undefined, predict: false, skipHandshake: false });
	});
});
