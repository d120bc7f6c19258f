import { loadDeck } from '$lib/server/deck';
import { generateBank } from '$lib/server/generate';
import { buildCatalog, topicCatalogue } from '$lib/features/study';

/**
 * Build-time only: the home page gets the topic list, not the Markdown or the parser. Counted by
 * the same catalogue as every mode, so "5 quiz questions" here is what /quiz offers.
 */
export function load() {
	const deck = loadDeck();
	const catalog = buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) });
	return { topics: topicCatalogue(catalog).map(({ id, title, cards, questions }) => ({ id, title, cards, questions })) };
}
