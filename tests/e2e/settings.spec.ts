import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, seriousViolations, useLanguage, waitForProgress, writeReviews } from './util';

const DAY = 86_400_000;

interface Seed {
	id: string;
	itemId: string;
	kind: 'flashcard';
	rating: 3;
	durationMs: number;
	at: number;
	appVersion: string;
}

/**
 * Reviews for real flashcard families: `due` rated Good long ago (due now), `recent` rated Good a
 * minute ago (not due). The app must already have created the database.
 */
async function seedReviews(page: Page, due: number, recent: number, offset = 0): Promise<Seed[]> {
	const records = await page.evaluate(
		async ({ due, recent, offset, DAY }) => {
			const bank = (await (await fetch('/data/bank.json')).json()) as { questions: { kind: string; family: string }[] };
			const families = [...new Set(bank.questions.filter((q) => q.kind === 'flashcard').map((q) => q.family))].slice(offset, offset + due + recent);
			const now = Date.now();
			const records = families.map((itemId, i) => ({
				id: crypto.randomUUID(),
				itemId,
				kind: 'flashcard' as const,
				rating: 3 as const,
				durationMs: 1000,
				at: i < due ? now - 20 * DAY + i * 1000 : now - 60_000 + i,
				appVersion: 'test'
			}));
			return records;
		},
		{ due, recent, offset, DAY }
	);
	await writeReviews(page, records);
	return records;
}

/** How many records the review log holds, read straight from IndexedDB, not through the app. */
async function storedCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					// The log in pages since schema version 4.
					const pages = db.transaction('log').objectStore('log').getAll();
					pages.onsuccess = () => {
						resolve((pages.result as { reviews: unknown[] }[]).reduce((n, p) => n + p.reviews.length, 0));
						db.close();
					};
					pages.onerror = () => reject(pages.error);
				};
			})
	);
}

/** The settings record, read straight from IndexedDB. */
async function storedSettings(page: Page): Promise<Record<string, unknown> | undefined> {
	return page.evaluate(
		() =>
			new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const get = db.transaction('settings').objectStore('settings').get('settings');
					get.onsuccess = () => {
						resolve(get.result);
						db.close();
					};
					get.onerror = () => reject(get.error);
				};
			})
	);
}

async function openSettings(page: Page) {
	await page.goto('/settings');
	await waitForProgress(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The home page's figures: flashcards due, new cards left today, quiz items due; none on a first visit. */
async function homeFigures(page: Page): Promise<string[]> {
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('due-count').or(page.getByRole('heading', { name: '欢迎来到 TCP Quest' }))).toBeVisible();
	if (!(await page.getByTestId('due-count').isVisible())) return [];
	return Promise.all(['due-count', 'new-count', 'quiz-due-count'].map(async (id) => (await page.getByTestId(id).textContent()) ?? ''));
}

const reviewCount = (page: Page) => page.getByTestId('review-count');
const importFile = (page: Page, name: string, body: string) =>
	page.getByLabel('导入进度').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

function backupOf(reviews: object[], settings: object = {}): string {
	return JSON.stringify({
		format: 'tcp-quest-backup',
		version: 1,
		exportedAt: Date.now(),
		reviews,
		settings: { lang: null, dailyNew: 10, retention: 0.9, theme: 'system', ...settings }
	});
}

test('export, reset and import bring back the same progress', async ({ page }) => {
	await openSettings(page);
	await expect(reviewCount(page)).toHaveText('0');
	await seedReviews(page, 6, 3);
	await page.reload();
	await waitForProgress(page);
	await expect(reviewCount(page)).toHaveText('9');
	expect(await storedCount(page)).toBe(9);
	const before = await homeFigures(page);
	expect(before[0]).toBe('6');

	// Export: a dated JSON file holding the whole log.
	await openSettings(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出进度' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^tcp-quest-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const file = await readFile(await download.path(), 'utf8');
	expect(JSON.parse(file).reviews).toHaveLength(9);
	await expect(page.getByRole('status').filter({ hasText: '已导出' })).toContainText('9 条记录');

	// Cancelling the confirmation leaves everything.
	await page.getByRole('button', { name: '重置进度…' }).click();
	const dialog = page.getByRole('dialog', { name: '删除全部进度？' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('9 条学习记录');
	await dialog.getByRole('button', { name: '取消' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('已取消，没有删除任何内容。')).toBeVisible();
	await expect(reviewCount(page)).toHaveText('9');
	expect(await storedCount(page)).toBe(9);

	// Escape is a cancel too.
	await page.getByRole('button', { name: '重置进度…' }).click();
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	expect(await storedCount(page)).toBe(9);

	// Reset takes the second, explicit action.
	await page.getByRole('button', { name: '重置进度…' }).click();
	await dialog.getByRole('button', { name: '删除全部进度' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('进度已重置')).toBeVisible();
	await expect(reviewCount(page)).toHaveText('0');
	expect(await storedCount(page)).toBe(0);
	expect(await homeFigures(page), 'the home page welcomes a first visit again').toEqual([]);

	// Import the exported file: everything is back, and the home page agrees.
	await openSettings(page);
	await importFile(page, download.suggestedFilename(), file);
	await expect(page.getByRole('alert')).toContainText('新增 9 条记录，已有 0 条');
	await expect(reviewCount(page)).toHaveText('9');
	expect(await storedCount(page)).toBe(9);
	expect(await homeFigures(page)).toEqual(before);
});

test('a corrupt file is refused whole and nothing changes', async ({ page }) => {
	await openSettings(page);
	const seeded = await seedReviews(page, 2, 1);
	await page.reload();
	await waitForProgress(page);
	await expect(reviewCount(page)).toHaveText('3');

	const good = backupOf(seeded);
	await importFile(page, 'truncated.json', good.slice(0, good.length / 2));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('无法导入：文件不是有效的 JSON');
	await expect(alert).toContainText('你的进度没有任何改动');
	await expect(reviewCount(page)).toHaveText('3');
	expect(await storedCount(page)).toBe(3);

	// The first record is new and valid, the second is not: neither may land.
	const fresh = { ...seeded[0]!, id: 'fresh-1' };
	const badAt = { ...seeded[1]!, id: 'fresh-2', at: '2025-01-01T00:00:00Z' };
	await importFile(page, 'bad-at.json', backupOf([fresh, badAt]));
	await expect(alert).toContainText('第 2 条记录：“at”不是时间戳');
	await expect(reviewCount(page)).toHaveText('3');
	expect(await storedCount(page)).toBe(3);

	// The message follows the language.
	await page.getByRole('radio', { name: /English/ }).check();
	await expect(alert).toContainText('Cannot import: record 2: "at" is not a number');
	await expect(alert).toContainText('Nothing was changed.');
});

test('importing the same file twice adds nothing the second time', async ({ page }) => {
	await openSettings(page);
	const seeded = await seedReviews(page, 1, 0);
	await page.reload();
	await waitForProgress(page);
	// The file holds the one review already here and four more.
	const more = [2, 3, 4, 5].map((n) => ({ ...seeded[0]!, id: `imported-${n}`, at: seeded[0]!.at + n * 1000 }));
	const file = backupOf([...seeded, ...more]);

	await importFile(page, 'backup.json', file);
	await expect(page.getByRole('alert')).toContainText('新增 4 条记录，已有 1 条');
	await expect(reviewCount(page)).toHaveText('5');

	await importFile(page, 'backup.json', file);
	await expect(page.getByRole('alert')).toContainText('新增 0 条记录，已有 5 条');
	await expect(reviewCount(page)).toHaveText('5');
	expect(await storedCount(page)).toBe(5);
	// Same settings as here: nothing to offer.
	await expect(page.getByTestId('settings-offer')).toHaveCount(0);

	// A file with other settings: they are offered, named with both values, and taken only on request.
	await importFile(page, 'other.json', backupOf(seeded, { dailyNew: 25, retention: 0.85 }));
	const offer = page.getByTestId('settings-offer');
	await expect(offer.locator('li')).toHaveText(['每天的新卡片数：25（这台设备：10）', '目标记忆率：85%（这台设备：90%）']);
	expect(await storedSettings(page)).toMatchObject({ dailyNew: 10, retention: 0.9 });
	await expectNoHorizontalScroll(page);
	await offer.getByRole('button', { name: '改用文件里的设置' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已改用文件里的设置' })).toBeVisible();
	await expect(page.getByRole('spinbutton', { name: '每天的新卡片数' })).toHaveValue('25');
	await expect.poll(() => storedSettings(page)).toMatchObject({ dailyNew: 25, retention: 0.85 });
	expect(await storedCount(page)).toBe(5);
});

test('theme and language apply at once and persist', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await openSettings(page);
	await expect(page.getByRole('radio', { name: '跟随系统' })).toBeChecked();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');

	await page.getByRole('radio', { name: '深色' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(page.getByRole('group', { name: '外观' }).getByRole('status')).toHaveText(/已保存/);
	const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

	await page.getByRole('radio', { name: /English/ }).check();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
	await expect(page.getByRole('group', { name: 'Language' }).getByRole('status')).toHaveText(/Saved/);

	await page.reload();
	await waitForProgress(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
	expect(await storedSettings(page)).toMatchObject({ lang: 'en', theme: 'dark' });

	await page.getByRole('radio', { name: 'Light' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await page.getByRole('radio', { name: 'Match the system' }).check();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme');
	await page.getByRole('radio', { name: /简体中文/ }).check();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('daily new cards and retention save as they change', async ({ page }) => {
	await openSettings(page);
	const daily = page.getByRole('spinbutton', { name: '每天的新卡片数' });
	await expect(daily).toHaveValue('10');
	await daily.fill('4');
	await expect(page.getByRole('group', { name: '学习' }).getByRole('status')).toHaveText(/已保存/);
	await page.getByRole('button', { name: '增加一张' }).click();
	await expect(daily).toHaveValue('5');
	// Out of range is pulled back to the maximum when the field is left.
	await daily.fill('999');
	await expect(daily).toHaveAttribute('aria-invalid', 'true');
	await daily.blur();
	await expect(daily).toHaveValue('200');
	await daily.fill('5');
	await page.getByLabel('目标记忆率').selectOption('0.95');
	await expect(page.getByText('越高，忘得越少')).toBeVisible();

	await expect.poll(() => storedSettings(page)).toMatchObject({ dailyNew: 5, retention: 0.95 });
	await page.reload();
	await waitForProgress(page);
	await expect(daily).toHaveValue('5');
	await expect(page.getByLabel('目标记忆率')).toHaveValue('0.95');
	await page.goto('/study');
	await waitForProgress(page);
	await expect(page.getByTestId('study-plan')).toHaveText('今天：0 张到期复习，5 张新卡片');
});

test('storage says whether it is persistent, in plain words', async ({ page }) => {
	await openSettings(page);
	await expect(page.getByTestId('persistence')).toHaveText(/持久存储/);
	await expect(page.getByTestId('persistence')).not.toHaveText(/正在检查/);
});

for (const lang of ['zh', 'en'] as const) {
	test(`settings has no serious axe violations and fits a phone (${lang})`, async ({ page }) => {
		await useLanguage(page, lang);
		await openSettings(page);
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
		await expectNoHorizontalScroll(page);
		expect(await seriousViolations(page), 'page').toEqual([]);

		// With an import refusal and a saved note showing.
		await page.getByLabel(lang === 'zh' ? '导入进度' : 'Import progress').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
		await expect(page.getByRole('alert')).toBeVisible();
		await page.getByRole('radio', { name: lang === 'zh' ? '深色' : 'Dark' }).check();
		await page.getByRole('radio', { name: lang === 'zh' ? '跟随系统' : 'Match the system' }).check();
		await expectNoHorizontalScroll(page);
		expect(await seriousViolations(page), 'messages').toEqual([]);

		await page.getByRole('button', { name: lang === 'zh' ? '重置进度…' : 'Reset progress…' }).click();
		await expect(page.getByRole('dialog')).toBeVisible();
		expect(await seriousViolations(page), 'confirmation').toEqual([]);
	});
}
