import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_PATHS } from '../../src/lib/components/icons/paths';

/**
 * Icons are inline SVG (src/lib/components/Icon.svelte), never emoji or symbol glyphs: a device
 * without an emoji or symbol font (Debian's Chromium, many classroom PCs) shows empty boxes.
 * Arrows (→ ↑ ↓ ↻ ⟲) stay: they are in every text font.
 */
const PICTOGRAPH = /\p{Extended_Pictographic}|\uFE0F/u;
/** Misc technical (⌂ ⏱), geometric shapes (◎ ▦ ▶), misc symbols (★ ♥ ⚙), dingbats (✓ ✗ ❐ ❄), more symbols (⬆). */
const SYMBOL_GLYPH = /[\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF]/u;
/** Files (relative to the repository) allowed a glyph, with the reason. None today. */
const ALLOWED: Record<string, string> = {};

function filesUnder(dir: string, ends: RegExp): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && ends.test(e.name))
		.map((e) => join(e.parentPath, e.name));
}

/** Everything a learner can see: markup, UI strings, and the content. */
const VISIBLE = [...filesUnder('src', /\.svelte$/), ...filesUnder('src/lib/components', /(^|-)ui\.ts$/), ...filesUnder('src/lib/core', /^(text|labels)\.ts$/), ...filesUnder('content', /\.md$/)];

describe('icons', () => {
	it('scans the markup, the UI strings and the content', () => {
		expect(VISIBLE.filter((f) => f.endsWith('.svelte')).length).toBeGreaterThan(40);
		expect(VISIBLE).toContain(join('src/lib/components', 'ui.ts'));
	});

	it('no visible string or markup holds an emoji or a symbol glyph', () => {
		const found: string[] = [];
		for (const file of VISIBLE) {
			if (file in ALLOWED) continue;
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					const hit = line.match(PICTOGRAPH) ?? line.match(SYMBOL_GLYPH);
					if (hit) found.push(`${file}:${i + 1}: ${hit[0]} (U+${hit[0].codePointAt(0)!.toString(16).toUpperCase()})`);
				});
		}
		expect(found).toEqual([]);
	});

	it('the checks catch what they are meant to', () => {
		for (const glyph of ['🔥', '🏅', '⚙', '⏱', '♥', '★', '✓', '✗', '⌂', '❐', '◎', '▶', '⬆']) {
			expect(PICTOGRAPH.test(glyph) || SYMBOL_GLYPH.test(glyph), glyph).toBe(true);
		}
		for (const ok of ['→', '↑', '↓', '↻', '⟲', '−', '≥', '·', '…', '×', '§', '中']) {
			expect(PICTOGRAPH.test(ok) || SYMBOL_GLYPH.test(ok), ok).toBe(false);
		}
	});

	it('every icon is a list of SVG path data', () => {
		for (const [name, paths] of Object.entries(ICON_PATHS)) {
			expect(paths.length, name).toBeGreaterThan(0);
			for (const d of paths) expect(d, name).toMatch(/^M[\d\s.,\-a-zA-Z]+$/);
		}
	});
});
