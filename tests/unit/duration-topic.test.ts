import { describe, expect, it } from 'vitest';
import { generateBank } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';

describe('duration questions', () => {
	it('about TIME-WAIT are filed under a topic about TIME-WAIT, not under the handshake or the teardown', () => {
		const deck = loadDeck();
		const bank = generateBank(deck);
		for (const id of ['duration:rfc_time_wait', 'duration:linux_time_wait']) {
			const q = bank.find((x) => x.id === id);
			const topic = deck.topics.find((t) => t.id === q?.topic);
			expect(topic?.title.en, id).toMatch(/TIME-WAIT/);
		}
	});
});
