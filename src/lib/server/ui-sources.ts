import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from './content';

/**
 * The TypeScript under src/lib whose string literals the app shows (components/*-ui, question generators, game, log…),
 * read from disk for the glossary check. Tests are not shown to anyone; the content checks' own
 * messages quote the wrong spellings on purpose; server code runs only at build time, except the question generators (server/generate), whose words learners read.
 */
const NOT_SHOWN = /\.test\.ts$|^src\/lib\/server\/(?!generate\/)/;

export function readUiSources(root = 'src/lib'): ContentFile[] {
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => join(root, name).replace(/\\/g, '/'))
		.filter((path) => !NOT_SHOWN.test(path))
		.sort()
		.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}
