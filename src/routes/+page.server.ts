import { loadDeck } from '$lib/server/deck';
import { generateBank } from '$lib/quiz';

/** Build-time only: the home page gets the topic list, not the Markdown or the parser. */
export function load() {
	const deck = loadDeck();
	const bank = generateBank(deck);
	return {
		topics: deck.topics.map((t) => ({
			id: t.id,
			title: t.title,
			cards: t.cards.length,
			questions: bank.filter((q) => q.topic === t.id).length
		}))
	};
}
