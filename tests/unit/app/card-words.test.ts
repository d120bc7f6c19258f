/** The card browser's words: the topics of the cards on screen first; every word, both languages, for a search. */
import { beforeAll, expect, it, vi } from 'vitest';
import type { Question } from '../../../src/lib/server/generate';
import { generateBank } from '../../../src/lib/server/generate';
import { loadDeck } from '../../../src/lib/server/deck';
import * as study from '../../../src/lib/features/study';

/** What the fake bank was asked: each call's language and topics. */
const asked: { lang: string; topics: string[] }[] = [];
let questions: Question[] = [];
const loaded = new Map<string, Question>();
vi.mock('../../../src/lib/app/bank', () => ({
	bank: {
		questions: async (refs: { id: string; topic: string }[], lang: string) => {
			asked.push({ lang, topics: [...new Set(refs.map((r) => r.topic))] });
			const byId = new Map(questions.map((q) => [q.id, q]));
			for (const r of refs) loaded.set(r.id, byId.get(r.id)!);
			return refs.map((r) => byId.get(r.id)!);
		},
		loaded: () => new Map(loaded)
	}
}));

let catalog: study.Catalog;
beforeAll(() => {
	const deck = loadDeck();
	questions = generateBank(deck);
	catalog = study.buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions });
});

it('fetches the topics of the cards on screen only, then every word in both languages for a search', async () => {
	const { cardWords, fetchEveryWord, fetchWords, hasWords } = await import('../../../src/lib/app/card-words');
	const entries = study.cardEntries(catalog);
	const page = entries.slice(0, 20);
	const elsewhere = entries.find((e) => !page.some((p) => p.topic === e.topic))!;
	expect(hasWords(null, page)).toBe(false);

	await fetchWords(page, 'en');
	expect(asked).toEqual([{ lang: 'en', topics: [...new Set(page.map((e) => e.topic))] }]);
	expect(asked[0]!.topics.length).toBeLessThan(catalog.data.topics.length);
	const words = cardWords(catalog, entries, false);
	expect(hasWords(words, page)).toBe(true);
	expect(hasWords(words, [elsewhere])).toBe(false);
	expect(words.complete).toBe(false);

	await fetchEveryWord(catalog);
	expect(asked.slice(1).map((a) => a.lang).sort()).toEqual(['en', 'zh']);
	for (const a of asked.slice(1)) expect(a.topics.length).toBe(catalog.data.topics.length);
	const every = cardWords(catalog, entries, true);
	expect(hasWords(every, entries)).toBe(true);
	expect(every.complete).toBe(true);
});

it('folds the search text on the first search, once', async () => {
	const { cardWords } = await import('../../../src/lib/app/card-words');
	const folded = vi.spyOn(study, 'searchText');
	const entries = study.cardEntries(catalog);
	const words = cardWords(catalog, entries, true);
	expect(folded).not.toHaveBeenCalled();
	const haystacks = words.haystacks();
	expect(haystacks.size).toBe(entries.length);
	expect(words.haystacks()).toBe(haystacks);
	expect(folded).toHaveBeenCalledTimes(entries.length);
});
