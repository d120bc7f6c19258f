/**
 * The words the card browser searches and shows: every topic's slice in the page's language (what
 * the list shows), then, once the learner searches, the other language (so either finds a card). The slices
 * are the ones sessions use, precached by the service worker: this works offline too.
 */
import type { QuestionRef } from '$lib/features/game';
import { LANGS, type Lang } from '$lib/core/text';
import type { Question } from '$lib/features/quiz/types';
import { ankiNotes } from '$lib/features/study/anki';
import { searchText, type Catalog, type CardEntry } from '$lib/features/study';
import { bank } from './bank';

export interface CardWords {
	questions: ReadonlyMap<string, Question>;
	/**
	 * Item id → folded text to search (see study/card-browser.ts). Built on the first search, not with
	 * the list: folding every card's words was the longest task of opening /cards on a phone profile.
	 */
	haystacks: () => ReadonlyMap<string, string>;
	/** Both languages are in: a search finds a card by either. */
	complete: boolean;
}

function wordsOf(catalog: Catalog<QuestionRef>, entries: readonly CardEntry[], questions: ReadonlyMap<string, Question>, complete: boolean): CardWords {
	let built: Map<string, string> | null = null;
	const haystacks = () => {
		if (built) return built;
		built = new Map();
		for (const e of entries) {
			const refs = [e.question, ...(catalog.questionsByFamily.get(e.itemId) ?? [])];
			const loaded = [...new Set(refs.map((r) => questions.get(r.id)))].filter((q): q is Question => q !== undefined);
			built.set(e.itemId, searchText(e.itemId, loaded, catalog.data.topics.find((t) => t.id === e.topic)));
		}
		return built;
	};
	return { questions, haystacks, complete };
}

/** The page's language: what the list shows, and a search in that language. */
export async function loadCardWords(catalog: Catalog<QuestionRef>, entries: readonly CardEntry[], lang: Lang): Promise<CardWords> {
	const list = await bank.questions(catalog.data.questions, lang);
	return wordsOf(catalog, entries, new Map(list.map((q) => [q.id, q])), false);
}

/**
 * The other language too, asked for by the first search: a search in either finds a card. Only then,
 * because it is as heavy again (about 60 KB gzipped) and browsing without searching needs none of it.
 */
export async function addOtherLanguages(catalog: Catalog<QuestionRef>, entries: readonly CardEntry[], words: CardWords, lang: Lang): Promise<CardWords> {
	// The Texts gain the other language in place: search again over both.
	await Promise.all(LANGS.filter((l) => l !== lang).map((l) => bank.addLanguage(l)));
	return wordsOf(catalog, entries, words.questions, true);
}

export const ANKI_FILE_NAME = 'tcp-quest-anki.txt';

/** The Anki file of every flashcard, both languages' words fetched first; and how many notes it holds. */
export async function ankiFile(catalog: Catalog<QuestionRef>): Promise<{ blob: Blob; notes: number }> {
	let cards: Question[] = [];
	for (const lang of LANGS) cards = await bank.questions(catalog.flashcards, lang);
	return { blob: new Blob([ankiNotes(cards)], { type: 'text/plain;charset=utf-8' }), notes: cards.length };
}
