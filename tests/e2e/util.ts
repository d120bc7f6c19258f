import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DB_NAME, LOG_PAGE } from '../../src/lib/store/db';

/** Serious and critical axe-core violations on the current screen in both colour schemes, as "id: help" lines. */
// Legacy mode runs axe in the page itself; the default opens a blank page per scan to merge frame
// results (the app has no frames), which made every scan 2–3 times slower on a loaded 2-core machine.
export async function seriousViolations(page: Page): Promise<string[]> {
	const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
	const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
	// Only colours change with the scheme: the other one gets just the colour rules, on the same
	// screen, instead of a second walk through the whole flow. Motion off, so no colour is mid-fade.
	await page.emulateMedia({ colorScheme: dark ? 'light' : 'dark', reducedMotion: 'reduce' });
	const other = await new AxeBuilder({ page }).setLegacyMode().withRules(COLOUR_RULES).analyze();
	await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light', reducedMotion: null });
	return [...serious(violations, ''), ...serious(other.violations, dark ? ' (light)' : ' (dark)')];
}

/** The axe rules whose outcome depends on the colour scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const serious = (violations: Violation[], scheme: string) =>
	violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}${scheme}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

/** A page must fit a 360 px phone without sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** Wait until the app has opened IndexedDB and loaded the question bank. */
export async function waitForProgress(page: Page) {
	await expect(page.locator('html[data-ready="true"]')).toHaveCount(1, { timeout: 15_000 });
}

/**
 * Wait until the service worker is activated and controls the page: `ready` can resolve while it
 * is still activating, and going offline before then loses the page.
 */
export async function controlledByWorker(page: Page) {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const worker = registration.active!;
		if (worker.state !== 'activated') await new Promise((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r(null)));
		if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
	});
}

/** Start in a language, before any page script runs. */
export async function useLanguage(page: Page, lang: 'zh' | 'en') {
	await page.addInitScript((l) => localStorage.setItem('tcp-quest:lang', l), lang);
}

/**
 * The review log, read straight from IndexedDB (closing the connection, so it never blocks an
 * upgrade). Since schema version 4 the log is kept in pages (the `log` store) of many reviews each.
 */
export async function storedReviews<T = Record<string, unknown>>(page: Page): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('log').objectStore('log').getAll();
					get.onsuccess = () => {
						resolve((get.result as { reviews: T[] }[]).flatMap((p) => p.reviews));
						open.result.close();
					};
					get.onerror = () => reject(get.error);
				};
			}),
		DB_NAME
	);
}

/**
 * Append records to the review log straight in IndexedDB, as the app keeps it since schema
 * version 4: pages of up to LOG_PAGE reviews (the store's own constant), every page but the last full. The app sees the log
 * changed behind its back and rebuilds its schedule cache on the next load.
 */
export async function writeReviews(page: Page, records: unknown[]): Promise<void> {
	await page.evaluate(
		({ records, name, size }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('log', 'readwrite');
					const log = tx.objectStore('log');
					const last = log.openCursor(null, 'prev');
					last.onsuccess = () => {
						type LogPage = { n: number; maxAt: number; reviews: { at: number }[] };
						const current = last.result?.value as LogPage | undefined;
						let page: LogPage = current && current.reviews.length < size ? current : { n: current ? current.n + 1 : 0, maxAt: -Infinity, reviews: [] };
						for (const r of records as { at: number }[]) {
							if (page.reviews.length === size) page = { n: page.n + 1, maxAt: -Infinity, reviews: [] };
							page.reviews.push(r);
							page.maxAt = Math.max(page.maxAt, r.at);
							log.put(page);
						}
					};
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ records, name: DB_NAME, size: LOG_PAGE }
	);
}

/** Every question's right option ids, by question id, from the bank the app serves. */
export async function answerKey(page: Page): Promise<Map<string, string[]>> {
	const list = await page.evaluate(async () => {
		const bank = (await (await fetch('/data/bank.json')).json()) as { questions: { id: string; answer: string[] }[] };
		return bank.questions.map((q) => [q.id, q.answer] as const);
	});
	return new Map(list.map(([id, answer]) => [id, [...answer]]));
}

/** Tick the right options of the question on screen (quiz or challenge), or one wrong option. */
export async function pick(page: Page, key: Map<string, string[]>, right: boolean) {
	const id = await page.locator('[data-question]').getAttribute('data-question');
	const answer = key.get(id ?? '');
	expect(answer, `question ${id} is in the bank`).toBeDefined();
	const values = await page.locator('[data-question] input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	const targets = right ? answer! : [values.find((v) => !answer!.includes(v))!];
	for (const v of targets) await page.locator(`[data-question] label:has(input[value=${JSON.stringify(v)}])`).click();
}
