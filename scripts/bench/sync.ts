/**
 * Sync, measured in Chromium against a real replication server (pouchdb-server 4.2.0 in memory, the
 * stand-in for CouchDB 3 that the e2e test uses too):
 *   1. first sync of the five-year log (200,000 reviews, 400 batches on the server) to a fresh
 *      device: from the tap on "save and sync" to every review in the device's IndexedDB log;
 *   1b. a page load of that device afterwards: from navigation to "synced" (before the checkpoint it
 *      read every batch of its local copy, ~40 MB, on every load);
 *   2. the delay from an answer on one device to the review in the other device's log, both
 *      online and syncing live (median of 5).
 * Times are wall clock from the test driver, so they include the driver's polling (every 50 ms).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { toBatches } from '../../src/lib/features/sync/batches';
import { LOG_PAGE } from '../../src/lib/store/db';
import { setup } from '../sync/setup';
import { launch } from './browser';
import { familiesOf, fiveYearsOfStudy } from './five-years';
import { serve } from './serve';

const REVIEWS = 200_000;
const ADMIN = { name: 'admin', password: 'bench-admin' };
const MEMBER = { user: 'learner', password: 'bench-learner' };

const freePort = () =>
	new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});

async function startServer(): Promise<{ url: string; process: ChildProcess }> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'tcp-quest-bench-couch-'));
	writeFileSync(join(dir, 'config.json'), JSON.stringify({ admins: { [ADMIN.name]: ADMIN.password }, log: { file: join(dir, 'log.txt'), level: 'warning' } }));
	const child = spawn('node_modules/.bin/pouchdb-server', ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json')], { stdio: 'ignore' });
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 200; i++) {
		if (await fetch(url).then((r) => r.ok, () => false)) return { url, process: child };
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('pouchdb-server did not start');
}

const memberAuth = `Basic ${Buffer.from(`${MEMBER.user}:${MEMBER.password}`).toString('base64')}`;

/** Another device's five years, written to the server as its batches (as that device's sync would). */
async function seedServer(server: string, db: string, buildDir: string): Promise<number> {
	const bank = JSON.parse(readFileSync(join(buildDir, 'data/bank.json'), 'utf8')) as { questions: { family: string }[] };
	const { cards, quiz } = familiesOf(bank.questions);
	const batches = toBatches(fiveYearsOfStudy(cards, quiz, REVIEWS, 5, Date.now()), 'bench-other-device', 0);
	for (let i = 0; i < batches.length; i += 20) {
		const res = await fetch(`${server}/${db}/_bulk_docs`, {
			method: 'POST',
			headers: { authorization: memberAuth, 'content-type': 'application/json' },
			body: JSON.stringify({ docs: batches.slice(i, i + 20) })
		});
		if (!res.ok) throw new Error(`seeding the server: ${res.status}`);
	}
	return batches.length;
}

/**
 * Reviews in the device's log: from its last page, as the store counts (every page before it holds
 * LOG_PAGE reviews). Reading every page instead, 20 times a second, cost the page seconds of a first sync.
 */
const storedCount = (page: Page) =>
	page.evaluate(
		(perPage) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const last = open.result.transaction('log').objectStore('log').openCursor(null, 'prev');
					last.onsuccess = () => {
						const page = last.result?.value as { n: number; reviews: unknown[] } | undefined;
						resolve(page ? page.n * perPage + page.reviews.length : 0);
						open.result.close();
					};
					last.onerror = () => reject(last.error);
				};
			}),
		LOG_PAGE
	);

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** A fresh device on /settings, controlled by the service worker, with the sync form filled in. */
async function freshDevice(site: string, server: string, db: string) {
	const { context, page } = await launch(mkdtempSync(join(tmpdir(), 'tcp-quest-bench-device-')));
	await page.goto(`${site}/settings`);
	await page.waitForSelector('html[data-ready="true"]');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
	});
	await page.getByRole('button', { name: '设置同步' }).click();
	const panel = page.getByTestId('sync-panel');
	await panel.getByLabel('服务器地址').fill(server);
	await panel.locator('input[name="db"]').fill(db);
	await panel.getByLabel('用户名').fill(MEMBER.user);
	await panel.getByLabel('密码').fill(MEMBER.password);
	const save = () => Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: '保存并同步' }).click()]);
	return { context, page, save };
}

const synced = (page: Page) => page.getByTestId('sync-status').getAttribute('data-kind').then((k) => k === 'synced', () => false);

export async function benchSync(buildDir = 'build'): Promise<void> {
	const couch = await startServer();
	const { server: site, url } = await serve(buildDir);
	const closers: (() => Promise<unknown>)[] = [];
	const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
	try {
		const quiet = { admin: ADMIN, user: MEMBER.user, userPassword: MEMBER.password, log: () => {} };
		await setup({ ...quiet, server: couch.url, db: 'tcp-quest' });
		await setup({ ...quiet, server: couch.url, db: 'tcp-quest-delay' });
		const batches = await seedServer(couch.url, 'tcp-quest', buildDir);

		// 1. A fresh device pulls the whole log.
		const fresh = await freshDevice(url, couch.url, 'tcp-quest');
		closers.push(() => fresh.context.close());
		const start = performance.now();
		await fresh.save();
		await until(async () => (await storedCount(fresh.page)) >= REVIEWS && (await synced(fresh.page)), 300_000);
		const firstSync = performance.now() - start;
		console.log(`  first sync of ${REVIEWS.toLocaleString('en')} reviews (${batches} batches) to a fresh device: ${ms(firstSync)} (aim ≤ 5,000 ms)`);
		// 1b. The same device opens the sync settings again (its checkpoint written when the pull settled).
		await new Promise((r) => setTimeout(r, 2000));
		const loads: number[] = [];
		for (let i = 0; i < 3; i++) {
			const t0 = performance.now();
			await fresh.page.goto(`${url}/settings`);
			await until(() => synced(fresh.page), 120_000);
			loads.push(performance.now() - t0);
		}
		if ((await storedCount(fresh.page)) !== REVIEWS) throw new Error('the page loads changed the log');
		console.log(`  a page load of that device until "synced" (median of 3): ${ms([...loads].sort((a, b) => a - b)[1]!)} (each: ${loads.map((d) => Math.round(d)).join(', ')} ms)`);

		// 2. Phone and laptop, both online: an answer on the phone reaches the laptop's log.
		const phone = await freshDevice(url, couch.url, 'tcp-quest-delay');
		closers.push(() => phone.context.close());
		await phone.save();
		const laptop = await freshDevice(url, couch.url, 'tcp-quest-delay');
		closers.push(() => laptop.context.close());
		await laptop.save();
		await until(async () => (await synced(phone.page)) && (await synced(laptop.page)), 30_000);
		await phone.page.goto(`${url}/study?start`);
		await phone.page.waitForSelector('#front');
		const delays: number[] = [];
		for (let i = 0; i < 5; i++) {
			await phone.page.locator('#front').focus();
			await phone.page.keyboard.press('Space');
			await phone.page.locator('#rate-3').waitFor();
			const before = await storedCount(laptop.page);
			const t0 = performance.now();
			await phone.page.keyboard.press('3');
			await until(async () => (await storedCount(laptop.page)) > before, 60_000);
			delays.push(performance.now() - t0);
		}
		const median = [...delays].sort((a, b) => a - b)[2]!;
		console.log(`  an answer on one device in the other's log, both online (median of 5): ${ms(median)} (aim ≤ 2,000 ms; each: ${delays.map((d) => Math.round(d)).join(', ')} ms)`);
	} finally {
		for (const close of closers) await close().catch(() => undefined);
		site.close();
		couch.process.kill();
	}
}
