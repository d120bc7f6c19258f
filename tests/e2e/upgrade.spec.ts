/**
 * Every schema version ever shipped upgrades to the current one with nothing lost. Each fixture is
 * made in the browser by the schema code exactly as that version shipped (frozen below, never
 * imported from the app), filled with that era's records, and then the app is loaded over it.
 *
 * To add version N: append its shipped upgrade step to SHIPPED_STEPS and a line to FIXTURES.
 */
import { expect, test, type Page } from '@playwright/test';
import { storedReviews, waitForProgress } from './util';

interface FixtureSpec {
	version: number;
	/** Settings as that version saved them (undefined: the version had no settings store). */
	settings?: Record<string, unknown>;
}

const FIXTURES: FixtureSpec[] = [
	{ version: 1 },
	{ version: 2, settings: { lang: 'zh', dailyNew: 15, retention: 0.9, theme: 'dark' } }
];

/** Build the fixture database in the page: runs in the browser, so it must be self-contained. */
async function createFixture(page: Page, spec: FixtureSpec) {
	return page.evaluate(async ({ version, settings }) => {
		// The upgrade steps as shipped, version by version. Frozen: never edit a shipped step.
		const SHIPPED_STEPS: ((db: IDBDatabase, tx: IDBTransaction) => void)[] = [
			// v1: the review log, keyed by id.
			(db) => db.createObjectStore('reviews', { keyPath: 'id' }),
			// v2: per-item and time indexes, and the settings store.
			(db, tx) => {
				const reviews = tx.objectStore('reviews');
				reviews.createIndex('by-item', 'itemId');
				reviews.createIndex('by-at', 'at');
				db.createObjectStore('settings');
			}
		];
		const bank = (await (await fetch('/data/bank.json')).json()) as { questions: { family: string; kind: string }[] };
		const families = [...new Set(bank.questions.filter((q) => q.family.startsWith('card:')).map((q) => q.family))].slice(0, 6);
		const quiz = bank.questions.find((q) => !q.family.startsWith('card:'))!.family;
		const now = Date.now();
		const DAY = 86_400_000;
		const reviews: Record<string, unknown>[] = [];
		// Thirty days of that era's records: flashcards, quiz answers, an undo; three of them today.
		for (let day = 30; day >= 1; day--) {
			const itemId = families[day % families.length];
			reviews.push({ id: `fixture-${version}-${day}`, itemId, kind: 'flashcard', rating: (day % 4) + 1, durationMs: 3000, at: now - day * DAY, appVersion: `v${version}` });
		}
		reviews.push({ id: `fixture-${version}-quiz`, itemId: quiz, kind: 'quiz', correct: true, answer: ['x'], durationMs: 5000, at: now - 2 * DAY, appVersion: `v${version}` });
		for (let i = 0; i < 3; i++) reviews.push({ id: `fixture-${version}-today-${i}`, itemId: families[i], kind: 'flashcard', rating: 3, durationMs: 2000, at: now - (i + 1) * 60_000, appVersion: `v${version}` });
		reviews.push({ id: `fixture-${version}-undo`, itemId: families[0], kind: 'undo', undoes: `fixture-${version}-30`, durationMs: 0, at: now - 29 * DAY, appVersion: `v${version}` });

		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open('tcp-quest', version);
			open.onupgradeneeded = () => {
				for (const step of SHIPPED_STEPS.slice(0, version)) step(open.result, open.transaction!);
			};
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const db = open.result;
				const stores = settings ? ['reviews', 'settings'] : ['reviews'];
				const tx = db.transaction(stores, 'readwrite');
				for (const r of reviews) tx.objectStore('reviews').add(r);
				if (settings) tx.objectStore('settings').put(settings, 'settings');
				tx.oncomplete = () => {
					db.close();
					resolve();
				};
				tx.onerror = () => reject(tx.error);
			};
		});
		return reviews.map((r) => r.id as string).sort();
	}, spec);
}

for (const spec of FIXTURES) {
	test(`a version-${spec.version} database upgrades to the current schema with nothing lost`, async ({ page }) => {
		// A same-origin page without the app, so the fixture is made before any app code opens the database.
		await page.goto('/manifest.webmanifest');
		const ids = await createFixture(page, spec);

		await page.goto('/');
		await waitForProgress(page);
		await expect(page.getByTestId('today')).toContainText('今天 3 次作答');
		await expect(page.getByTestId('due-count')).toHaveText(/^\d+$/);

		const after = await page.evaluate(async () => {
			const info = (await indexedDB.databases()).find((d) => d.name === 'tcp-quest')!;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const stores = [...db.objectStoreNames];
			db.close();
			return { version: info.version!, stores };
		});
		expect(after.version).toBeGreaterThanOrEqual(4);
		expect(after.stores).toEqual(expect.arrayContaining(['reviews', 'settings', 'schedule', 'meta']));
		expect((await storedReviews<{ id: string }>(page)).map((r) => r.id).sort()).toEqual(ids);

		if (spec.settings) {
			await expect(page.locator('html[data-theme="dark"]')).toHaveCount(1);
			await page.goto('/study');
			await waitForProgress(page);
			await expect(page.getByTestId('study-plan')).toContainText(/\d+ 张新卡片/);
			await page.goto('/settings');
			await waitForProgress(page);
			await expect(page.getByLabel('每天的新卡片数')).toHaveValue('15');
		}
	});
}
