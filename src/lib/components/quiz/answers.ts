/**
 * How an answer is shown while it is built and once it is checked: the choice and ordering
 * gestures, the marks on checked options, and an answer as one line of text. Pure, beside the
 * views that use them (quiz, challenge, classroom), and unit-tested in tests/unit/quiz-session.test.ts.
 */
import type { Lang } from '$lib/core/text';
import type { Option, Question } from '$lib/features/quiz/types';

/** Tap an option: a single choice replaces, a multiple choice toggles (kept in option order). */
export function choose(q: Pick<Question, 'options' | 'multi'>, chosen: readonly string[], id: string): string[] {
	if (!q.options.some((o) => o.id === id)) return [...chosen];
	if (!q.multi) return [id];
	const next = chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
	return q.options.map((o) => o.id).filter((o) => next.includes(o));
}

/** Tap a step: an unplaced one goes to the end of the sequence, a placed one comes out of it. */
export function toggleStep(order: readonly string[], id: string): string[] {
	return order.includes(id) ? order.filter((o) => o !== id) : [...order, id];
}

/** Move the step at `index` up (-1) or down (+1); out of range does nothing. */
export function moveStep(order: readonly string[], index: number, delta: -1 | 1): string[] {
	const to = index + delta;
	if (index < 0 || index >= order.length || to < 0 || to >= order.length) return [...order];
	const out = [...order];
	[out[index], out[to]] = [out[to]!, out[index]!];
	return out;
}

/** Steps not yet placed, in the order they are offered. */
export const unplaced = (q: Question, order: readonly string[]) => q.options.filter((o) => !order.includes(o.id));

/** How an option looks once checked: part of the right answer, chosen by the learner, both or neither. */
export type Mark = 'right' | 'missed' | 'wrong' | 'none';

export function markOf(attempt: { question: Pick<Question, 'answer'>; chosen: readonly string[] }, id: string): Mark {
	const right = attempt.question.answer.includes(id);
	const chosen = attempt.chosen.includes(id);
	if (right) return chosen ? 'right' : 'missed';
	return chosen ? 'wrong' : 'none';
}

/** The right answer's options, in answer order (for `order_steps`, the right sequence). */
export const rightOptions = (q: Question) => chosenOptions(q, q.answer);

/** What the learner answered, as options in their order. */
export function chosenOptions(q: Question, chosen: readonly string[]): Option[] {
	return chosen.flatMap((id) => q.options.filter((o) => o.id === id));
}

/**
 * Several chosen options as one line: "A；B" in Chinese, "A; B" in English, with each option's own
 * closing "。" or "." dropped so they never stack up as "。；". Steps of an ordering answer are
 * numbered, one a line (RichText shows the breaks): "→" inside a step is a segment's direction.
 */
export function joinOptions(labels: string[], lang: Lang, ordered = false): string {
	const bare = labels.map((l) => l.trim().replace(/[。.]$/, ''));
	if (ordered) return bare.map((l, i) => `${i + 1}. ${l}`).join('\n');
	return bare.join(lang === 'zh' ? '；' : '; ');
}

/**
 * An answer (option ids, in the order given) as the learner reads it: the options' labels joined
 * by `joinOptions`. An id the question does not offer (an old or tampered code) shows as itself.
 */
export function answerText(q: Pick<Question, 'kind' | 'options'>, ids: readonly string[], lang: Lang): string {
	const labels = ids.map((id) => q.options.find((o) => o.id === id)?.label[lang] ?? id);
	return joinOptions(labels, lang, q.kind === 'order_steps');
}

/** Split text on `backticks` so inline code can be shown as code. */
export function codeSpans(s: string): { code: boolean; text: string }[] {
	return s.split('`').flatMap((part, i) => (part ? [{ code: i % 2 === 1, text: part }] : []));
}

/** Text that may span lines (an ordering question's numbered steps): each line trimmed, with its code spans. */
export const textLines = (s: string) => s.split('\n').map((line) => codeSpans(line.trim()));

/** Minutes and seconds, rounded to the second. */
export function minutesSeconds(ms: number): { minutes: number; seconds: number } {
	const total = Math.max(0, Math.round(ms / 1000));
	return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
