import { describe, expect, it } from 'vitest';
import {
	ARROWHEAD,
	establishedStart,
	LABEL_GAP,
	labelAlong,
	labelWidth,
	onPredictSwitchedOn,
	predictionFor,
	SCENARIO_IDS,
	SCENARIOS,
	simulate,
	type Side
} from '../../src/lib/core/fsm';
import { SIDE_NAME, SIM_UI, wireText } from '../../src/lib/components/fsm/fsm-ui';

describe('starting a scenario from ESTABLISHED', () => {
	it('skips exactly the handshake of the four-way close: 12 steps become 7', () => {
		const shortcut = establishedStart(SCENARIOS.client_closes_first)!;
		expect(shortcut.skip).toBe(5);
		expect(SCENARIOS.client_closes_first.length - shortcut.skip).toBe(7);
		expect(shortcut.states).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
		// The sequence numbers carry on from the handshake (ISS 100 and 300, each SYN took one).
		expect(shortcut.sim.A.sndNxt).toBe(101);
		expect(shortcut.sim.B.sndNxt).toBe(301);
		expect(shortcut.sim.network).toEqual([]);
	});

	it('is offered only where the connection opens and something follows', () => {
		const offered = SCENARIO_IDS.filter((id) => establishedStart(SCENARIOS[id]));
		// lost_fin is offered since it was added; the lost handshake segments end as the handshake does.
		expect(offered).toEqual(['client_closes_first', 'server_closes_first', 'simultaneous_close', 'reset', 'lost_last_ack', 'half_close', 'lost_fin']);
	});

	it('starts where the full run has both ends ESTABLISHED with nothing in flight', () => {
		for (const id of SCENARIO_IDS) {
			const shortcut = establishedStart(SCENARIOS[id]);
			if (!shortcut) continue;
			const steps = simulate(SCENARIOS[id]);
			expect(steps[shortcut.skip - 1]!.states, id).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
			// Nothing before it was already open on both sides: it is the earliest such point.
			expect(steps.slice(0, shortcut.skip - 1).some((s) => s.states.A === 'ESTABLISHED' && s.states.B === 'ESTABLISHED'), id).toBe(false);
		}
	});
});

describe('predict mode', () => {
	it('asks about the side the step happens to, and names it in the heading and the question', () => {
		for (const id of SCENARIO_IDS) {
			const steps = simulate(SCENARIOS[id]);
			steps.forEach((step, i) => {
				const p = predictionFor(step, `${id}:${i}`);
				if (!p) return;
				const before = i === 0 ? 'CLOSED' : steps[i - 1]!.states[p.side];
				// The side asked about is the one whose state the step moves from and to.
				expect(p.side).toBe(step.side);
				expect(p.transition.from, `${id}:${i}`).toBe(before);
				expect(step.states[p.side]).toBe(p.answer);
				const other: Side = p.side === 'A' ? 'B' : 'A';
				for (const lang of ['zh', 'en'] as const) {
					expect(SIM_UI.predictHeading(p.side)[lang]).toContain(SIDE_NAME[p.side][lang]);
					expect(SIM_UI.predictHeading(p.side)[lang]).not.toContain(SIDE_NAME[other][lang]);
					expect(SIM_UI.question(p.side, p.transition, step.received)[lang]).toContain(SIDE_NAME[p.side][lang]);
				}
			});
		}
		expect(SIM_UI.predict.zh).not.toContain('对方');
	});

	it('switched on after a played-out run starts over; anywhere else it asks from the next step', () => {
		expect(onPredictSwitchedOn(5, 5, false)).toBe('restart');
		expect(onPredictSwitchedOn(2, 5, false)).toBe('next_step');
		expect(onPredictSwitchedOn(0, 5, false)).toBe('next_step');
		// The builder is always at its end: the next move picked is asked about.
		expect(onPredictSwitchedOn(3, 3, true)).toBe('next_step');
		expect(onPredictSwitchedOn(0, 0, true)).toBe('next_step');
	});
});

describe('sequence diagram labels', () => {
	const A = 100;
	const B = 260;
	it('keep clear of the arrowhead for every delivered segment of every scenario, in both languages', () => {
		for (const id of SCENARIO_IDS) {
			const steps = simulate(SCENARIOS[id]);
			steps.forEach((step, i) => {
				const w = step.sent;
				if (!w) return;
				const j = steps.findIndex((r, k) => k > i && r.received?.id === w.id);
				if (j < 0) return;
				const x1 = w.from === 'A' ? A : B;
				const x2 = w.from === 'A' ? B : A;
				for (const lang of ['zh', 'en'] as const) {
					const width = labelWidth(wireText(w)[lang], 10);
					const at = labelAlong(x1, 50 * i, x2, 50 * j, width);
					const length = Math.hypot(x2 - x1, 50 * (j - i));
					expect(at.along + width / 2, `${id} ${wireText(w)[lang]}`).toBeLessThanOrEqual(length - ARROWHEAD - LABEL_GAP + 1e-9);
				}
			});
		}
	});

	it('sit in the middle when there is room, and read left to right both ways', () => {
		const short = labelAlong(100, 0, 260, 50, 40);
		expect(short.along).toBeCloseTo(Math.hypot(160, 50) / 2);
		expect(short.x).toBeCloseTo(180);
		const back = labelAlong(260, 0, 100, 50, 40);
		expect(Math.abs(back.angle)).toBeLessThan(90);
		expect(back.angle).toBeCloseTo(-short.angle);
	});

	it('slide back from the arrowhead when the label is long (the SYN-ACK)', () => {
		const width = labelWidth('SYN+ACK seq=300 ack=101', 10);
		const at = labelAlong(260, 0, 100, 50, width);
		const length = Math.hypot(160, 50);
		expect(at.along).toBeLessThan(length / 2);
		// Measured from B, the label's centre sits on B's side of the middle.
		expect(at.x).toBeGreaterThan(180);
	});
});
