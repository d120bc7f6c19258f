import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, seriousViolations, useLanguage, waitForProgress } from './util';

/**
 * Seed the log through the app's own import (Settings → Import), as a learner restoring a backup
 * would: today, two wrong picks of FIN_WAIT_2 for TIME_WAIT and one right answer; three days ago,
 * one more of the same mistake and a flashcard rated Easy (not due yet, so a session after this
 * shows new cards only). Times are local, built in the page.
 */
async function importHistory(page: Page): Promise<{ today: string; past: string }> {
	await page.goto('/settings');
	await waitForProgress(page);
	const { body, today, past } = await page.evaluate(() => {
		const now = new Date();
		const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
		// Early today (but never in the future), and noon three days ago.
		const morning = Math.min(new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 0, 10).getTime(), now.getTime() - 60_000);
		const before = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 3, 12).getTime();
		const base = { durationMs: 4000, appVersion: 'test' };
		const wrong = (id: string, at: number) => ({
			...base,
			id,
			at,
			itemId: 't:FIN_WAIT_2:recv_fin',
			questionId: 'next_state:FIN_WAIT_2:recv_fin',
			kind: 'quiz',
			answer: ['FIN_WAIT_2'],
			correct: false
		});
		const reviews = [
			wrong('stats-1', before),
			{ ...base, id: 'stats-2', at: before + 30_000, itemId: 'state:TIME_WAIT', kind: 'flashcard', rating: 4 },
			wrong('stats-3', morning),
			wrong('stats-4', morning + 20_000),
			{ ...wrong('stats-5', morning + 40_000), answer: ['TIME_WAIT'], correct: true }
		];
		const backup = { format: 'tcp-quest-backup', version: 1, exportedAt: now.getTime(), reviews, settings: { lang: null, dailyNew: 10, retention: 0.9, theme: 'system' } };
		return { body: JSON.stringify(backup), today: day(now), past: day(new Date(before)) };
	});
	await page.locator('#import-file').setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(body) });
	await expect(page.getByTestId('import-report')).toContainText(/5/);
	return { today, past };
}

/** Rate `n` new flashcards Good in a real study session. */
async function studyCards(page: Page, n: number) {
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	for (let i = 0; i < n; i++) {
		const front = (await page.locator('#front').textContent()) ?? '';
		await page.keyboard.press('Space');
		await page.keyboard.press('3');
		await expect(page.locator('#front')).not.toHaveText(front);
	}
}

async function openStats(page: Page) {
	await page.goto('/stats');
	await waitForProgress(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('an empty log explains the page and offers a way to start', async ({ page }) => {
	await openStats(page);
	await expect(page.getByTestId('stats-empty')).toBeVisible();
	await expect(page.getByRole('heading', { name: '还没有统计数据' })).toBeVisible();
	const start = page.getByRole('link', { name: '开始学习' });
	await expect(start).toHaveAttribute('href', '/study?start');
	await expectNoHorizontalScroll(page);
	await start.click();
	await expect(page).toHaveURL(/\/study\?start$/);
	await expect(page.locator('#front')).toBeVisible();
});

test('a newcomer’s /stats reads no log, and shows the figures once another tab records an answer', async ({ context }) => {
	const stats = await context.newPage();
	await openStats(stats);
	await expect(stats.getByTestId('stats-empty')).toBeVisible();
	await expect(stats.locator('html[data-log]')).toHaveCount(0);

	const study = await context.newPage();
	await studyCards(study, 1);
	await expect(stats.getByTestId('stats-empty')).toHaveCount(0);
	await expect(stats.getByTestId('today-reviews')).toHaveText('1');
	await expect(stats.getByTestId('total-reviews')).toHaveText('1');
});

test('a learner never sees the newcomer’s welcome or empty state, even before the page’s code runs', async ({ page }) => {
	const withoutCode = () => page.route('**/*.js', (route) => route.abort());
	// A newcomer: both are prerendered, and shown with no code at all.
	await withoutCode();
	await page.goto('/');
	await expect(page.locator('#welcome')).toBeVisible();
	await page.goto('/stats');
	await expect(page.getByTestId('stats-empty')).toBeVisible();
	await page.unrouteAll();

	await studyCards(page, 1);
	await withoutCode();
	await page.goto('/');
	await expect(page.locator('html[data-learner]')).toHaveCount(1);
	await expect(page.locator('#welcome')).toBeHidden();
	await page.goto('/stats');
	await expect(page.getByTestId('stats-empty')).toBeHidden();
	await page.unrouteAll();

	// With its code the page shows the learner's own figures.
	await page.goto('/');
	await expect(page.getByTestId('due-count')).toBeVisible();
	await expect(page.locator('#welcome')).toHaveCount(0);
	await openStats(page);
	await expect(page.getByTestId('total-reviews')).toHaveText('1');
});

test('the figures match the reviews done, on a phone', async ({ page }) => {
	test.setTimeout(60_000);
	const { today, past } = await importHistory(page);
	await studyCards(page, 2);
	await openStats(page);
	await expect(page.getByTestId('stats-empty')).toHaveCount(0);

	// 3 imported today + 2 rated now; 2 more three days ago. Right: 1 answer, 1 Easy, 2 Good.
	await expect(page.getByTestId('today-reviews')).toHaveText('5');
	await expect(page.getByTestId('total-reviews')).toHaveText('7');
	await expect(page.getByTestId('study-days')).toHaveText('2');
	await expect(page.getByTestId('retention-30')).toHaveText('57%');
	await expect(page.getByTestId('retention-summary')).toContainText('7 次复习中答对或记得 4 次（57%）');
	await expect(page.getByTestId('year-summary')).toHaveText('过去一年共 7 次复习，学习了 2 天。');

	// The heatmap and the 30-day bars agree with the log, day by day.
	const heat = page.locator('.scroll svg');
	await expect(heat.locator(`rect[data-day="${today}"]`)).toHaveAttribute('data-reviews', '5');
	await expect(heat.locator(`rect[data-day="${past}"]`)).toHaveAttribute('data-reviews', '2');
	await expect(heat.locator('rect[data-reviews]:not([data-reviews="0"])')).toHaveCount(2);
	await expect(page.locator(`rect.bar[data-day="${today}"]`)).toHaveAttribute('data-reviews', '5');
	await expect(page.locator('rect.bar')).toHaveCount(2);

	// The year scrolls inside its own box, opened at today's end; the page itself never scrolls sideways.
	await expectNoHorizontalScroll(page);
	const box = page.locator('.scroll');
	const { scrollWidth, clientWidth, scrollLeft } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollLeft: el.scrollLeft }));
	expect(scrollWidth).toBeGreaterThan(clientWidth);
	expect(scrollLeft).toBeGreaterThan(0);
	const cell = await heat.locator(`rect[data-day="${today}"]`).boundingBox();
	const frame = await box.boundingBox();
	expect(cell!.x + cell!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
	expect(cell!.x).toBeGreaterThanOrEqual(frame!.x);

	// Time studied: two sittings, each at least its first answer's 4 s.
	await expect(page.getByTestId('time-total')).not.toHaveText('0 分钟');

	// The confusion, with links to look it up and to practise it.
	const confusion = page.locator('[data-testid="confusions"] li').first();
	await expect(confusion).toHaveAttribute('data-right', 'TIME_WAIT');
	await expect(confusion).toHaveAttribute('data-chosen', 'FIN_WAIT_2');
	await expect(confusion).toContainText('正确答案是 TIME-WAIT 时，你答了 FIN-WAIT-2 ×3');
	await expect(confusion.getByRole('link', { name: '练习 TIME-WAIT' })).toHaveAttribute('href', '/quiz?state=TIME_WAIT');
	const diagramLink = confusion.getByRole('link', { name: '在状态图中查看 TIME-WAIT' });
	await expect(diagramLink).toHaveAttribute('href', '/fsm?state=TIME_WAIT');

	// The small diagram colours what was studied, and says so in words.
	await expect(page.locator('g.node[data-state="TIME_WAIT"]')).not.toHaveAttribute('data-band', 'none');
	await expect(page.locator('g.node[data-state="FIN_WAIT_2"]')).not.toHaveAttribute('data-band', 'none');
	await expect(page.locator('g.node[data-band="none"]').first()).toBeVisible();
	await expect(page.locator('.states a[data-state="TIME_WAIT"]')).toContainText(/掌握 \d+% · 答对 2\/5/);
	await expect(page.locator('.states a[data-state="TIME_WAIT"]')).toHaveAttribute('href', '/quiz?state=TIME_WAIT');

	// The link opens the diagram on that state.
	await diagramLink.click();
	await expect(page).toHaveURL(/\/fsm\?state=TIME_WAIT$/);
	await expect(page.getByTestId('state-card')).toContainText('TIME-WAIT');
});

for (const lang of ['zh', 'en'] as const) {
	test(`stats has no serious axe violations (${lang})`, async ({ page }) => {
		await useLanguage(page, lang);
		await openStats(page);
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
		expect(await seriousViolations(page), 'empty').toEqual([]);
		await importHistory(page);
		await openStats(page);
		await expect(page.getByTestId('total-reviews')).toHaveText('5');
		await expect(page.getByTestId('confusions')).toContainText(lang === 'zh' ? '×3' : 'You answered FIN-WAIT-2 when it was TIME-WAIT ×3');
		await expectNoHorizontalScroll(page);
		expect(await seriousViolations(page), 'with reviews').toEqual([]);
	});
}
