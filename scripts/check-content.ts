/** `npm run content:check`: check all content, then generate the question bank and validate it. */
import { buildDeck, checkChineseSource, formatError } from '../src/lib/server/content';
import { machine } from '../src/lib/core/fsm';
import { generateBank, validateBank } from '../src/lib/server/generate';
import { readCaptureFiles } from '../src/lib/server/capture-files';
import { readContentFiles } from '../src/lib/server/content-files';
import { readUiSources } from '../src/lib/server/ui-sources';

const built = buildDeck(readContentFiles());
const { deck } = built;
// The Chinese glossary covers the interface strings too, not only content/zh (see content/README.md).
const errors = [...built.errors, ...readUiSources().flatMap((f) => checkChineseSource(f.path, f.text))];
for (const e of errors) console.error(formatError(e));
if (errors.length > 0) {
	console.error(`content: ${errors.length} problem(s)`);
	process.exit(1);
}
const withCaptures = { ...deck, captures: readCaptureFiles() };
const bank = generateBank(withCaptures);
const problems = validateBank(bank, withCaptures, machine);
for (const p of problems) console.error(`question ${p}`);
if (problems.length > 0) {
	console.error(`questions: ${problems.length} problem(s)`);
	process.exit(1);
}
const cards = deck.topics.reduce((n, t) => n + t.cards.length, 0);
const fromCaptures = bank.filter((q) => q.kind === 'capture').length;
console.log(`content: ${deck.topics.length} topics, ${cards} cards; questions: ${bank.length} (${fromCaptures} from ${withCaptures.captures.length} captures), all valid`);
