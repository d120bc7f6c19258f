/**
 * What a first visit downloads, as a phone gets it: a fresh Chromium profile at 360 px with service
 * workers blocked (so the precache does not count), every response from the page and its workers
 * recorded until load + network idle + 1 s, each body gzipped at level 9 (as a host would serve it).
 * "JS" is every script, workers included; "JSON" is every data file the page fetched.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from '@playwright/test';
import { localChromium } from '../browser/local';
import { serve } from './serve';

export type Weight = { js: number; css: number; json: number; other: number; requests: number };

export type Visit = { path: string; lang: 'zh' | 'en' };

function kindOf(response: Response): keyof Omit<Weight, 'requests'> {
	const type = response.headers()['content-type'] ?? '';
	if (type.includes('javascript')) return 'js';
	if (type.includes('css')) return 'css';
	if (type.includes('json')) return 'json';
	return 'other';
}

/** Weigh each visit in its own fresh browser context (nothing cached, no service worker). */
export async function firstVisitWeights(buildDir: string, visits: Visit[]): Promise<Map<Visit, Weight>> {
	const { server, url } = await serve(buildDir);
	const browser = await chromium.launch(localChromium);
	const weights = new Map<Visit, Weight>();
	try {
		for (const visit of visits) {
			const context = await browser.newContext({
				viewport: { width: 360, height: 740 },
				locale: visit.lang === 'zh' ? 'zh-CN' : 'en-US',
				serviceWorkers: 'block'
			});
			// The reader's saved language, as a returning reader of that language would have it.
			await context.addInitScript((lang) => localStorage.setItem('tcp-quest:lang', lang), visit.lang);
			const weight: Weight = { js: 0, css: 0, json: 0, other: 0, requests: 0 };
			const pending: Promise<void>[] = [];
			// Context-level events include requests made by the page's dedicated workers.
			context.on('response', (response) => {
				pending.push(
					response
						.body()
						.then((body) => {
							weight[kindOf(response)] += gzipSync(body, { level: 9 }).length;
							weight.requests++;
						})
						.catch(() => {}) // a redirect or an aborted request has no body to count
				);
			});
			const page = await context.newPage();
			await page.goto(`${url}${visit.path}`, { waitUntil: 'load' });
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(1000);
			await Promise.all(pending);
			weights.set(visit, weight);
			await context.close();
		}
	} finally {
		await browser.close();
		server.close();
	}
	return weights;
}
