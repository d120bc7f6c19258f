import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from '../../scripts/sync/setup';
import { controlledByWorker, storedReviews, waitForProgress } from './util';

/**
 * Two devices (browser contexts) syncing through a real replication server: pouchdb-server 4.2.0
 * in memory, the stand-in for CouchDB 3 that CI can install from npm (see README, Sync).
 */
/** The app's port + 1, unless SYNC_E2E_PORT says otherwise (a port another run already holds). */
const PORT = Number(process.env.SYNC_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 1);
const SERVER = `http://127.0.0.1:${PORT}`;
const ADMIN = { name: 'admin', password: 'admin-secret' };
const MEMBER = { user: 'learner', password: 'learner-secret' };
const DB = 'tcp-quest';

let server: ChildProcess | null = null;
const dir = mkdtempSync(join(tmpdir(), 'tcpq-couch-'));

let started = false;
async function startServer() {
	// Anything already answering there (another run's app) would take the server's requests.
	if (!started && (await fetch(SERVER).then(() => true, () => false))) throw new Error(`port ${PORT} is taken: set SYNC_E2E_PORT`);
	started = true;
	writeFileSync(join(dir, 'config.json'), JSON.stringify({ admins: { [ADMIN.name]: ADMIN.password }, log: { file: join(dir, 'log.txt'), level: 'warning' } }));
	server = spawn('node_modules/.bin/pouchdb-server', ['--in-memory', '--host', '127.0.0.1', '--port', String(PORT), '--config', join(dir, 'config.json')], { cwd: process.cwd(), stdio: 'ignore' });
	await expect.poll(() => fetch(SERVER).then((r) => r.ok, () => false), { timeout: 20_000 }).toBe(true);
	// Every call authenticated: pouchdb-server crashes on an unauthenticated PUT /db once an admin exists.
	await setup({ server: SERVER, db: DB, user: MEMBER.user, admin: ADMIN, userPassword: MEMBER.password, log: () => {} });
}

function stopServer() {
	server?.kill();
	server = null;
}

test.afterAll(stopServer);

async function device(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN', viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await page.goto('/settings');
	await waitForProgress(page);
	await controlledByWorker(page);
	await page.getByRole('button', { name: '设置同步' }).click();
	const panel = page.getByTestId('sync-panel');
	await panel.getByLabel('服务器地址').fill(SERVER);
	await panel.getByLabel('用户名').fill(MEMBER.user);
	await panel.getByLabel('密码').fill(MEMBER.password);
	// The first save reloads the page once: the service worker then serves it with the server's origin in connect-src.
	await Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: '保存并同步' }).click()]);
	await waitForProgress(page);
	await expect(page.getByTestId('sync-status')).toHaveAttribute('data-kind', 'synced', { timeout: 20_000 });
	return page;
}

/** The schedule cache as stored: each item's due time and stability. */
const schedule = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<Record<string, [number, number]>>((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('schedule').objectStore('schedule').getAll();
					get.onsuccess = () => {
						resolve(Object.fromEntries((get.result as { itemId: string; due: number; stability: number }[]).map((s) => [s.itemId, [s.due, s.stability]])));
						open.result.close();
					};
				};
			})
	);

const ids = async (page: Page) => (await storedReviews<{ id: string }>(page)).map((r) => r.id).sort();

test('phone and laptop: answers, an undo and a server outage all end the same on both; a changed batch is refused', async ({ browser }) => {
	test.setTimeout(180_000);
	await startServer();
	const phone = await device(browser);
	const laptop = await device(browser);

	// Study two cards on the phone and undo the second: the laptop gets all three records and the same schedule.
	await phone.goto('/study');
	await waitForProgress(phone);
	await phone.getByRole('button', { name: '开始复习' }).click();
	for (let i = 0; i < 2; i++) {
		const front = (await phone.locator('#front').textContent()) ?? '';
		await phone.keyboard.press('Space');
		await phone.keyboard.press('3');
		await expect(phone.locator('#front')).not.toHaveText(front);
	}
	await phone.keyboard.press('z');
	await expect.poll(async () => (await storedReviews(phone)).length).toBe(3);
	await expect.poll(() => ids(laptop), { timeout: 15_000 }).toEqual(await ids(phone));
	await expect.poll(() => schedule(laptop), { timeout: 10_000 }).toEqual(await schedule(phone));
	expect(Object.keys(await schedule(laptop))).toHaveLength(1);

	// The server goes away: the phone keeps studying and says so; the sync completes once it is back.
	stopServer();
	await phone.goto('/study');
	await waitForProgress(phone);
	await phone.getByRole('button', { name: '开始复习' }).click();
	await expect(phone.locator('#front')).toBeFocused();
	await phone.keyboard.press('Space');
	await phone.keyboard.press('4');
	await expect.poll(async () => (await storedReviews(phone)).length).toBe(4);
	await phone.goto('/settings');
	await expect(phone.getByTestId('sync-status')).toHaveAttribute('data-kind', 'waiting', { timeout: 20_000 });
	await expect(phone.getByTestId('sync-status')).toContainText('连不上服务器');
	await startServer(); // in memory: a new, empty server, which both devices fill again from their copies
	await phone.getByRole('button', { name: '立即同步' }).click();
	await laptop.goto('/settings');
	await laptop.getByRole('button', { name: '立即同步' }).click();
	await expect.poll(() => ids(laptop), { timeout: 20_000 }).toEqual(await ids(phone));
	expect(await ids(laptop)).toHaveLength(4);
	await expect(phone.getByTestId('sync-status')).toHaveAttribute('data-kind', 'synced', { timeout: 20_000 });

	// Batches are write-once on the server, even for a member with the password.
	const auth = { authorization: `Basic ${Buffer.from(`${MEMBER.user}:${MEMBER.password}`).toString('base64')}`, 'content-type': 'application/json' };
	const all = (await (await fetch(`${SERVER}/${DB}/_all_docs?include_docs=true&startkey="b:"&endkey="b:\uffff"`, { headers: auth })).json()) as { rows: { doc: { _id: string; reviews: unknown[] } }[] };
	expect(all.rows.length).toBeGreaterThan(0);
	// Page loads push only what their checkpoint has not seen: no review went up twice (the laptop wrote none of the phone's again).
	expect(all.rows.flatMap((r) => r.doc.reviews)).toHaveLength(4);
	const batch = all.rows[0]!.doc;
	const changed = await fetch(`${SERVER}/${DB}/${encodeURIComponent(batch._id)}`, { method: 'PUT', headers: auth, body: JSON.stringify({ ...batch, reviews: batch.reviews.slice(1) }) });
	expect(changed.status).toBe(403);
	await phone.context().close();
	await laptop.context().close();
});
