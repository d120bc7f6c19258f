/**
 * Own FSRS weights: with enough reviews, /settings computes weights from the log in a worker
 * (fsrs-browser's wasm, fetched only now), shows the log loss before and after, applies them
 * (the schedule is rebuilt) and goes back to the previous ones.
 */
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, seriousViolations, useLanguage, waitForProgress, writeReviews } from './util';

const DAY = 86_400_000;

/** 120 cards, each reviewed on 5 days over two months: 480 training samples (4 per card), a third forgotten. */
function history(now: number) {
	const records: Record<string, unknown>[] = [];
	let s = 7;
	const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
	for (let card = 0; card < 120; card++) {
		let day = 60;
		for (let k = 0; k < 5; k++) {
			records.push({
				id: `seed-${card}-${k}`,
				itemId: `card:seed-${card}`,
				kind: 'flashcard',
				rating: k === 0 ? 3 : rand() < 0.33 ? 1 : 3,
				durationMs: 3000,
				at: now - day * DAY + card * 1000,
				appVersion: 'seed'
			});
			day -= 1 + k * 3;
		}
	}
	return records;
}

test('optimize from my reviews: loss before and after, apply, go back', async ({ page }) => {
	test.setTimeout(90_000);
	await useLanguage(page, 'en');
	const wasm: string[] = [];
	// The page's and its workers' requests; the service worker caching it in the background does not count.
	page.context().on('request', (r) => void (r.url().endsWith('.wasm') && !r.serviceWorker() && wasm.push(r.url())));
	await page.goto('/settings');
	await waitForProgress(page);
	await writeReviews(page, history(Date.now()));
	await page.reload();
	await waitForProgress(page);

	const block = page.getByTestId('optimize');
	await expect(block.getByTestId('training-count')).toContainText('480');
	await expect(block.getByTestId('weights-in-use')).toHaveText('In use: the default weights');
	expect(wasm, 'the optimizer loads only when asked').toEqual([]);

	await block.getByRole('button', { name: 'Optimize' }).click();
	const result = block.getByTestId('optimize-result');
	await expect(result).toBeVisible({ timeout: 60_000 });
	expect(wasm.length).toBeGreaterThan(0);
	const loss = async (id: string) => Number((await result.getByTestId(id).textContent())!.split(':').at(-1));
	const [before, after] = [await loss('loss-before'), await loss('loss-after')];
	expect(before).toBeGreaterThan(0);
	// Fitted to this very history, the new weights predict it better than the defaults.
	expect(after).toBeLessThan(before);

	await page.setViewportSize({ width: 320, height: 740 });
	await expectNoHorizontalScroll(page);
	expect(await seriousViolations(page)).toEqual([]);

	await result.getByRole('button', { name: 'Use the new weights' }).click();
	await expect(block.getByTestId('optimize-note')).toHaveText(/Now using the new weights/);
	await expect(block.getByTestId('weights-in-use')).toHaveText('In use: weights computed from your reviews');
	const stored = () => page.evaluate(() => new Promise<unknown>((resolve) => {
		const open = indexedDB.open('tcp-quest');
		open.onsuccess = () => {
			const get = open.result.transaction('meta').objectStore('meta').get('schedule');
			get.onsuccess = () => {
				resolve((get.result as { weights?: number[] }).weights ?? null);
				open.result.close();
			};
		};
	}));
	// The schedule cache was rebuilt with the new weights.
	expect(await stored()).toHaveLength(21);

	await block.getByRole('button', { name: 'Go back to the previous weights' }).click();
	await expect(block.getByTestId('optimize-note')).toHaveText('Back to the previous weights.');
	await expect(block.getByTestId('weights-in-use')).toHaveText('In use: the default weights');
	expect(await stored()).toBeNull();
	// Going back is itself undoable only by optimizing again: the history is spent.
	await expect(block.getByRole('button', { name: 'Go back to the previous weights' })).toHaveCount(0);
});
