import { error } from '@sveltejs/kit';
import { ROLE_LABEL } from '$lib/i18n/fsm-labels';
import { loadDeck } from '$lib/server/deck';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => loadDeck().topics.map((t) => ({ id: t.id }));

export const load: PageServerLoad = ({ params }) => {
	const topic = loadDeck().topics.find((t) => t.id === params.id);
	if (!topic) error(404, 'no such topic');
	return {
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
