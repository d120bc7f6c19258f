import { ROLE_LABEL } from '$lib/core/fsm/labels';
import type { State } from '$lib/core/fsm';
import type { Text } from '$lib/core/text';
import { loadDeck } from '$lib/server/deck';
import type { PageServerLoad } from './$types';

export interface StateCard {
	state: State;
	id: string;
	topic: string;
	title: Text;
	waits?: Text;
	leaves?: Text;
	side?: Text;
	html: Text;
}

/** The eleven state cards, from the checked content, at build time. */
export const load: PageServerLoad = () => {
	const cards: StateCard[] = loadDeck().topics.flatMap((topic) =>
		topic.cards.flatMap((c) =>
			c.state
				? [
						{
							state: c.state,
							id: c.id,
							topic: topic.id,
							title: c.title,
							waits: c.waits,
							leaves: c.leaves,
							side: c.role ? ROLE_LABEL[c.role] : undefined,
							html: c.html
						}
					]
				: []
		)
	);
	return { cards };
};
