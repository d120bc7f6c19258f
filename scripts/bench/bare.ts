/**
 * A cold open in a browser that nothing is attached to while the page loads, as a user's is. Playwright
 * instruments every request, frame and script over DevTools; on this machine that added ~80 ms to
 * home's cold open (first paint at 156 ms against 92 ms, medians of 7 opens each). The page times
 * itself with User Timing marks (src/lib/app/opening-marks.ts), read once it is done.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../browser/find';
import { localChromiumPath } from '../browser/local';

/**
 * Desktop Chromium builds its address bar's suggestion popup as a web page of its own (WebUI: a
 * renderer that loads and compiles its scripts as the browser starts). In a trace of a cold open
 * here, that renderer's main thread was busy for 160 of the 170 ms home took to show its figures,
 * and two more of its threads compiled, on this 2-core machine. A phone's browser has no such page
 * (Chrome for Android's address bar is native), so the bench's browser does without it. The flag
 * goes only where we start Chromium ourselves: Chromium takes the last --disable-features it is
 * given, and Playwright passes a list of its own.
 */
const NO_OMNIBOX_PAGE = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup';

/** Time to leave the page alone before attaching: every cold open here is done well within it. */
const UNTOUCHED_MS = 2500;

export type Marks = Record<string, number>;

/** Every User Timing mark of the page (ms from navigation start) and its first contentful paint, as `fcp`. */
const marksOf = () => ({
	...Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
	fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
});

/**
 * Open `url` in a fresh Chromium process on `profile` (360 px wide, Chinese): the browser starts on a
 * blank tab, and the page opens in a new tab once it is up (as Playwright's launch, then goto); then
 * nothing touches it until it is done: attach and wait until the page has marked `until`; returns its marks.
 */
export async function bareOpen(profile: string, url: string, until: string, timeout = 120_000): Promise<Marks> {
	if (!localChromiumPath) throw new Error('bench: no Chromium on this machine (apt-get install chromium)');
	const portFile = join(profile, 'DevToolsActivePort');
	rmSync(portFile, { force: true });
	const args = [...CHROMIUM_ARGS, NO_OMNIBOX_PAGE, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=360,740', '--lang=zh-CN', '--no-first-run', '--no-default-browser-check', 'about:blank'];
	const browserProcess = spawn(localChromiumPath, args, { stdio: 'ignore' });
	const exited = new Promise((resolve) => browserProcess.once('exit', resolve));
	try {
		for (let waited = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); waited += 20) {
			if (waited > timeout) throw new Error('bench: Chromium did not start');
			await sleep(20);
		}
		const endpoint = `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`;
		// DevTools' HTTP endpoint opens the tab without attaching to it.
		const opened = await fetch(`${endpoint}/json/new?${encodeURIComponent(url)}`, { method: 'PUT' });
		if (!opened.ok) throw new Error(`bench: Chromium did not open ${url} (${opened.status})`);
		await sleep(UNTOUCHED_MS);
		const browser = await chromium.connectOverCDP(endpoint);
		try {
			const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(url));
			if (!page) throw new Error(`bench: no page at ${url}`);
			await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, until, { timeout });
			return await page.evaluate(marksOf);
		} finally {
			await browser.close().catch(() => undefined);
		}
	} finally {
		// SIGTERM: Chromium shuts down as on a user's quit, its profile written (the next open reuses it).
		browserProcess.kill('SIGTERM');
		await exited;
	}
}
