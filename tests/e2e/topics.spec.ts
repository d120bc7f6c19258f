import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll as noHorizontalScroll, seriousViolations, waitForProgress } from './util';

test('home lists every topic and opens one', async ({ page }) => {
	await page.goto('/');
	const topics = page.locator('ol.topics li');
	await expect(topics).toHaveCount(13);
	await expect(page.getByRole('link', { name: /三次握手/ })).toBeVisible();
	await noHorizontalScroll(page);
	await page.getByRole('link', { name: /CLOSING/ }).first().click();
	await expect(page).toHaveURL(/\/topics\/closing$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('CLOSING');
	await noHorizontalScroll(page);
});

test('switches language and remembers it', async ({ page }) => {
	await page.goto('/');
	// The button works once the page has started (a prerendered button does nothing before then).
	await waitForProgress(page);
	await page.getByRole('button', { name: '切换到英文' }).click();
	await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
});

test('the language button is named by what it shows (WCAG 2.5.3, label in name)', async ({ page }) => {
	await page.goto('/');
	await waitForProgress(page);
	const button = page.locator('header button.lang');
	for (const [shown, purpose] of [
		['English', '切换到英文'],
		['中文', 'Switch to Chinese']
	]) {
		await expect(button).toHaveText(shown!);
		const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
		expect(name.startsWith(shown!), `"${name}" starts with "${shown}"`).toBe(true);
		await expect(page.getByRole('button', { name: purpose })).toBeVisible();
		await button.click();
	}
});

test('a state card says what it waits for, who passes through and what leaves it', async ({ page }) => {
	await page.goto('/topics/server-states');
	const card = page.locator('article', { has: page.getByRole('heading', { name: /CLOSE-WAIT|CLOSE_WAIT/ }) }).first();
	await expect(card.locator('dt')).toHaveText(['在等待什么', '谁会经过', '如何离开']);
});

for (const scheme of ['light', 'dark'] as const) {
	for (const lang of ['zh', 'en'] as const) {
		test(`no serious axe violations (${scheme}, ${lang})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.addInitScript((l) => localStorage.setItem('tcp-quest:lang', l), lang);
			for (const path of ['/', '/topics/handshake', '/topics/syn-parameters']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
				expect(await seriousViolations(page), path).toEqual([]);
			}
		});
	}
}
