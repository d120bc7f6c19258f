/**
 * Faults around the review log, in a real browser: two tabs, a newer schema in another tab, a new
 * app version mid-session, a full disk, no IndexedDB at all.
 */
import { expect, test, type Page } from '@playwright/test';
import { serveBuild } from './static-server';
import { controlledByWorker, storedReviews, waitForProgress } from './util';

/** Reveal the current card and rate it Good; wait for the next card or the end. */
async function rateOne(page: Page) {
	await page.getByRole('button', { name: /显示答案/ }).click();
	await page.getByRole('button', { name: /良好/ }).click();
	await expect(page.getByRole('button', { name: /显示答案/ }).or(page.getByRole('heading', { name: '本轮完成！' }))).toBeVisible();
}

async function startStudy(page: Page) {
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
}

const today = (page: Page) => page.getByTestId('today');

test('two tabs study at once: each sees the other, nothing lost or counted twice, the cache agrees with the log', async ({ context }) => {
	const home = await context.newPage();
	const study = await context.newPage();
	await home.goto('/');
	await waitForProgress(home);
	await startStudy(study);
	await rateOne(study);
	await rateOne(study);
	// The other tab hears about each write: no reload needed.
	await expect(today(home)).toContainText('今天 2 次作答');

	// Now the home tab studies too (a client-side navigation: same page, same view).
	await home.getByRole('navigation').getByRole('link', { name: /卡片/ }).click();
	await home.getByRole('button', { name: '开始复习' }).click();
	await rateOne(home);
	await rateOne(study);
	await study.getByRole('navigation').getByRole('link', { name: /首页/ }).click();
	await expect(today(study)).toContainText('今天 4 次作答');

	const log = await storedReviews<{ id: string }>(study);
	expect(log).toHaveLength(4);
	expect(new Set(log.map((r) => r.id)).size).toBe(4);

	// The due figures from the cache equal those from a full replay of the log.
	const fresh = await context.newPage();
	await fresh.goto('/');
	await waitForProgress(fresh);
	await expect(today(fresh)).toContainText('今天 4 次作答');
	const figures = async () => [await fresh.getByTestId('due-count').textContent(), await fresh.getByTestId('new-count').textContent()];
	const cached = await figures();
	await fresh.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onsuccess = () => {
					const tx = open.result.transaction('meta', 'readwrite');
					tx.objectStore('meta').clear();
					tx.oncomplete = () => resolve(open.result.close());
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await fresh.reload();
	await waitForProgress(fresh);
	expect(await figures()).toEqual(cached);
});

test('a newer schema opened in another tab closes this tab’s connection and asks it to reload', async ({ context }) => {
	const old = await context.newPage();
	// A page that opens the store (a newcomer's home opens none).
	await old.goto('/study');
	await waitForProgress(old);
	const other = await context.newPage();
	await other.goto('/manifest.webmanifest');
	// What a newer app version does on its first start: open the database at a higher version.
	const upgraded = await other.evaluate(async () => {
		const current = (await indexedDB.databases()).find((d) => d.name === 'tcp-quest')!.version!;
		return new Promise<string>((resolve) => {
			const open = indexedDB.open('tcp-quest', current + 1);
			open.onblocked = () => resolve('blocked');
			open.onsuccess = () => {
				open.result.close();
				resolve('upgraded');
			};
			open.onerror = () => resolve(`error: ${open.error}`);
		});
	});
	expect(upgraded).toBe('upgraded');
	const notice = old.getByTestId('storage-notice');
	await expect(notice).toContainText('在另一个标签页中更新');
	await expect(notice.getByRole('button', { name: '重新载入' })).toBeVisible();
	// In both languages.
	await old.locator('header .lang').click();
	await expect(notice).toContainText('updated in another tab');
	const reload = notice.getByRole('button', { name: 'Reload' });
	await Promise.all([old.waitForEvent('load'), reload.click()]);
});

test('a new version arriving mid-session waits for the session, loses nothing, and takes over at the next navigation', async ({ page }) => {
	const server = await serveBuild();
	try {
		await page.goto(`${server.url}/`);
		await waitForProgress(page);
		await controlledByWorker(page);
		server.deploy();
		await page.getByRole('navigation').getByRole('link', { name: /卡片/ }).click();
		await page.getByRole('button', { name: '开始复习' }).click();
		// Marks this document: a full load of a new version loses the mark.
		await page.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));
		await rateOne(page);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
		await expect(page.getByText('新版本已就绪')).toBeVisible();
		// The session goes on in the old page.
		await rateOne(page);
		await rateOne(page);
		expect(await page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).toBe(true);
		expect(await storedReviews(page)).toHaveLength(3);

		await page.getByRole('navigation').getByRole('link', { name: /首页/ }).click();
		// The new worker activates (its precache now holds both languages' pages) before the full load.
		await expect(page).toHaveURL(/\/$/, { timeout: 20_000 });
		await waitForProgress(page);
		await expect.poll(() => page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).toBeUndefined();
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
		await expect(today(page)).toContainText('今天 3 次作答');
	} finally {
		await server.close();
	}
});

test('a full disk: a clear message, the session goes on, the next successful write saves what was pending', async ({ page }) => {
	// Chromium's quota override (CDP Storage.overrideQuotaForOrigin) does not reach IndexedDB here, so
	// the disk fills at the API: every write throws QuotaExceededError while the flag is up.
	await page.addInitScript(() => {
		for (const method of ['add', 'put'] as const) {
			const write = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof write>) {
				if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return write.apply(this, args);
			};
		}
	});
	const diskFull = (full: boolean) => page.evaluate((f) => ((window as unknown as { diskFull?: boolean }).diskFull = f), full);
	await startStudy(page);
	await rateOne(page);
	await diskFull(true);
	await rateOne(page);
	const notice = page.getByTestId('storage-notice');
	await expect(notice).toContainText('存储空间已满');
	// Still studying, and nothing half-written.
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
	expect(await storedReviews(page)).toHaveLength(1);

	await diskFull(false);
	await rateOne(page);
	await expect(notice).toHaveCount(0);
	expect(await storedReviews(page)).toHaveLength(3);
	await page.goto('/');
	await waitForProgress(page);
	await expect(today(page)).toContainText('今天 3 次作答');
});

test('no IndexedDB (a private window): a clear message, and studying works in memory', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
		};
	});
	await startStudy(page);
	await expect(page.getByTestId('storage-notice')).toContainText('无痕模式');
	await rateOne(page);
	await rateOne(page);
	await page.getByRole('navigation').getByRole('link', { name: /首页/ }).click();
	await expect(today(page)).toContainText('今天 2 次作答');
	await page.locator('header .lang').click();
	await expect(page.getByTestId('storage-notice')).toContainText('private window');
});
