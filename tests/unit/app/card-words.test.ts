/** The card browser's words: the list's language at once, the search text only once someone searches. */
import { beforeAll, expect, it, vi } from 'vitest';
import type { Question } from '../../../src/lib/server/generate';
import { generateBank } from '../../../src/lib/server/generate';
import { loadDeck } from '../../../src/lib/server/deck';
import * as study from '../../../src/lib/features/study';

const asked: string[] = [];
let questions: Question[] = [];
vi.mock('../../../src/lib/app/bank', () => ({
	bank: {
		questions: async (refs: { id: string }[], lang: string) => {
			asked.push(lang);
			const byId = new Map(questions.map((q) => [q.id, q]));
			return refs.map((r) => byId.get(r.id)!);
		},
		addLanguage: async (lang: string) => void asked.push(lang)
	}
}));

let catalog: study.Catalog;
beforeAll(() => {
	const deck = loadDeck();
	questions = generateBank(deck);
	catalog = study.buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions });
});

it('folds the search text on the first search, once, and again for both languages', async () => {
	const { loadCardWords, addOtherLanguages } = await import('../../../src/lib/app/card-words');
	const folded = vi.spyOn(study, 'searchText');
	const entries = study.cardEntries(catalog);
	const words = await loadCardWords(catalog, entries, 'en');
	expect(asked).toEqual(['en']);
	expect(words.complete).toBe(false);
	expect(words.questions.size).toBeGreaterThan(0);
	expect(folded).not.toHaveBeenCalled();

	const haystacks = words.haystacks();
	expect(haystacks.size).toBe(entries.length);
	expect(folded).toHaveBeenCalledTimes(entries.length);
	expect(words.haystacks()).toBe(haystacks);
	expect(folded).toHaveBeenCalledTimes(entries.length);

	const both = await addOtherLanguages(catalog, entries, words, 'en');
	expect(asked).toEqual(['en', 'zh']);
	expect(both.complete).toBe(true);
	expect(both.haystacks()).not.toBe(haystacks);
	expect(folded).toHaveBeenCalledTimes(2 * entries.length);
});
