import type { Condition, Event, Segment } from './events';
import { STATES, type State } from './states';
import { TRANSITIONS, type Transition } from './transitions';

export interface Outcome {
	to: State;
	send: Segment;
	transition: Transition;
}

/** Questions one can ask of a transition table. Built over a table so tests can feed a broken one. */
export interface Machine {
	readonly table: readonly Transition[];
	/** Every row for this state and event: one per condition where the RFC splits the outcome. */
	outcomes(from: State, event: Event): Transition[];
	/**
	 * The next state and the segment sent. `undefined` when the event does not apply in this state.
	 * Throws when the outcome depends on a condition and none (or an unknown one) was given.
	 */
	next(from: State, event: Event, cond?: Condition): Outcome | undefined;
	from(state: State): Transition[];
	into(state: State): Transition[];
	/** The fewest transitions leading from one state to another ([] when from === to). */
	shortestPath(from: State, to: State): Transition[] | undefined;
}

export function createMachine(table: readonly Transition[]): Machine {
	const outcomes = (from: State, event: Event) =>
		table.filter((t) => t.from === from && t.event === event);

	function next(from: State, event: Event, cond?: Condition): Outcome | undefined {
		const rows = outcomes(from, event);
		if (rows.length === 0) return undefined;
		const row =
			rows.length === 1 && (cond === undefined || rows[0]!.cond === undefined || rows[0]!.cond === cond)
				? rows[0]!
				: rows.find((t) => t.cond === cond);
		if (!row) {
			const conds = rows.map((t) => t.cond).join(' | ');
			throw new Error(`${from} on ${event} depends on a condition (${conds}); got ${cond ?? 'none'}`);
		}
		return { to: row.to, send: row.send, transition: row };
	}

	function shortestPath(from: State, to: State): Transition[] | undefined {
		// Breadth-first search; rows are visited in table order, so the answer is deterministic.
		const via = new Map<State, Transition | null>([[from, null]]);
		const queue: State[] = [from];
		while (queue.length > 0) {
			const state = queue.shift()!;
			if (state === to) break;
			for (const t of table) {
				if (t.from !== state || via.has(t.to)) continue;
				via.set(t.to, t);
				queue.push(t.to);
			}
		}
		if (!via.has(to)) return undefined;
		const path: Transition[] = [];
		for (let step = via.get(to); step; step = via.get(step.from)) path.unshift(step);
		return path;
	}

	return {
		table,
		outcomes,
		next,
		from: (state) => table.filter((t) => t.from === state),
		into: (state) => table.filter((t) => t.to === state && t.from !== state),
		shortestPath
	};
}

/** The machine of RFC 9293. */
export const machine = createMachine(TRANSITIONS);

/** States that no transition of the table reaches or leaves: a sign of a broken table. */
export function unreachableStates(m: Machine): State[] {
	return STATES.filter((s) => s !== 'CLOSED' && !m.shortestPath('CLOSED', s));
}
