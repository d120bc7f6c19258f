/** `npm run -s questions [-- --seed S]`: the whole question bank as JSON. Stable output. */
import { DEFAULT_SEED, generateBank } from '../src/lib/server/generate';
import { loadDeck } from '../src/lib/server/deck';

const at = process.argv.indexOf('--seed');
const seed = at > 0 ? (process.argv[at + 1] ?? DEFAULT_SEED) : DEFAULT_SEED;
try {
	process.stdout.write(JSON.stringify(generateBank(loadDeck(), seed), null, 2) + '\n');
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
