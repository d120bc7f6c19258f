import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll as noHorizontalScroll, seriousViolations, waitForProgress } from './util';

// One list item per topic file: adding a topic must not break this test, dropping one from the page must.
const topicCount = readdirSync('content/zh').filter((name) => name.endsWith('.md')).length;

test('home lists every topic and opens one', async ({ page }) => {
	await page.goto('/');
	const topics = page.locator('ol.topics li');
	await expect(topics).toHaveCount(topicCount);
	await expect(page.getByRole('link', { name: /三次握手/ })).toBeVisible();
	await noHorizontalScroll(page);
	await page.getByRole('link', { name: /CLOSING/ }).first().click();
	await expect(page).toHaveURL(/\/topics\/closing$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('CLOSING');
	await noHorizontalScroll(page);
});

test('the language link is named by what it shows (WCAG 2.5.3, label in name)', async ({ page }) => {
	await page.goto('/');
	await waitForProgress(page);
	const link = page.locator('header a.lang');
	for (const [shown, purpose, next] of [
		['English', '切换到英文', /\/en$/],
		['中文', 'Switch to Chinese', /\/$/]
	] as const) {
		await expect(link).toHaveText(shown);
		const name = (await link.getAttribute('aria-label')) ?? (await link.innerText());
		expect(name.startsWith(shown), `"${name}" starts with "${shown}"`).toBe(true);
		await expect(page.getByRole('link', { name: purpose })).toBeVisible();
		await link.click();
		await expect(page).toHaveURL(next);
	}
});

test('a state card says what it waits for, who passes through and what leaves it', async ({ page }) => {
	await page.goto('/topics/server-states');
	const card = page.locator('article', { has: page.getByRole('heading', { name: /CLOSE-WAIT|CLOSE_WAIT/ }) }).first();
	await expect(card.locator('dt')).toHaveText(['在等待什么', '谁会经过', '如何离开']);
});

for (const lang of ['zh', 'en'] as const) {
	test(`no serious axe violations (${lang})`, async ({ page }) => {
		await page.addInitScript((l) => localStorage.setItem('tcp-quest:lang', l), lang);
		for (const path of ['/', '/topics/handshake', '/topics/syn-parameters']) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
			expect(await seriousViolations(page), path).toEqual([]);
		}
	});
}

test('a topic page: its questions open with a visible marker, and it ends with links to study and quiz it', async ({ page }) => {
	await page.goto('/topics/closing');
	await waitForProgress(page);
	const summary = page.locator('article details summary').first();
	const marker = () => summary.evaluate((el) => {
		const m = getComputedStyle(el, '::before');
		return { content: m.content, width: parseFloat(m.width), transform: m.transform };
	});
	const closed = await marker();
	expect(closed.content).not.toBe('none');
	expect(closed.width).toBeGreaterThan(4);
	await summary.click();
	const open = await marker();
	expect(open.transform).not.toBe(closed.transform);

	const end = page.getByRole('navigation', { name: '继续学习这个主题' });
	await expect(end.getByRole('link', { name: '学习这些卡片' })).toHaveAttribute('href', /\/study\?topic=closing$/);
	await expect(end.getByRole('link', { name: '做这个主题的测验' })).toHaveAttribute('href', /\/quiz\?topic=closing$/);
	await noHorizontalScroll(page);
	await end.getByRole('link', { name: '学习这些卡片' }).click();
	await expect(page).toHaveURL(/\/study\?topic=closing$/);
	await waitForProgress(page);
	await expect(page.getByRole('combobox').first()).toHaveValue('closing');

	await page.goto('/topics/closing');
	await waitForProgress(page);
	await page.getByRole('link', { name: '做这个主题的测验' }).click();
	await expect(page).toHaveURL(/\/quiz\?topic=closing$/);
	await waitForProgress(page);
	await expect(page.getByRole('combobox').first()).toHaveValue('closing');
});

test('the end links speak English too', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('tcp-quest:lang', 'en'));
	await page.goto('/topics/closing');
	await waitForProgress(page);
	const end = page.getByRole('navigation', { name: 'Keep going with this topic' });
	await expect(end.getByRole('link', { name: 'Study these cards' })).toBeVisible();
	await expect(end.getByRole('link', { name: 'Quiz this topic' })).toBeVisible();
});
