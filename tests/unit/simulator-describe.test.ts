import { describe, expect, it } from 'vitest';
import { RFC_NAME, SCENARIO_IDS, SCENARIOS, simulate, type State } from '../../src/lib/core/fsm';
import { SIDE_NAME } from '../../src/lib/components/fsm/fsm-ui';
import { describeStep, moveTag } from '../../src/lib/features/simulator/describe';

describe("the simulator's steps in words", () => {
	it('names the side that acts and, where a transition fires, the state it leads to, in both languages', () => {
		for (const id of SCENARIO_IDS) {
			const states: Record<'A' | 'B', State> = { A: 'CLOSED', B: 'CLOSED' };
			for (const step of simulate(SCENARIOS[id])) {
				const words = describeStep(step, states[step.side]);
				for (const lang of ['zh', 'en'] as const) {
					expect(words[lang], `${id} ${lang}`).not.toBe('');
					if (step.move.kind !== 'lose') expect(words[lang], `${id} ${lang}`).toContain(SIDE_NAME[step.side][lang]);
					if (step.transition && step.transition.from !== step.transition.to) expect(words[lang]).toContain(RFC_NAME[step.transition.to]);
				}
				if (step.transition) states[step.side] = step.transition.to;
			}
		}
	});

	it('tags an application call with its socket call and a timer by what expired', () => {
		expect(moveTag({ kind: 'app', side: 'A', event: 'active_open' })?.en).toBe('connect()');
		expect(moveTag({ kind: 'timeout', side: 'A' }, 'TIME_WAIT')?.en).toBe('2MSL expires');
		expect(moveTag({ kind: 'timeout', side: 'A' }, 'SYN_SENT')?.en).toBe('timeout');
	});
});
