/**
 * The ids the log, the scheduler and the statistics read back: question families (the scheduled
 * items) and question ids. They are built and split only here, so renaming a kind changes one
 * line and cannot silently break a quiz scope, a statistic or an old log.
 *
 * Ids are plain strings in the log (`t:FIN_WAIT_1:recv_fin`, `next_state:LISTEN:recv_syn@card-7`),
 * so a backup stays readable; the parsers return strings and leave validation to the caller.
 */

/** A row of the machine's table, as ids name it: FROM:EVENT[:cond]. */
export interface RowRef {
	from: string;
	event: string;
	cond?: string;
}

/** What a family is about. Families that share a fact share a memory across cards and questions. */
export type Family =
	| ({ kind: 'transition' } & RowRef)
	| { kind: 'state'; state: string }
	| { kind: 'param'; param: string }
	| { kind: 'diagnosis'; state: string }
	| { kind: 'pair'; from: string; to: string }
	| { kind: 'card'; card: string }
	| { kind: 'duration'; name: string }
	| { kind: 'order'; scenario: string; what: string };

const PREFIX = {
	transition: 't',
	state: 'state',
	param: 'param',
	diagnosis: 'diag',
	pair: 'pair',
	card: 'card',
	duration: 'dur',
	order: 'order'
} as const satisfies Record<Family['kind'], string>;

const KIND_OF_PREFIX = new Map<string, Family['kind']>(Object.entries(PREFIX).map(([kind, prefix]) => [prefix, kind as Family['kind']]));

const rowParts = (t: RowRef) => [t.from, t.event, ...(t.cond ? [t.cond] : [])];

export function familyId(f: Family): string {
	const parts = (() => {
		switch (f.kind) {
			case 'transition':
				return rowParts(f);
			case 'state':
			case 'diagnosis':
				return [f.state];
			case 'param':
				return [f.param];
			case 'pair':
				return [f.from, f.to];
			case 'card':
				return [f.card];
			case 'duration':
				return [f.name];
			case 'order':
				return [f.scenario, f.what];
		}
	})();
	return [PREFIX[f.kind], ...parts].join(':');
}

/** Shorthands for the families built most often. */
export const transitionFamily = (t: RowRef) => familyId({ kind: 'transition', ...t });
export const stateFamily = (state: string) => familyId({ kind: 'state', state });

/** The family an id names, or undefined for an id no version of the app wrote. */
export function parseFamily(id: string): Family | undefined {
	const [prefix = '', ...parts] = id.split(':');
	const kind = KIND_OF_PREFIX.get(prefix);
	const [a, b, c] = parts;
	if (!kind || !a) return undefined;
	switch (kind) {
		case 'transition':
			return b && parts.length <= 3 ? { kind, from: a, event: b, ...(c ? { cond: c } : {}) } : undefined;
		case 'pair':
			return b && parts.length === 2 ? { kind, from: a, to: b } : undefined;
		case 'order':
			return b ? { kind, scenario: a, what: parts.slice(1).join(':') } : undefined;
		case 'card':
			// Card ids are authored names and may hold anything but the separator's first use.
			return { kind, card: parts.join(':') };
		case 'state':
		case 'diagnosis':
			return parts.length === 1 ? { kind, state: a } : undefined;
		case 'param':
			return parts.length === 1 ? { kind, param: a } : undefined;
		case 'duration':
			return { kind, name: parts.join(':') };
	}
}

/** Every state a family names by id (its from and to for a pair, its from-state for a transition). */
export function statesNamed(f: Family | undefined): string[] {
	if (!f) return [];
	if (f.kind === 'state' || f.kind === 'diagnosis') return [f.state];
	if (f.kind === 'pair' || f.kind === 'transition') return f.kind === 'pair' ? [f.from, f.to] : [f.from];
	return [];
}

/** A question's id: its kind, then what makes it unique (`next_state:LISTEN:recv_syn`). */
export const questionId = (kind: string, ...parts: string[]) => [kind, ...parts].join(':');

/** A question's id for the row it asks about (`next_state:FROM:EVENT[:cond]`). */
export const rowQuestionId = (kind: string, t: RowRef) => questionId(kind, ...rowParts(t));

/** A follow-up asks what its plain twin asks, introduced by a card: `<twin>@<card>`. */
export const followUpId = (twin: string, card: string) => `${twin}@${card}`;

/** The simulator's prediction steps: one id per step of a scenario. */
export const predictId = (scenario: string, step: number) => questionId('predict', scenario, String(step));

export interface QuestionIdParts {
	kind: string;
	parts: string[];
	/** Set for a follow-up: the card that introduces it. */
	card?: string;
}

export function parseQuestionId(id: string): QuestionIdParts {
	const at = id.indexOf('@');
	const twin = at < 0 ? id : id.slice(0, at);
	const [kind = '', ...parts] = twin.split(':');
	return { kind, parts, ...(at < 0 ? {} : { card: id.slice(at + 1) }) };
}

/** The row a row question's parts name (`FROM:EVENT[:cond]`). */
export function rowOf(parts: readonly string[]): RowRef | undefined {
	const [from, event, cond] = parts;
	if (!from || !event || parts.length > 3) return undefined;
	return { from, event, ...(cond ? { cond } : {}) };
}
