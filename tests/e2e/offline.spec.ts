import { expect, test } from '@playwright/test';
import { controlledByWorker, waitForProgress } from './util';

test('after one online visit the app cold-starts offline, and an offline review survives', async ({ page, context }) => {
	await page.goto('/');
	await waitForProgress(page);
	// The worker must be active and controlling the page before the network goes away.
	await controlledByWorker(page);

	await context.setOffline(true);
	await page.reload();
	await waitForProgress(page);
	await expect(page.getByRole('heading', { name: '主题' })).toBeVisible();

	// A page never visited online comes from the precache too.
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	await page.getByRole('button', { name: /显示答案/ }).click();
	await page.getByRole('button', { name: /良好/ }).click();
	// An address with a query (a topic filter) is the same cached page.
	await page.goto('/quiz?topic=closing');
	await waitForProgress(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto('/topics/closing');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('CLOSING');

	// The English pages are precached too: the header link leads to this page's English twin, and a
	// Chinese address sends a reader who chose English to the English page, all from the cache.
	await page.locator('header .lang').click();
	await expect(page).toHaveURL('/en/topics/closing');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/CLOSING: the simultaneous close/);
	await page.goto('/');
	await expect(page).toHaveURL('/en');
	await waitForProgress(page);
	await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
	await page.locator('header .lang').click();
	await expect(page).toHaveURL('/');

	await context.setOffline(false);
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('today')).toContainText('1 次作答');
});

for (const lang of ['zh', 'en'] as const) {
	test(`after one visit to home, quiz and flashcards start offline with their questions in ${lang} (slices from the precache)`, async ({ page, context }) => {
		await page.addInitScript((l) => localStorage.setItem('tcp-quest:lang', l), lang);
		await page.goto('/');
		await waitForProgress(page);
		await controlledByWorker(page);
		await context.setOffline(true);

		await page.goto('/quiz');
		await waitForProgress(page);
		await page.getByRole('button', { name: lang === 'zh' ? /^开始测验（\d+ 题）$/ : /^Start quiz \(\d+ questions\)$/ }).click();
		const prompt = page.locator('#prompt');
		await expect(prompt).toBeFocused();
		// Words in the reader's language: Chinese has Han characters, the English wording none.
		const asked = ((await prompt.textContent()) ?? '').trim();
		expect(asked.length).toBeGreaterThan(3);
		expect(/\p{Script=Han}/u.test(asked)).toBe(lang === 'zh');

		await page.goto('/study');
		await waitForProgress(page);
		await page.getByRole('button', { name: lang === 'zh' ? '开始复习' : 'Start reviewing' }).click();
		const card = page.locator('#front');
		await expect(card).toBeFocused();
		// The card's words, without the label read to screen readers.
		const words = await card.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim());
		expect(words.length).toBeGreaterThan(3);
		expect(/\p{Script=Han}/u.test(words)).toBe(lang === 'zh');
		await page.getByRole('button', { name: lang === 'zh' ? /显示答案/ : /Show answer/ }).click();
		await page.getByRole('button', { name: lang === 'zh' ? /良好/ : /Good/ }).click();
	});
}
