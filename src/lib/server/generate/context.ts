import { resolveSource } from '../../features/content/sources';
import type { Card, Deck } from '../../features/content/types';
import type { Machine, State } from '../../core/fsm';
import type { Text } from '../../core/text';
import { randomFor, shuffle, type Random } from '../../core/random';
import type { Option, Question, QuestionKind } from '../../features/quiz/types';

/** What every generator reads: the checked deck, the machine and the seed. */
export interface Context {
	deck: Deck;
	machine: Machine;
	seed: string | number;
	cards: Card[];
}

export function createContext(deck: Deck, machine: Machine, seed: string | number): Context {
	return { deck, machine, seed, cards: deck.topics.flatMap((t) => t.cards) };
}

/** A card's sources as people read them, e.g. "RFC 9293 §3.5; ip-sysctl.rst: tcp_syn_retries". */
export function citation(card: Card, fallback: string): string {
	const labels = card.sources.map((id) => resolveSource(id)).flatMap((s) => (typeof s === 'string' ? [] : [s.label]));
	return labels.length ? labels.join('; ') : fallback;
}

export const stateCard = (ctx: Context, s: State) => ctx.cards.find((c) => c.state === s);

/** The topic a question belongs to: the first of `preferred` that exists, else the card's. */
export function topicOf(ctx: Context, ...preferred: (string | undefined)[]): string {
	for (const id of preferred) if (id && ctx.deck.topics.some((t) => t.id === id)) return id;
	return ctx.deck.topics[0]?.id ?? 'unknown';
}

export interface ChoiceSpec {
	id: string;
	kind: QuestionKind;
	topic: string;
	family: string;
	prompt: Text;
	right: Option[];
	/** Wrong options, most plausible tier first. */
	wrong: Option[][];
	/** How many options to show in all (at least the right ones plus two wrong ones). */
	total?: number;
	explanation: Text;
	source: string;
	fsm?: Question['fsm'];
	subject?: Question['subject'];
	listing?: string;
}

export const withSource = (t: Text, source: string): Text => ({
	zh: `${t.zh}（来源：${source}）`,
	en: `${t.en} (Source: ${source})`
});

/** A choice question with seeded distractors and seeded option order. */
export function choice(ctx: Context, spec: ChoiceSpec): Question {
	const random: Random = randomFor(ctx.seed, spec.id);
	const total = Math.max(spec.total ?? 4, spec.right.length + 2);
	const rightIds = new Set(spec.right.map((o) => o.id));
	const tiers = spec.wrong.map((tier) => tier.filter((o) => !rightIds.has(o.id)));
	const wrong = pickDistractors(tiers, total - spec.right.length, random, (o) => o.id);
	const q: Question = {
		id: spec.id,
		kind: spec.kind,
		topic: spec.topic,
		family: spec.family,
		prompt: spec.prompt,
		options: shuffle([...spec.right, ...wrong], random),
		answer: spec.right.map((o) => o.id),
		explanation: withSource(spec.explanation, spec.source),
		source: spec.source
	};
	if (spec.right.length > 1) q.multi = true;
	if (spec.fsm) q.fsm = spec.fsm;
	if (spec.subject) q.subject = spec.subject;
	if (spec.listing) q.listing = spec.listing;
	return q;
}

/**
 * Choose `n` distractors: the most plausible first (they come first in `ranked`), with a little
 * seeded variety among equally plausible ones.
 */
export function pickDistractors<T>(ranked: readonly T[][], n: number, random: Random, key: (item: T) => unknown = (x) => x): T[] {
	const out: T[] = [];
	const taken = new Set<unknown>();
	for (const tier of ranked) {
		for (const item of shuffle(tier, random)) {
			if (out.length === n) return out;
			if (taken.has(key(item))) continue;
			taken.add(key(item));
			out.push(item);
		}
	}
	return out;
}
