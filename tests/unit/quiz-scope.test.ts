import { describe, expect, it } from 'vitest';
import { STATES } from '../../src/lib/core/fsm';
import { generateBank, statesOfFamily } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { buildCatalog } from '../../src/lib/features/study/catalog';
import { quizFamiliesIn } from '../../src/lib/features/study/sessions';

describe('quizzing one state', () => {
	it('reads the states a family names, and where a transition leads', () => {
		expect(statesOfFamily('t:FIN_WAIT_2:recv_fin')).toEqual(['FIN_WAIT_2', 'TIME_WAIT']);
		expect(statesOfFamily('pair:FIN_WAIT_1:CLOSING')).toEqual(['FIN_WAIT_1', 'CLOSING']);
		expect(statesOfFamily('state:LISTEN')).toEqual(['LISTEN']);
		expect(statesOfFamily('diag:CLOSE_WAIT')).toEqual(['CLOSE_WAIT']);
		expect(statesOfFamily('param:tcp_syncookies')).toEqual([]);
		expect(statesOfFamily('t:NOT_A_STATE:recv_fin')).toEqual([]);
	});

	it('gives every state of the machine questions of its own, inside the chosen topic too', () => {
		const deck = loadDeck();
		const catalog = buildCatalog({ topics: deck.topics, questions: generateBank(deck) });
		for (const s of STATES) {
			const families = quizFamiliesIn(catalog, { state: s });
			expect(families.length, s).toBeGreaterThanOrEqual(2);
			expect(families.every((f) => statesOfFamily(f).includes(s)), s).toBe(true);
		}
		const all = quizFamiliesIn(catalog, { state: 'TIME_WAIT' });
		const topic = catalog.topicOfFamily.get(all[0]!)!;
		const narrowed = quizFamiliesIn(catalog, { state: 'TIME_WAIT', topic });
		expect(narrowed.length).toBeGreaterThan(0);
		expect(narrowed.every((f) => all.includes(f) && catalog.topicOfFamily.get(f) === topic)).toBe(true);
	});
});
