import { buildDeck, formatError, type Deck } from './content';
import { readCaptureFiles } from './capture-files';
import { readContentFiles } from './content-files';

/** The checked deck from disk; throws with every content problem listed as file:line: message. */
export function loadDeck(root = 'content'): Deck {
	const { deck, errors } = buildDeck(readContentFiles(root));
	if (errors.length > 0) throw new Error(errors.map(formatError).join('\n'));
	return { ...deck, captures: readCaptureFiles() };
}
