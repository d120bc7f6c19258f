import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from './content';

/** Read content/<lang>/*.md from disk. Build-time only: the browser receives the built deck. */
export function readContentFiles(root = 'content'): ContentFile[] {
	return ['zh', 'en'].flatMap((lang) =>
		readdirSync(join(root, lang))
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => {
				const path = join(root, lang, name);
				return { path, text: readFileSync(path, 'utf8') };
			})
	);
}
