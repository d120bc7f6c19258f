import { STATES, type State } from '../../core/fsm/states';
import { statesOfFamily } from '../quiz/scope';
import { isStudied, type ItemState } from '../../core/srs';
import type { QuestionRef } from '../game/facts';
import type { Catalog } from './catalog';
import { meanMastery } from './dashboard';

export interface StateMastery {
	state: State;
	/** 0–1, the same measure as a topic's (`meanMastery`), over the families about this state. */
	mastery: number;
	/** Families about the state: what `/quiz?state=` draws from, plus the state's flashcard. */
	families: number;
	/** How many of them have been reviewed at least once. */
	studied: number;
}

/**
 * Mastery of each state of the machine. A family is about the states its id names (`statesOfFamily`,
 * the same rule the quiz's state scope uses), so "TIME_WAIT 40%" means the questions a TIME_WAIT
 * quiz would ask are 40% of the way to being known.
 */
export function stateMastery(catalog: Catalog<QuestionRef>, schedule: ReadonlyMap<string, ItemState>): StateMastery[] {
	const families = new Map<State, string[]>(STATES.map((s) => [s, []]));
	for (const family of catalog.topicOfFamily.keys()) for (const s of statesOfFamily(family)) families.get(s)!.push(family);
	return STATES.map((state) => {
		const list = families.get(state)!;
		return { state, mastery: meanMastery(schedule, list), families: list.length, studied: list.filter((f) => isStudied(schedule.get(f))).length };
	});
}
