import { error } from '@sveltejs/kit';
import { ROLE_LABEL } from '$lib/core/fsm/labels';
import { generateBank } from '$lib/server/generate';
import { loadDeck } from '$lib/server/deck';
import { buildCatalog, topicModes, type Catalog } from '$lib/features/study';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => loadDeck().topics.map((t) => ({ id: t.id }));

/** Built once for all topic pages while prerendering: what /study and /quiz will offer. */
let catalog: Catalog | undefined;
function bankCatalog(): Catalog {
	if (!catalog) {
		const deck = loadDeck();
		catalog = buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) });
	}
	return catalog;
}

export const load: PageServerLoad = ({ params }) => {
	const topic = loadDeck().topics.find((t) => t.id === params.id);
	if (!topic) error(404, 'no such topic');
	return {
		/** The end of the page links only to modes that have something for this topic. */
		modes: topicModes(bankCatalog(), topic.id),
		topic: {
			id: topic.id,
			title: topic.title,
			intro: topic.intro,
			cards: topic.cards.map((c) => ({
				id: c.id,
				title: c.title,
				front: c.front,
				back: c.back,
				html: c.html,
				waits: c.waits,
				leaves: c.leaves,
				side: c.role ? ROLE_LABEL[c.role] : undefined,
				meaning: c.meaning,
				notesSaid: c.notesSaid,
				fix: c.fix
			}))
		}
	};
};
