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
