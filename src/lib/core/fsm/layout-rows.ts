import { roleOf, type Role } from './roles';
import { STATES, type State } from './states';
import type { Transition } from './transitions';
import type { Column } from './layout-types';

/** Where each state of the diagram goes: its column from its role, its row from the table. */

const COLUMN_OF: Record<Role, Column> = {
	active_opener: 0,
	active_closer: 0,
	both: 1,
	simultaneous_open: 1,
	simultaneous_close: 1,
	passive_opener: 2,
	passive_closer: 2
};

/** Each state's column: the client's side, the middle or the server's side. */
export const columnsOf = (): Record<State, Column> => Object.fromEntries(STATES.map((s) => [s, COLUMN_OF[roleOf(s)]])) as Record<State, Column>;

/**
 * The abnormal exits: an abort, a reset, giving up (the user timeout; TIME_WAIT's 2MSL timer is the
 * normal way out), or a half-open connection going back to LISTEN.
 */
export const isEscape = (t: Transition) =>
	t.event === 'abort' || t.event === 'recv_rst' || t.event === 'user_timeout' || (t.to === 'LISTEN' && t.from !== 'CLOSED');

/** Rows: longest path from CLOSED over forward, same-side transitions, then each state pulled down next to its successors. */
export function rankStates(table: readonly Transition[], column: Record<State, Column>): Record<State, number> {
	// Forward edges: a depth-first walk from CLOSED in table order drops the edges that close a cycle.
	const forward: Transition[] = [];
	const onStack = new Set<State>();
	const done = new Set<State>();
	const visit = (s: State) => {
		onStack.add(s);
		for (const t of table) {
			if (t.from !== s || t.to === s || onStack.has(t.to)) continue;
			forward.push(t);
			if (!done.has(t.to)) visit(t.to);
		}
		onStack.delete(s);
		done.add(s);
	};
	visit('CLOSED');
	// Edges that cross from one side to the other (LISTEN → SYN_SENT, SYN_SENT → SYN_RECEIVED) do not push rows apart.
	const ranking = forward.filter((t) => Math.abs(column[t.from] - column[t.to]) < 2);
	const rank = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
	for (let changed = true, guard = 0; changed && guard < STATES.length + 1; guard++) {
		changed = false;
		for (const t of ranking) {
			if (rank[t.to] < rank[t.from] + 1) {
				rank[t.to] = rank[t.from] + 1;
				changed = true;
			}
		}
	}
	// Pull each state down to just above its nearest successor (so SYN_SENT sits beside SYN_RECEIVED).
	const byRankDesc = [...STATES].sort((a, b) => rank[b] - rank[a]);
	for (const s of byRankDesc) {
		const next = ranking.filter((t) => t.from === s).map((t) => rank[t.to]);
		if (next.length > 0) rank[s] = Math.max(rank[s], Math.min(...next) - 1);
	}
	return rank;
}
