import { generateBank } from '$lib/server/generate';
import type { StudyData } from '$lib/features/study/data';
import { loadDeck } from './deck';

let cached: StudyData | undefined;

/** The whole bank with the topic list, generated once per build for every route that serves a part of it. */
export function studyData(): StudyData {
	if (!cached) {
		const deck = loadDeck();
		cached = { topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) };
	}
	return cached;
}
