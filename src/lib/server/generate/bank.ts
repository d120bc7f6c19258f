import type { Deck } from '../../features/content/types';
import { machine as rfcMachine, type Machine } from '../../core/fsm';
import { createContext } from './context';
import { captureQuestions } from './kinds/captures';
import { authoredQuestions, flashcards } from './kinds/cards';
import { followUpQuestions } from './kinds/follow-ups';
import { eventBetweenQuestions, nextStateQuestions, orderQuestions, segmentQuestions } from './kinds/fsm';
import { paramDefaultQuestions, paramMeaningQuestions } from './kinds/params';
import { durationQuestions } from './kinds/durations';
import { ssQuestions } from './kinds/ss';
import { linuxNameQuestions, stateCardQuestions } from './kinds/states';
import type { Question } from '../../features/quiz/types';

export const DEFAULT_SEED = 'tcp-quest';

/** The whole question bank: deterministic for a deck, a machine and a seed. */
export function generateBank(deck: Deck, seed: string | number = DEFAULT_SEED, m: Machine = rfcMachine): Question[] {
	const ctx = createContext(deck, m, seed);
	const bank = [
		...nextStateQuestions(ctx),
		...segmentQuestions(ctx),
		...eventBetweenQuestions(ctx),
		...orderQuestions(ctx),
		...stateCardQuestions(ctx),
		...linuxNameQuestions(ctx),
		...paramMeaningQuestions(ctx),
		...paramDefaultQuestions(ctx),
		...durationQuestions(ctx),
		...authoredQuestions(ctx),
		...ssQuestions(ctx),
		...flashcards(ctx)
	];
	// Capture questions come last and do not count as a topic's own: a topic that has only them
	// still gets its follow-ups, and every other question keeps its place.
	return [...bank, ...followUpQuestions(ctx, bank), ...captureQuestions(ctx)];
}
