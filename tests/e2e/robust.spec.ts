/**
 * Every page where the browser withholds something the app likes to use: IndexedDB (some private
 * windows), service workers (blocked by policy, or `http://` on a LAN address, which is not a
 * secure context). Each page must load without an uncaught error or a console error; the app says
 * once what it cannot do. A teacher can still run a class in a tab without IndexedDB.
 */
import { readdirSync } from 'node:fs';
import { devices, expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { serveBuild } from './static-server';
import { controlledByWorker, useLanguage, waitForProgress } from './util';

/** Every route, and every topic page from content/ (files are named `NN-<topic-id>.md`). */
const TOPICS = readdirSync('content/en')
	.filter((f) => /^\d+-.+\.md$/.test(f))
	.map((f) => `/topics/${f.replace(/^\d+-/, '').replace(/\.md$/, '')}`);
const PAGES = ['/', '/study', '/quiz', '/cards', '/challenge', '/fsm', '/simulate', '/capture', '/stats', '/settings', '/classroom', '/classroom/take', '/classroom/projector', '/classroom/results', ...TOPICS];

interface Condition {
	name: string;
	options?: BrowserContextOptions;
	/** Runs before any page script. */
	init?: () => void;
}

const CONDITIONS: Condition[] = [
	{
		name: 'IndexedDB blocked',
		// What some private windows do: reading window.indexedDB throws.
		init: () =>
			Object.defineProperty(window, 'indexedDB', {
				get() {
					throw new DOMException('The user denied permission to access the database.', 'SecurityError');
				}
			})
	},
	{ name: 'service workers blocked', options: { serviceWorkers: 'block' } },
	{
		name: 'no navigator.serviceWorker',
		// As on http:// at a LAN address: the property is simply not there.
		init: () => void delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker
	}
];

async function phone(browser: Browser, baseURL: string | undefined, condition: Condition) {
	const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
	void _;
	const context = await browser.newContext({ ...pixel, viewport: { width: 360, height: 740 }, locale: 'zh-CN', baseURL, ...condition.options });
	if (condition.init) await context.addInitScript(condition.init);
	return context;
}

/** Page errors and console errors, each tagged with the page it happened on. */
function collectErrors(page: Page) {
	const errors: string[] = [];
	let at = '';
	page.on('pageerror', (e) => errors.push(`${at}: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`${at}: console: ${m.text()}`);
	});
	return { errors, visit: (path: string) => (at = path) };
}

for (const condition of CONDITIONS) {
	test(`${condition.name}: every page loads with no page error and no console error`, async ({ browser, baseURL }) => {
		test.setTimeout(300_000);
		const context = await phone(browser, baseURL, condition);
		const page = await context.newPage();
		const { errors, visit } = collectErrors(page);
		for (const path of PAGES) {
			visit(path);
			await page.goto(path);
			// A page that never starts is one more finding, not the end of the walk.
			if (!(await waitForProgress(page).then(() => true, () => false))) {
				errors.push(`${path}: never finished loading`);
				continue;
			}
			// Let late work (the service worker's registration, the class list) settle.
			await page.waitForLoadState('networkidle');
		}
		expect(errors).toEqual([]);
		await context.close();
	});
}

test('without IndexedDB a teacher makes a quiz code and collects a result in the same tab, and is told it lasts for the tab', async ({ browser, baseURL }) => {
	test.setTimeout(90_000);
	const context = await phone(browser, baseURL, CONDITIONS[0]!);
	const page = await context.newPage();
	const { errors } = collectErrors(page);
	await page.goto('/classroom');
	await waitForProgress(page);
	await expect(page.getByTestId('storage-notice')).toContainText('无痕模式');
	await expect(page.getByTestId('classes-in-tab')).toContainText('关闭此标签页');
	await page.locator('input[name="count"]').fill('3');
	await page.locator('input[name="title"]').fill('无痕班');
	await page.getByRole('button', { name: '生成测验代码' }).click();
	await expect(page.locator('#made-title')).toBeFocused();
	const code = (await page.getByTestId('quiz-link').textContent())!.split('#')[1]!;
	expect(code).toMatch(/^Q2[0-9A-Z]{19}$/);
	await expect(page.getByRole('listitem').filter({ hasText: '无痕班' })).toBeVisible();

	// A student (here: the same tab) takes the quiz and gets a result code.
	await page.getByRole('link', { name: '自己试做' }).click();
	await waitForProgress(page);
	await page.getByLabel('你的名字（老师会看到）').fill('韩梅梅');
	await page.getByRole('button', { name: '开始' }).click();
	for (let i = 1; i <= 3; i++) {
		await expect(page.locator('.bar .count')).toHaveText(`第 ${i} / 3 题`);
		if (await page.locator('#order-help').isVisible()) {
			const bank = page.locator('ul.bank button');
			while ((await bank.count()) > 0) await bank.first().click();
		} else {
			await page.locator('label.option').first().click();
		}
		await page.getByRole('button', { name: '检查答案', exact: true }).click();
	}
	const result = (await page.getByTestId('result-code').textContent())!.trim();
	expect(result).toMatch(/^R1[0-9A-Z]+$/);

	// Back to the class (a full load, as a teacher typing the address would): still there for this tab.
	await page.goto('/classroom/results');
	await waitForProgress(page);
	await page.getByRole('listitem').filter({ hasText: '无痕班' }).getByRole('link', { name: '成绩' }).click();
	await expect(page.locator('.class-head')).toContainText('无痕班');
	await page.getByLabel(/粘贴成绩代码/).fill(result);
	await page.getByRole('button', { name: '添加成绩' }).click();
	await expect(page.getByTestId('add-status')).toContainText('添加了 1 个成绩。');
	await expect(page.getByTestId('students').locator('tbody tr')).toHaveCount(1);
	await expect(page.getByTestId('students').locator('tbody tr').first()).toContainText('韩梅梅');
	await expect(page.getByTestId('classes-in-tab')).toContainText('导出 CSV');

	// In English too.
	await page.locator('header .lang').click();
	await expect(page.getByTestId('classes-in-tab')).toContainText('close this tab');
	expect(errors).toEqual([]);
	await context.close();
});

/** Some browsers have the property, but with nothing in it. */
const SERVICE_WORKER_UNDEFINED: Condition = {
	name: 'navigator.serviceWorker undefined',
	init: () => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined, configurable: true })
};

test('without service workers the app says once, in both languages, that offline use needs https; dismissed, it stays away', async ({ browser, baseURL }) => {
	test.setTimeout(60_000);
	const context = await phone(browser, baseURL, SERVICE_WORKER_UNDEFINED);
	const page = await context.newPage();
	const { errors } = collectErrors(page);
	await page.goto('/');
	await waitForProgress(page);
	await page.waitForLoadState('networkidle');
	expect(errors).toEqual([]);
	const notice = page.getByTestId('offline-notice');
	await expect(notice).toContainText('https');
	await expect(notice).toContainText('离线');
	await page.locator('header .lang').click();
	await expect(notice).toContainText(/offline use/i);
	await notice.getByRole('button', { name: 'Got it' }).click();
	await expect(notice).toHaveCount(0);
	await page.goto('/study');
	await waitForProgress(page);
	await expect(page.getByTestId('offline-notice')).toHaveCount(0);
	expect(errors).toEqual([]);
	await context.close();
});

for (const lang of ['zh', 'en'] as const) {
	test(`an unknown page says so in the reader’s language (${lang})`, async ({ page }) => {
		test.setTimeout(60_000);
		await useLanguage(page, lang);
		await page.goto('/');
		await waitForProgress(page);
		// A link to a topic that does not exist: the client router renders the error page.
		await expect(page).toHaveURL(lang === 'zh' ? '/' : '/en');
		await page.evaluate(() => {
			const a = document.createElement('a');
			a.href = `${location.pathname === '/' ? '' : location.pathname}/topics/no-such-topic`;
			a.textContent = 'x';
			a.id = 'broken';
			document.querySelector('main')!.append(a);
		});
		await page.locator('#broken').click();
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText(lang === 'zh' ? '找不到这个页面' : 'Page not found');
		await expect(page.getByRole('link', { name: lang === 'zh' ? '回到首页' : 'Back to home' })).toBeVisible();
	});
}

test('offline, an unknown topic says it is not available instead of loading forever', async ({ page, context }) => {
	test.setTimeout(60_000);
	// The built site as a static host serves it, with the 404.html app shell (vite preview has none).
	const server = await serveBuild();
	try {
		await page.goto(`${server.url}/`);
		await waitForProgress(page);
		await controlledByWorker(page);
		await context.setOffline(true);
		await page.goto(`${server.url}/topics/no-such-topic`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('离线时打不开这个页面');
		await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
		await expect(page.getByText('正在读取你的进度')).toHaveCount(0);
		await context.setOffline(false);
	} finally {
		await server.close();
	}
});
