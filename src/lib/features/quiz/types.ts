import type { Condition, Event, State } from '../../core/fsm';
import type { Text } from '../../core/text';

export const QUESTION_KINDS = [
	'next_state',
	'segment_sent',
	'event_between',
	'order_steps',
	'state_from_description',
	'state_side',
	'ss_name',
	'proc_code',
	'param_meaning',
	'param_from_meaning',
	'param_default',
	'duration',
	'scenario',
	'ss_diagnosis',
	'ss_fix',
	'capture',
	'flashcard'
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Option {
	/** Stable and meaningful: a state, segment, event, parameter or value, so answers can be recomputed. */
	id: string;
	label: Text;
}

export interface Question {
	/** Stable across builds and seeds: derived from what is asked, never from a position or a seed. */
	id: string;
	kind: QuestionKind;
	topic: string;
	/** The item the scheduler remembers: questions about the same fact share a family. */
	family: string;
	prompt: Text;
	/** For `order_steps`, the steps in shuffled order; for flashcards, none. */
	options: Option[];
	/** Ids of the right options; for `order_steps`, all ids in the right order. */
	answer: string[];
	/** True when more than one option is right and the learner must pick all of them. */
	multi?: boolean;
	explanation: Text;
	source: string;
	/** For state-machine questions: the transition asked about. */
	fsm?: { from: State; event: Event; cond?: Condition };
	/** Extra context a validator needs to recompute the answer. */
	subject?: Record<string, string | number>;
	/** Pre-formatted text shown with the prompt (an `ss -tan` listing). */
	listing?: string;
}

/** Quiz questions: every kind but the flashcard, which is rated, not answered. */
export const isQuizQuestion = (q: Pick<Question, 'kind'>): boolean => q.kind !== 'flashcard';

/** The topics that have quiz questions, in the order the topics are given. */
export const topicsWithQuiz = <T extends { id: string }>(topics: readonly T[], questions: readonly Pick<Question, 'kind' | 'topic'>[]): T[] => {
	const asked = new Set(questions.filter(isQuizQuestion).map((q) => q.topic));
	return topics.filter((tp) => asked.has(tp.id));
};
