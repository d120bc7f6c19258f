/**
 * The card browser (/cards): every scheduled item — one per flashcard family and one per quiz
 * family — searchable in both languages by its words, the states it is about (every spelling the
 * typed-answer matcher knows), the Linux parameter it names and its topic; filtered by what the
 * schedule says of it and sorted by due date or difficulty. Pure: the page passes the schedule,
 * the time and the words it has loaded.
 */
import { STATES } from '../../core/fsm/states';
import type { QuestionRef, TopicRef } from '../game/facts';
import type { Text } from '../../core/text';
import { statesOfFamily } from '../quiz/scope';
import { foldSpelling, stateSpellingsOf } from '../quiz/typed/concepts';
import type { Question } from '../quiz/types';
import { isBuried, type DayOfFn } from '../../core/srs/controls';
import { isLeech } from '../../core/srs/leech';
import { isStudied, type ItemState, type Schedule } from '../../core/srs/schedule';
import type { Catalog } from './catalog';

export const CARD_FILTERS = ['all', 'due', 'new', 'suspended', 'leech'] as const;
export type CardFilter = (typeof CARD_FILTERS)[number];
export const isCardFilter = (value: unknown): value is CardFilter => (CARD_FILTERS as readonly unknown[]).includes(value);
export const CARD_SORTS = ['due', 'difficulty'] as const;
export type CardSort = (typeof CARD_SORTS)[number];
/** What the schedule says of an item now; `buried` is until the learner's next day. */
export type CardStatus = 'new' | 'due' | 'scheduled' | 'suspended' | 'buried';

export interface CardEntry<Q extends QuestionRef = QuestionRef> {
	/** The scheduled item: the family (flashcards and quiz questions share a family's memory). */
	itemId: string;
	kind: 'flashcard' | 'quiz';
	topic: string;
	/** The question shown for it: the flashcard, or the family's first quiz question. */
	question: Q;
	/** Bank order: the order among equals. */
	order: number;
}

/** Every scheduled item of the bank, flashcards first, each once (a family is one memory). */
export function cardEntries<Q extends QuestionRef>(catalog: Catalog<Q>): CardEntry<Q>[] {
	const seen = new Set<string>();
	const out: CardEntry<Q>[] = [];
	const add = (question: Q, kind: CardEntry['kind']) => {
		if (seen.has(question.family)) return;
		seen.add(question.family);
		out.push({ itemId: question.family, kind, topic: catalog.topicOfFamily.get(question.family) ?? question.topic, question, order: out.length });
	};
	for (const q of catalog.flashcards) add(q, 'flashcard');
	for (const family of catalog.quizFamilies) {
		const first = catalog.questionsByFamily.get(family)?.[0];
		if (first) add(first, 'quiz');
	}
	return out;
}

export function cardStatus(state: ItemState | undefined, now: number, dayOf?: DayOfFn): CardStatus {
	if (state?.suspended) return 'suspended';
	if (isBuried(state, now, dayOf)) return 'buried';
	if (!isStudied(state)) return 'new';
	return state.card.due.getTime() <= now ? 'due' : 'scheduled';
}

/** Case, width and separators folded (SYN_RECV, syn-recv and ＳＹＮ ＲＥＣＶ read alike); Chinese as is. */
const fold = (s: string) => foldSpelling(s).toLowerCase();

const texts = (t: Text | undefined): string[] => (t ? Object.values(t).filter((v): v is string => typeof v === 'string') : []);

/**
 * What a search reads of one item: its words in every language loaded, its options, the states it
 * is about with all their spellings, its family id (which names its parameter, e.g.
 * `param:tcp_fin_timeout`) and its topic's title. Folded, pieces apart so no match spans two.
 */
export function searchText(family: string, questions: readonly Question[], topic: TopicRef | undefined): string {
	const pieces = [family, ...texts(topic?.title)];
	for (const q of questions) pieces.push(...texts(q.prompt), ...texts(q.explanation), ...q.options.flatMap((o) => texts(o.label)));
	for (const state of statesOfFamily(family)) pieces.push(state, ...stateSpellingsOf(state));
	return pieces.map(fold).join('\u0001');
}

/** A state's every spelling, by each folded spelling: a query for one spelling finds text that uses another. */
let spellings: Map<string, string[]> | null = null;
function alternatives(term: string): string[] {
	spellings ??= new Map(
		STATES.flatMap((state) => {
			const all = [...new Set([state, ...stateSpellingsOf(state)].map(fold))];
			return all.map((k) => [k, all] as const);
		})
	);
	return spellings.get(term) ?? [term];
}

/** Every word of the query (split at spaces) appears in the text, a state in any of its spellings; an empty query matches all. */
export function matchesQuery(haystack: string, query: string): boolean {
	const terms = query.split(/\s+/).map(fold).filter(Boolean);
	return terms.every((term) => alternatives(term).some((alt) => haystack.includes(alt)));
}

export interface BrowseOptions {
	query: string;
	filter: CardFilter;
	sort: CardSort;
	now: number;
	leechThreshold: number;
	dayOf?: DayOfFn;
	/** Item id → searchText; an item without one (words not loaded yet) is matched by family and topic id only. */
	haystacks?: ReadonlyMap<string, string>;
}

function passes(filter: CardFilter, state: ItemState | undefined, status: CardStatus, threshold: number): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'due':
			return status === 'due';
		case 'new':
			return status === 'new';
		case 'suspended':
			return status === 'suspended';
		case 'leech':
			return isLeech(state, threshold);
	}
}

/**
 * The entries a search, filter and sort leave, in order. By due date: soonest first, items never
 * studied after every studied one; by difficulty: hardest (FSRS difficulty, 1–10) first, new last.
 * Bank order breaks ties, so the list never shuffles between two renders.
 */
export function browseCards<Q extends QuestionRef>(entries: readonly CardEntry<Q>[], schedule: Schedule, o: BrowseOptions): CardEntry<Q>[] {
	const key = (e: CardEntry<Q>): number => {
		const state = schedule.get(e.itemId);
		if (!isStudied(state)) return Infinity;
		return o.sort === 'due' ? state.card.due.getTime() : -state.card.difficulty;
	};
	return entries
		.filter((e) => {
			const state = schedule.get(e.itemId);
			if (!passes(o.filter, state, cardStatus(state, o.now, o.dayOf), o.leechThreshold)) return false;
			return matchesQuery(o.haystacks?.get(e.itemId) ?? fold(`${e.itemId}\u0001${e.topic}`), o.query);
		})
		.map((e) => ({ e, k: key(e) }))
		.sort((a, b) => (a.k === b.k ? a.e.order - b.e.order : a.k < b.k ? -1 : 1))
		.map(({ e }) => e);
}
