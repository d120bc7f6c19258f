import type { Question } from '../quiz/types';

/** Whether a learner's answer is right: the one option, all the options, or the exact order. */
export function isCorrect(q: Question, chosen: readonly string[]): boolean {
	if (q.kind === 'order_steps') return chosen.length === q.answer.length && chosen.every((id, i) => id === q.answer[i]);
	const right = new Set(q.answer);
	return chosen.length === right.size && chosen.every((id) => right.has(id));
}
