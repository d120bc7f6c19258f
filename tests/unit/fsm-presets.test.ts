import { describe, expect, it } from 'vitest';
import {
	advance,
	machine,
	linkedTransition,
	parseState,
	possibleMoves,
	seeItMove,
	replay,
	startSimulation,
	PRESET_IDS,
	PRESETS,
	predictionFor,
	SCENARIO_IDS,
	SCENARIOS,
	simulate,
	stateTrace,
	TRANSITIONS
} from '../../src/lib/core/fsm';
import { transitionFamily } from '../../src/lib/core/ids';
import { generateBank } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';

describe('diagram presets', () => {
	it("each preset's steps equal the machine's simulation of that scenario", () => {
		for (const id of PRESET_IDS) {
			const preset = PRESETS[id];
			const all = simulate(SCENARIOS[preset.scenario]);
			expect(preset.steps, id).toEqual(all.slice(preset.from));
			expect(preset.steps.length, id).toBeGreaterThan(0);
			expect(preset.start, id).toEqual(preset.from === 0 ? { A: 'CLOSED', B: 'CLOSED' } : all[preset.from - 1]!.states);
		}
	});

	it('covers the six paths the diagram lights', () => {
		expect([...PRESET_IDS]).toEqual(['three_way_handshake', 'active_close', 'passive_close', 'simultaneous_close', 'simultaneous_open', 'reset']);
		const trace = (id: (typeof PRESET_IDS)[number], side: 'A' | 'B') => {
			const p = PRESETS[id];
			return [p.start[side], ...stateTrace(p.steps, side).slice(1)];
		};
		expect(trace('three_way_handshake', 'A')).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED']);
		expect(trace('three_way_handshake', 'B')).toEqual(['CLOSED', 'LISTEN', 'SYN_RECEIVED', 'ESTABLISHED']);
		// The closing presets start from an established connection.
		for (const id of ['active_close', 'passive_close', 'simultaneous_close', 'reset'] as const)
			expect(PRESETS[id].start, id).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
		const focus = (id: 'active_close' | 'passive_close') => stateTrace(PRESETS[id].steps, PRESETS[id].focus!);
		expect(focus('active_close')).toContain('FIN_WAIT_2');
		expect(focus('active_close')).toContain('TIME_WAIT');
		expect(focus('passive_close')).toContain('CLOSE_WAIT');
		expect(focus('passive_close')).toContain('LAST_ACK');
		expect(stateTrace(PRESETS.simultaneous_close.steps, 'A')).toContain('CLOSING');
		expect(stateTrace(PRESETS.simultaneous_close.steps, 'B')).toContain('CLOSING');
		expect(stateTrace(PRESETS.simultaneous_open.steps, 'A')).toEqual(['CLOSED', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED']);
		expect(PRESETS.reset.steps.some((s) => s.sent?.flag === 'RST')).toBe(true);
		// Every preset ends with both sides at rest or connected.
		for (const id of PRESET_IDS) {
			const end = PRESETS[id].steps.at(-1)!.states;
			expect(['CLOSED', 'ESTABLISHED'], id).toContain(end.A);
			expect(['CLOSED', 'ESTABLISHED'], id).toContain(end.B);
		}
	});
});

describe('predict mode', () => {
	const bank = generateBank(loadDeck());
	const nextStateFamilies = new Set(bank.filter((q) => q.kind === 'next_state').map((q) => q.family));

	it("asks about every step that moves a machine, with the machine's answer and no other possible outcome", () => {
		for (const id of SCENARIO_IDS) {
			simulate(SCENARIOS[id]).forEach((step, i) => {
				const p = predictionFor(step, `${id}:${i}`);
				if (!step.transition) {
					expect(p, `${id}:${i}`).toBeUndefined();
					return;
				}
				expect(p, `${id}:${i}`).toBeDefined();
				expect(p!.answer).toBe(step.states[step.side]);
				expect(p!.options).toHaveLength(4);
				expect(new Set(p!.options).size).toBe(4);
				expect(p!.options.filter((o) => o === p!.answer)).toHaveLength(1);
				const possible = machine.outcomes(step.transition.from, step.transition.event).map((t) => t.to);
				for (const o of p!.options) if (o !== p!.answer) expect(possible, `${id}:${i} ${o}`).not.toContain(o);
				// Answers count for the scheduler: the family is that of the matching next_state question.
				expect(nextStateFamilies, p!.family).toContain(p!.family);
				expect(predictionFor(step, `${id}:${i}`)).toEqual(p);
			});
		}
	});

	it('names families the way the quiz bank does', () => {
		for (const t of TRANSITIONS) expect(nextStateFamilies).toContain(transitionFamily(t));
		// The right answer does not always sit in the same place.
		const places = new Set(
			simulate(SCENARIOS.client_closes_first).flatMap((s, i) => {
				const p = predictionFor(s, `client_closes_first:${i}`);
				return p ? [p.options.indexOf(p.answer)] : [];
			})
		);
		expect(places.size).toBeGreaterThan(1);
	});
});

describe('the simulator builder', () => {
	it('offers the application calls the machine allows, and network moves only for segments in flight', () => {
		const fresh = possibleMoves(startSimulation());
		expect(fresh.filter((c) => c.side === 'A').map((c) => c.move)).toEqual([
			{ kind: 'app', side: 'A', event: 'passive_open' },
			{ kind: 'app', side: 'A', event: 'active_open' },
			{ kind: 'app', side: 'A', event: 'close' },
			{ kind: 'app', side: 'A', event: 'abort' }
		]);
		const { sim } = replay(SCENARIOS.simultaneous_close.slice(0, 7));
		// Both FINs cross: each side may receive (or lose) the other's FIN.
		const network = possibleMoves(sim).filter((c) => c.move.kind === 'deliver' || c.move.kind === 'lose');
		expect(network.map((c) => `${c.move.kind}:${c.side}:${c.wire?.flag}`)).toEqual(['deliver:A:FIN', 'lose:A:FIN', 'deliver:B:FIN', 'lose:B:FIN']);
		expect(possibleMoves(sim).some((c) => c.move.kind === 'retransmit' && c.side === 'A')).toBe(true);
	});

	it('never offers a move the simulation refuses, wherever a learner wanders', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let run = 0; run < 30; run++) {
			let sim = startSimulation();
			for (let i = 0; i < 40; i++) {
				const choices = possibleMoves(sim);
				expect(choices.length).toBeGreaterThan(0);
				const pick = choices[Math.floor(random() * choices.length)]!;
				const r = advance(sim, pick.move);
				if (pick.move.kind === 'app') expect(r.step.transition, JSON.stringify(pick.move)).toBeDefined();
				sim = r.sim;
			}
		}
	});
});

describe('links from questions', () => {
	const bank = generateBank(loadDeck());

	it('send every state-machine question to the transition, arrow, state or scenario it is about', () => {
		for (const q of bank) {
			const link = seeItMove(q);
			if (q.fsm) {
				const url = new URL(link!, 'http://x');
				expect(url.pathname).toBe('/fsm');
				const t = linkedTransition(parseState(url.searchParams.get('state')!)!, url.searchParams.get('event'), url.searchParams.get('cond'));
				expect(t, q.id).toBeDefined();
				expect(transitionFamily(t!)).toBe(q.family);
			}
			if (q.kind === 'event_between') expect(link, q.id).toMatch(/^\/fsm\?state=\w+&to=\w+$/);
			if (q.kind === 'order_steps') expect(link, q.id).toMatch(/^\/simulate\?scenario=\w+$/);
			if (typeof q.subject?.capture === 'string') expect(link, q.id).toBe(`/capture?id=${q.subject.capture}`);
			if (['state_from_description', 'state_side', 'ss_name', 'proc_code'].includes(q.kind)) expect(link, q.id).toMatch(/^\/fsm\?state=\w+$/);
		}
		expect(seeItMove({ family: 'param:tcp_fin_timeout' })).toBeUndefined();
	});
});
