import { expect, test, type Page } from '@playwright/test';
import { useLanguage, waitForProgress } from './util';

/**
 * A URL per language: Chinese at the plain address, English under /en, both prerendered. A sample
 * of pages, not every page twice: the page list in security.spec.ts covers the build as a whole.
 */

const CJK = /[\u3400-\u9fff]/;

/**
 * Before every frame the browser paints, from the first byte of every document: the address and
 * whether <main> holds any Chinese. Told through the console, which outlives a redirect.
 */
async function watchPaintedText(page: Page) {
	const notes: string[] = [];
	page.on('console', (message) => {
		if (message.text().startsWith('frame ')) notes.push(message.text().slice(6));
	});
	await page.addInitScript(() => {
		const frame = () => {
			const main = document.querySelector('main');
			if (main) console.log(`frame ${location.pathname}|${/[\u3400-\u9fff]/.test(main.textContent ?? '') ? 'zh' : 'no-zh'}`);
			requestAnimationFrame(frame);
		};
		requestAnimationFrame(frame);
	});
	return notes;
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const [path, heading] of [
		['/en', 'Topics'],
		['/en/topics/handshake', 'The three-way handshake']
	] as const) {
		test(`${path} is prerendered in English, with its Chinese twin as an alternate`, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('heading', { name: heading })).toBeVisible();
			expect(await page.locator('main').textContent()).not.toMatch(CJK);
			const zh = path === '/en' ? '/' : path.slice(3);
			await expect(page.locator('link[rel="alternate"][hreflang="zh"]')).toHaveAttribute('href', zh);
			await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', path);
			await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', zh);
			// The language link is a plain link: it works with no script, and so does every tab.
			await expect(page.locator('header .lang')).toHaveAttribute('href', zh);
			await expect(page.locator('header .brand')).toHaveAttribute('href', '/en');
			await page.locator('header .lang').click();
			await expect(page).toHaveURL(zh);
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		});
	}
});

test('the language link goes to the same page in English and back, keeping the query, and is remembered', async ({ page }) => {
	await page.goto('/quiz?topic=handshake');
	await waitForProgress(page);
	await page.locator('header .lang').click();
	await expect(page).toHaveURL('/en/quiz?topic=handshake');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz');
	// Links keep the language.
	await page.getByRole('navigation').getByRole('link', { name: 'Cards' }).click();
	await expect(page).toHaveURL('/en/study');

	// Remembered: a Chinese address leads to the English one.
	await page.goto('/stats');
	await expect(page).toHaveURL('/en/stats');
	await waitForProgress(page);

	await page.locator('header .lang').click();
	await expect(page).toHaveURL('/stats');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await page.goto('/');
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('heading', { name: '主题' })).toBeVisible();
});

test('a reader who chose English opens / and lands on /en with no Chinese ever in the page', async ({ page }) => {
	const notes = await watchPaintedText(page);
	await useLanguage(page, 'en');
	// The English page arrives late, so a Chinese page that went on parsing would have time to show.
	await page.route('**/en', async (route) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
	await page.goto('/');
	await expect(page).toHaveURL('/en');
	await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
	await waitForProgress(page);
	expect(notes.length).toBeGreaterThan(0);
	expect(notes.filter((n) => n !== '/en|no-zh')).toEqual([]);
});

test('a first visit from a browser that asks for English lands on /en; one that asks for Chinese stays', async ({ browser, baseURL }) => {
	for (const [locale, expected] of [
		['en-GB', '/en/fsm'],
		['zh-TW', '/fsm']
	] as const) {
		const context = await browser.newContext({ baseURL, locale });
		const page = await context.newPage();
		await page.goto('/fsm');
		await expect(page).toHaveURL(expected);
		await waitForProgress(page);
		await context.close();
	}
});
