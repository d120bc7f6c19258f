import { json } from '@sveltejs/kit';
import { generateBank } from '$lib/quiz';
import { loadDeck } from '$lib/server/deck';
import type { StudyData } from '$lib/study/data';

export const prerender = true;

/** The question bank and topic list, built once at build time and precached for offline use. */
export function GET() {
	const deck = loadDeck();
	const data: StudyData = {
		topics: deck.topics.map((t) => ({ id: t.id, title: t.title })),
		questions: generateBank(deck)
	};
	return json(data);
}
