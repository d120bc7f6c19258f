/**
 * The words the card browser shows and searches. The list fetches only the topics' slices of the
 * cards on screen, in the page's language (fetching all sixteen to show a page of cards was most of
 * /cards' main-thread work on a phone profile); a search fetches every slice in both languages, so
 * either finds any card. The slices are the ones sessions use, precached by the service worker:
 * this works offline too.
 */
import type { QuestionRef } from '$lib/features/game';
import { LANGS, type Lang } from '$lib/core/text';
import type { Question } from '$lib/features/quiz/types';
import { ankiNotes } from '$lib/features/study/anki';
import { searchText, type Catalog, type CardEntry } from '$lib/features/study';
import { bank } from './bank';

export interface CardWords {
	/** Every question loaded so far (a Text holds each language loaded). */
	questions: ReadonlyMap<string, Question>;
	/**
	 * Item id → folded text to search (see study/card-browser.ts). Built on the first search, not with
	 * the list: folding every card's words was the longest task of opening /cards on a phone profile.
	 */
	haystacks: () => ReadonlyMap<string, string>;
	/** Every card's words in both languages are in: a search finds any card by either. */
	complete: boolean;
}

/** Whether `words` can show every card of `shown`. */
export const hasWords = (words: CardWords | null, shown: readonly CardEntry[]): boolean => words !== null && shown.every((e) => words.questions.has(e.question.id));

/** Fetch the words of these cards in `lang` (their topics' slices, once each). */
export async function fetchWords(shown: readonly CardEntry[], lang: Lang): Promise<void> {
	await bank.questions(
		shown.map((e) => e.question),
		lang
	);
}

/** Fetch every card's words in every language: what a search looks through. */
export async function fetchEveryWord(catalog: Catalog<QuestionRef>): Promise<void> {
	for (const lang of LANGS) await bank.questions(catalog.data.questions, lang);
}

/** The words loaded so far, for the cards `entries` (the search text covers them all, with what is loaded). */
export function cardWords(catalog: Catalog<QuestionRef>, entries: readonly CardEntry[], complete: boolean): CardWords {
	const questions = bank.loaded();
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

export const ANKI_FILE_NAME = 'tcp-quest-anki.txt';

/** The Anki file of every flashcard, both languages' words fetched first; and how many notes it holds. */
export async function ankiFile(catalog: Catalog<QuestionRef>): Promise<{ blob: Blob; notes: number }> {
	let cards: Question[] = [];
	for (const lang of LANGS) cards = await bank.questions(catalog.flashcards, lang);
	return { blob: new Blob([ankiNotes(cards)], { type: 'text/plain;charset=utf-8' }), notes: cards.length };
}
