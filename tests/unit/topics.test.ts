import { describe, expect, it } from 'vitest';
import { generateBank } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { buildCatalog } from '../../src/lib/features/study/catalog';
import { planFlashcards, planQuiz, quizFamiliesIn } from '../../src/lib/features/study/sessions';
import { topicCatalogue, unavailable, type Mode } from '../../src/lib/features/study/topics';

const deck = loadDeck();
const catalog = buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) });
const entries = topicCatalogue(catalog);

describe('the one topic list', () => {
	it('holds every topic of the content, in its order', () => {
		expect(entries.map((e) => e.id)).toEqual(deck.topics.map((t) => t.id));
	});

	it('gives every topic flashcards and quiz questions, the interview questions included', () => {
		for (const e of entries) {
			expect(e.cards, e.id).toBeGreaterThan(0);
			expect(e.questions, e.id).toBeGreaterThan(0);
			expect(quizFamiliesIn(catalog, { topic: e.id }), e.id).toHaveLength(e.questions);
		}
		expect(entries.find((e) => e.id === 'interview')!.questions).toBeGreaterThanOrEqual(5);
	});

	it('studies interview cards in their own wording, on the schedule of the card they repeat', () => {
		const plan = planFlashcards(catalog, new Map(), 0, 100, 0, 'interview');
		expect(plan.cards.length).toBe(entries.find((e) => e.id === 'interview')!.cards);
		for (const q of plan.cards) expect(q.topic).toBe('interview');
		// Studying everything shows each family once: the repeated card, not the interview wording too.
		const all = planFlashcards(catalog, new Map(), 0, 1000, 0).cards;
		expect(new Set(all.map((q) => q.family)).size).toBe(all.length);
		expect(all.some((q) => q.id === 'flashcard:interview-close-wait-pile')).toBe(false);
	});

	it('states for each mode whether a topic can be used, with a reason when not', () => {
		for (const e of entries)
			for (const mode of ['cards', 'quiz', 'challenge'] as Mode[]) {
				const reason = unavailable(e, mode);
				if (reason) expect(reason.zh.length * reason.en.length, `${e.id} ${mode}`).toBeGreaterThan(0);
			}
		expect(entries.filter((e) => unavailable(e, 'challenge') === null).length).toBeGreaterThan(0);
	});

	it('asks an interview quiz in the interview wording, about the fact its own topic trains', () => {
		const quiz = planQuiz(catalog, new Map(), 0, 1, 20, { topic: 'interview' });
		expect(quiz.length).toBe(entries.find((e) => e.id === 'interview')!.questions);
		for (const q of quiz) {
			expect(q.topic).toBe('interview');
			expect(q.prompt.zh).toMatch(/^“.+”追问：/);
			// The family is shared with the plain question in the topic the transition belongs to.
			expect(catalog.questionsByFamily.get(q.family)!.some((x) => x.topic !== 'interview')).toBe(true);
		}
	});
});
