import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Serious and critical axe-core violations on the current page, as "id: help" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A page must fit a 360 px phone without sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** Wait until the app has opened IndexedDB and loaded the question bank. */
export async function waitForProgress(page: Page) {
	await expect(page.locator('html[data-ready="true"]')).toHaveCount(1, { timeout: 15_000 });
}

/** Start in a language, before any page script runs. */
export async function useLanguage(page: Page, lang: 'zh' | 'en') {
	await page.addInitScript((l) => localStorage.setItem('tcp-quest:lang', l), lang);
}

/** The review log, read straight from IndexedDB (closing the connection, so it never blocks an upgrade). */
export async function storedReviews<T = Record<string, unknown>>(page: Page): Promise<T[]> {
	return page.evaluate(
		() =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('reviews').objectStore('reviews').getAll();
					get.onsuccess = () => {
						resolve(get.result as T[]);
						open.result.close();
					};
					get.onerror = () => reject(get.error);
				};
			})
	);
}
