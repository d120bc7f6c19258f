// The machine's own files, not the fsm barrel: every page with progress reaches this module, and the
// barrel would bring the simulator and the diagram's layout with it.
import { isCondition, isEvent, upgradeEvent } from '../../core/fsm/events';
import { machine } from '../../core/fsm/machine';
import { isState, type State } from '../../core/fsm/states';
import { parseFamily, statesNamed } from '../../core/ids';

/**
 * The states a question family is about, read from its id: the states it names (`state:`, `diag:`,
 * `pair:`, and the from-state of a transition `t:FROM:EVENT[:cond]`) plus where that transition
 * leads, so "quiz me on TIME_WAIT" also asks how a connection gets there.
 */
export function statesOfFamily(family: string): State[] {
	const f = parseFamily(family);
	if (f?.kind === 'transition') {
		const { from, cond } = f;
		const event = upgradeEvent(from, f.event);
		if (!isState(from) || !isEvent(event)) return [];
		const rows = machine.outcomes(from, event).filter((t) => !cond || (isCondition(cond) && t.cond === cond));
		return [...new Set([from, ...rows.map((t) => t.to)])];
	}
	return [...new Set(statesNamed(f).filter(isState))];
}
