import { expect, test, type Page } from '@playwright/test';
import { loadDeck } from '../../src/lib/server/deck';
import { useLanguage, waitForProgress } from './util';

/**
 * Every page fits every phone: at 320 and 360 px, in both languages and both colour schemes,
 * nothing reaches past the right edge except inside a box that scrolls sideways on purpose.
 */

const ROUTES = ['/', '/study', '/quiz', '/cards', '/challenge', '/fsm', '/simulate', '/capture', '/stats', '/settings', '/classroom', '/classroom/take', '/classroom/projector', '/classroom/results'];
const TOPICS = loadDeck().topics.map((t) => `/topics/${t.id}`);

/**
 * What reaches past the right edge, described so a failure names the element to fix, and names
 * in table cells (states, kernel names, parameters) that a line break cuts in two. Runs in the
 * page, so everything it uses is defined inside it.
 */
async function layoutProblems(): Promise<string[]> {
	// Two frames: layout and any resize observers settle.
	await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
	const viewport = document.documentElement.clientWidth;
	const found: string[] = [];
	if (document.documentElement.scrollWidth > viewport) found.push(`page is ${document.documentElement.scrollWidth} px wide`);
	const describe = (el: Element) => {
		const name = (e: Element) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].filter((c) => !c.startsWith('svelte-')).map((c) => `.${c}`).join('');
		const path = [];
		for (let e: Element | null = el; e && e !== document.body && path.length < 4; e = e.parentElement) path.unshift(name(e));
		return `${path.join(' > ')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
	};
	// A box that scrolls sideways on purpose (the heatmap, the diagram, a wide listing) may hold anything.
	const scrollsSideways = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
	const offenders = new Set<Element>();
	for (const el of document.body.querySelectorAll('*')) {
		const box = el.getBoundingClientRect();
		if (box.width === 0 || box.height === 0 || box.right <= viewport + 0.5) continue;
		if (getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden')) continue;
		let inScroller = false;
		for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if ((inScroller = scrollsSideways(up))) break;
		if (inScroller) continue;
		// Report the outermost element only: its children overflow with it.
		if (el.parentElement && offenders.has(el.parentElement)) {
			offenders.add(el);
			continue;
		}
		offenders.add(el);
		found.push(`${describe(el)} reaches ${Math.round(box.right)} px`);
	}

	// An SVG clips what it does not hold: every label (a heatmap month, a diagram state) lies inside its drawing.
	for (const label of document.querySelectorAll('svg text')) {
		const box = label.getBoundingClientRect();
		const frame = label.closest('svg')!.getBoundingClientRect();
		if (box.width === 0) continue;
		if (box.left < frame.left - 1 || box.right > frame.right + 1) found.push(`${describe(label)} is cut off by its drawing (${Math.round(box.left - frame.left)}..${Math.round(box.right - frame.left)} of ${Math.round(frame.width)} px)`);
	}

	// A name (a state, a kernel name, an abbreviation) never breaks inside a word. In running text a
	// line may end after one of its hyphens, as any hyphenated word may; a name that is a table cell
	// of its own, or that content marks as a term, stays whole.
	const NAME = /[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+|[A-Z]{4,}/g;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement!;
		if (parent.closest('.visually-hidden, svg')) continue;
		const cell = parent.matches('td, th') ? (parent.textContent ?? '').trim() : undefined;
		for (const match of (node.textContent ?? '').matchAll(NAME)) {
			const whole = parent.matches('.term') || cell === match[0];
			const range = document.createRange();
			range.setStart(node, match.index);
			range.setEnd(node, match.index + match[0].length);
			if (range.getClientRects().length < 2) continue;
			const char = (i: number) => {
				const range = document.createRange();
				range.setStart(node, match.index + i);
				range.setEnd(node, match.index + i + 1);
				return range.getBoundingClientRect();
			};
			for (let i = 1; i < match[0].length; i++) {
				if (char(i).top < char(i - 1).bottom - 2) continue;
				if (!whole && '-_'.includes(match[0][i - 1]!)) continue;
				found.push(`${describe(parent)}: "${match[0]}" breaks as "${match[0].slice(0, i)}/${match[0].slice(i)}"`);
				break;
			}
		}
	}
	/** Lines that boxes fall on: a box starting below the current line's bottom starts the next. */
	const lineCount = (boxes: DOMRect[]) => {
		let lines = 0;
		let bottom = -Infinity;
		for (const box of boxes.filter((b) => b.width > 0).sort((a, b) => a.top - b.top)) {
			if (box.top >= bottom - 2) lines++;
			bottom = box.top >= bottom - 2 ? box.bottom : Math.max(bottom, box.bottom);
		}
		return lines;
	};
	const textBoxes = (node: Node) => {
		const range = document.createRange();
		range.selectNodeContents(node);
		return [...range.getClientRects()];
	};
	// A control's short label ("Next ▶", "自动播放", a tab name) stays on one line.
	for (const control of document.querySelectorAll('button, a.button, nav a, [role="tab"]')) {
		const label = (control.textContent ?? '').replace(/\s+/g, '');
		if (label.length === 0 || label.length > 12 || control.closest('.visually-hidden')) continue;
		// The label's own text: an icon set above it (as in the tab bar) is not a second line.
		const texts = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
		const boxes: DOMRect[] = [];
		for (let text = texts.nextNode(); text; text = texts.nextNode()) if (!text.parentElement?.closest('[aria-hidden="true"]')) boxes.push(...textBoxes(text));
		const lines = lineCount(boxes);
		if (lines > 1) found.push(`${describe(control)}: label on ${lines} lines`);
	}
	return found;
}

/**
 * Open a page the way a tap on a link does. The app stays loaded, so 25 pages take seconds
 * instead of a minute of full loads on a busy CI machine.
 */
async function open(page: Page, path: string) {
	await page.evaluate((href) => {
		const link = Object.assign(document.createElement('a'), { href });
		document.querySelector('main')?.append(link);
		link.click();
		link.remove();
	}, path);
	await page.waitForURL((url) => url.pathname === path, { waitUntil: 'commit' });
	await waitForProgress(page);
	await expect(page.locator('main h1').first()).toBeVisible();
}

/**
 * The page at each phone width, light and dark: nothing overflowing, no name broken. The scheme
 * changes colours, not sizes, so dark is checked at the narrowest width only.
 */
async function problemsOn(page: Page, label: string): Promise<string[]> {
	const problems: string[] = [];
	for (const [width, colorScheme] of [[360, 'light'], [320, 'light'], [320, 'dark']] as const) {
		await page.setViewportSize({ width, height: 740 });
		await page.emulateMedia({ colorScheme });
		const found = await page.evaluate(layoutProblems);
		problems.push(...found.map((p) => `${label} @${width} ${colorScheme}: ${p}`));
	}
	return problems;
}

/** States past the first screen that change the layout, reached with a few taps. */
const AFTER: Record<string, { zh: RegExp; en: RegExp; taps: number }> = {
	'/study': { zh: /^开始复习/, en: /^Start reviewing/, taps: 1 },
	'/quiz': { zh: /^开始测验/, en: /^Start quiz/, taps: 1 },
	'/simulate': { zh: /^下一步/, en: /^Next/, taps: 3 }
};

/**
 * A year of practice, one answer every nine days, through Settings → Import as a learner restoring
 * a backup would: /stats then draws its heatmap with every month label, and its per-state figures.
 */
async function importYear(page: Page) {
	await page.goto('/settings');
	await waitForProgress(page);
	const body = await page.evaluate(() => {
		const now = Date.now();
		const reviews = Array.from({ length: 40 }, (_, i) => ({
			id: `fit-${i}`,
			at: now - (i * 9 + 1) * 86_400_000,
			durationMs: 4000,
			appVersion: 'test',
			itemId: 't:FIN_WAIT_2:recv_fin',
			questionId: 'next_state:FIN_WAIT_2:recv_fin',
			kind: 'quiz',
			answer: [i % 3 ? 'TIME_WAIT' : 'FIN_WAIT_2'],
			correct: i % 3 !== 0
		}));
		return JSON.stringify({ format: 'tcp-quest-backup', version: 1, exportedAt: now, reviews, settings: { lang: null, dailyNew: 10, retention: 0.9, theme: 'system' } });
	});
	await page.locator('#import-file').setInputFiles({ name: 'year.json', mimeType: 'application/json', buffer: Buffer.from(body) });
	await expect(page.getByTestId('import-report')).toContainText(/40/, { timeout: 20_000 });
}

for (const lang of ['zh', 'en'] as const) {
	test(`every page fits 320 and 360 px phones, light and dark (${lang})`, async ({ page }) => {
		// About 40 s on an idle machine; room for a busy one.
		test.setTimeout(240_000);
		await useLanguage(page, lang);
		const problems: string[] = [];
		await importYear(page);
		for (const path of [...ROUTES, ...TOPICS]) {
			await page.setViewportSize({ width: 360, height: 740 });
			// The address says the language: an English reader's pages live under /en.
			await open(page, lang === 'en' ? `/en${path === '/' ? '' : path}` : path);
			problems.push(...(await problemsOn(page, path)));
			const start = AFTER[path];
			if (start) {
				await page.setViewportSize({ width: 360, height: 740 });
				for (let i = 0; i < start.taps; i++) await page.getByRole('button', { name: start[lang] }).click();
				problems.push(...(await problemsOn(page, `${path} (started)`)));
			}
		}
		expect(problems, problems.join('\n')).toEqual([]);
	});
}

test('state names in topic tables sit on one line at 320 px', async ({ page }) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 320, height: 740 });
	for (const lang of ['zh', 'en'] as const) {
		await page.goto('/topics/client-states');
		if (lang === 'en') {
			await page.evaluate(() => localStorage.setItem('tcp-quest:lang', 'en'));
			await page.reload();
		}
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
		for (const name of ['ESTABLISHED', 'FIN-WAIT-1', 'TIME-WAIT']) {
			const cell = page.locator('#client-path td', { hasText: new RegExp(`^${name}$`) }).first();
			const { height, lineHeight, scrollWidth, clientWidth } = await cell.evaluate((td) => {
				const style = getComputedStyle(td);
				const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
				return { height: td.getBoundingClientRect().height - padding, lineHeight: parseFloat(style.lineHeight), scrollWidth: td.scrollWidth, clientWidth: td.clientWidth };
			});
			expect(height, `${name} (${lang}) is one line`).toBeLessThan(lineHeight * 1.5);
			expect(scrollWidth, `${name} (${lang}) fits its cell`).toBeLessThanOrEqual(clientWidth);
		}
	}
	// A narrower table keeps its grid: it scrolls in its own box, its first column pinned.
	await page.goto('/topics/state-machine');
	const box = page.locator('.table-box', { hasText: 'FIN_WAIT1' });
	await expect(box).toHaveAttribute('tabindex', '0');
	const layout = await box.evaluate((el) => ({
		overflowX: getComputedStyle(el).overflowX,
		pinned: getComputedStyle(el.querySelector('td')!).position,
		height: el.querySelector('td:nth-child(2) .term')!.getBoundingClientRect().height,
		lineHeight: parseFloat(getComputedStyle(el.querySelector('td')!).lineHeight)
	}));
	expect(layout).toMatchObject({ overflowX: 'auto', pinned: 'sticky' });
	expect(layout.height).toBeLessThan(layout.lineHeight * 1.5);
});
