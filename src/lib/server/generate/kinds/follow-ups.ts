import type { Card } from '../../../features/content/types';
import type { Transition } from '../../../core/fsm';
import { choice, type Context } from '../context';
import { topicsWithQuiz, type Question } from '../../../features/quiz/types';
import { followUpId, transitionFamily } from '../../../core/ids';
import { nextStateSpec } from './fsm';

/**
 * Quiz questions for topics that have none of their own (the interview questions, the reading of
 * the whole machine): for each transition a card of the topic claims, the next-state question about
 * it, introduced by the card's question. The family is the transition's, so answering here or in
 * the topic the transition belongs to trains one memory of it.
 */
export function followUpQuestions(ctx: Context, bank: readonly Question[]): Question[] {
	const quizzable = new Set(topicsWithQuiz(ctx.deck.topics, bank));
	const out: Question[] = [];
	for (const topic of ctx.deck.topics) {
		if (quizzable.has(topic)) continue;
		const asked = new Set<string>();
		for (const card of topic.cards) {
			for (const t of card.transitions) {
				const key = transitionFamily(t);
				if (asked.has(key)) continue;
				asked.add(key);
				// The machine's own row: its outcome and source, whatever the card's wording.
				const row = ctx.machine.table.find((r) => transitionFamily(r) === key);
				if (row) out.push(followUp(ctx, card, row));
			}
		}
	}
	return out;
}

function followUp(ctx: Context, card: Card, t: Transition): Question {
	const spec = nextStateSpec(ctx, t);
	return choice(ctx, {
		...spec,
		id: followUpId(spec.id, card.id),
		topic: card.topic,
		prompt: {
			zh: `“${card.title.zh}”追问：${spec.prompt.zh}`,
			en: `Follow-up to “${card.title.en}”: ${spec.prompt.en}`
		}
	});
}
