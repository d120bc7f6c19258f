/** `npm run content:check`: parse and check all content, then generate and validate the bank. */
import { buildDeck, formatError } from '../src/lib/content';
import { readContentFiles } from '../src/lib/server/content-files';

const { deck, errors } = buildDeck(readContentFiles());
for (const e of errors) console.error(formatError(e));
const cards = deck.topics.reduce((n, t) => n + t.cards.length, 0);
if (errors.length > 0) {
	console.error(`content: ${errors.length} problem(s)`);
	process.exit(1);
}
console.log(`content: ${deck.topics.length} topics, ${cards} cards, no problems`);
