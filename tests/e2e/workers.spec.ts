import { expect, test, type Page } from '@playwright/test';
import { waitForProgress, writeReviews } from './util';

/** The dedicated workers a page starts, by script URL. */
function workersOf(page: Page): string[] {
	const started: string[] = [];
	page.on('worker', (worker) => started.push(worker.url()));
	return started;
}

test('a first visit starts no worker; a backup starts the jobs worker', async ({ page }) => {
	const started = workersOf(page);
	await page.goto('/');
	await waitForProgress(page);
	// A newcomer's home reads no progress at all: no log, no store, no app layer.
	await page.waitForTimeout(1000);
	await expect(page.locator('html[data-log]')).toHaveCount(0);
	expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
	// Nor does a newcomer's /stats: its empty state needs no log.
	await page.goto('/stats');
	await waitForProgress(page);
	await expect(page.getByTestId('stats-empty')).toBeVisible();
	await expect(page.locator('html[data-log]')).toHaveCount(0);
	await page.goto('/settings');
	await waitForProgress(page);
	await expect(page.locator('html[data-log="loaded"]')).toHaveCount(1);
	await page.waitForTimeout(1000);
	expect(started).toEqual([]);

	await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出进度' }).click()]);
	expect(started.filter((url) => url.includes('jobs.worker'))).toHaveLength(1);
	expect(started.filter((url) => url.includes('game.worker'))).toEqual([]);
});

test('a log big enough starts the game worker, and the summary still shows', async ({ page }) => {
	// Seeded from a page that opens the store (a newcomer's home and /stats open none: see +layout.svelte).
	await page.goto('/settings');
	await waitForProgress(page);
	const now = Date.now();
	const reviews = Array.from({ length: 2_500 }, (_, i) => ({
		id: `seed-${i}`,
		itemId: `card:${i % 40}`,
		kind: 'flashcard',
		rating: 3,
		durationMs: 4000,
		at: now - 100 * 86_400_000 + i * 3_000_000,
		appVersion: 'seed'
	}));
	await writeReviews(page, reviews);
	const started = workersOf(page);
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.locator('html[data-log="loaded"]')).toHaveCount(1);
	await expect.poll(() => started.filter((url) => url.includes('game.worker')).length).toBe(1);
	await expect(page.getByTestId('xp')).toHaveText(/[1-9]/, { timeout: 15_000 });
});
