import { isCondition, isEvent, isState, machine, upgradeEvent, type State } from '../fsm';

/**
 * The states a question family is about, read from its id: the states it names (`state:`, `diag:`,
 * `pair:`, and the from-state of a transition `t:FROM:EVENT[:cond]`) plus where that transition
 * leads, so "quiz me on TIME_WAIT" also asks how a connection gets there.
 */
export function statesOfFamily(family: string): State[] {
	const [kind, ...parts] = family.split(':');
	if (kind === 't') {
		const [from, old, cond] = parts;
		const event = from && old ? upgradeEvent(from, old) : old;
		if (!from || !isState(from) || !event || !isEvent(event)) return [];
		const rows = machine.outcomes(from, event).filter((t) => !cond || (isCondition(cond) && t.cond === cond));
		return [...new Set([from, ...rows.map((t) => t.to)])];
	}
	if (kind === 'state' || kind === 'diag' || kind === 'pair') return [...new Set(parts.filter(isState))];
	return [];
}
