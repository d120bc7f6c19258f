import type { Card } from '../../../features/content/types';
import { choice, citation, withSource, type Context } from '../context';
import type { Question } from '../../../features/quiz/types';
import { familyId, questionId } from '../../../core/ids';

const sourceOf = (card: Card) => citation(card, `TCP Quest content/${card.at.en.file.split('/').pop()}`);

/**
 * The scheduled item a card belongs to. A state, parameter or diagnosis card shares its family with
 * the quiz questions about the same fact, so flashcards and quizzes keep one memory of it; a card
 * that asks another again in other words (`same-as:`) is that card's family.
 */
export function cardFamily(card: Card, cards: readonly Card[] = []): string {
	const repeated = card.sameAs ? cards.find((c) => c.id === card.sameAs) : undefined;
	if (repeated) return cardFamily(repeated);
	if (card.state) return familyId({ kind: 'state', state: card.state });
	if (card.param) return familyId({ kind: 'param', param: card.param });
	if (card.diagnoses) return familyId({ kind: 'diagnosis', state: card.diagnoses });
	return familyId({ kind: 'card', card: card.id });
}

/**
 * Every card is a flashcard: front, then back. An authored question's card shows its statements on
 * the front and marks the true ones on the back, so it never asks about something it does not show;
 * it shares its family with the quiz question, so both train one memory.
 */
export function flashcards(ctx: Context): Question[] {
	return ctx.cards.map((card) => {
		const q: Question = {
			id: questionId('flashcard', card.id),
			kind: 'flashcard',
			topic: card.topic,
			family: cardFamily(card, ctx.cards),
			prompt: card.front,
			options: [],
			answer: [],
			explanation: withSource(card.back, sourceOf(card)),
			source: sourceOf(card)
		};
		if (card.quiz && card.options) {
			q.options = card.options.map((o) => ({ id: o.id, label: o.label }));
			q.answer = card.options.filter((o) => o.correct).map((o) => o.id);
			if (q.answer.length > 1) q.multi = true;
		}
		return q;
	});
}

/** Questions a teacher wrote in the content, with their options as written. */
export function authoredQuestions(ctx: Context): Question[] {
	return ctx.cards.flatMap((card) => {
		if (!card.quiz || !card.options) return [];
		const options = card.options.map((o) => ({ id: o.id, label: o.label }));
		return [
			choice(ctx, {
				id: questionId('scenario', card.id),
				kind: 'scenario',
				topic: card.topic,
				family: familyId({ kind: 'card', card: card.id }),
				prompt: card.front,
				right: options.filter((o) => card.options!.find((c) => c.id === o.id)!.correct),
				wrong: [options.filter((o) => !card.options!.find((c) => c.id === o.id)!.correct)],
				total: options.length,
				explanation: card.back,
				source: sourceOf(card),
				subject: { card: card.id }
			})
		];
	});
}
