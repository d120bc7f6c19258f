/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import { allowOrigin } from '$lib/features/sync/csp';
import { isCspOrigin } from '$lib/features/sync/config';

/**
 * Precache the whole app — code, static files and every prerendered page and data file — so a
 * cold start with no network works. A new version waits until the page tells it to take over,
 * so an update never interrupts a review in progress.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `tcp-quest-${version}`;
/** The app shell adapter-static writes for unknown addresses (see svelte.config.js): it shows the error page. */
const FALLBACK = '/404.html';
/**
 * The optimizer (fsrs-browser: 1.7 MB of wasm, 440 KB gzipped, half again the rest of the app) is
 * not precached at install: few learners ever press "Optimize", and SvelteKit's `build` list does
 * not even name a worker's own assets. /settings sends its files' addresses when first visited
 * (see OptimizePanel), and any of them fetched is kept, so after one visit to /settings it works
 * offline too. Only workers and wasm among the immutable (hashed) files are taken.
 */
const onDemand = (path: string) => /^\/_app\/immutable\/(workers\/[\w./-]+|assets\/[\w.-]+\.wasm)$/.test(path) && !path.includes('..');
const OPTIMIZER = /fsrs_browser_bg|\/workers\/(optimizer\.worker|workerHelpers)/;
/**
 * The one origin the learner chose for sync (Settings → Sync), kept apart from the versioned cache so
 * an update keeps it. The pages' CSP (a <meta>: a static host sends no headers) allows only 'self' to
 * be reached; the pages served here get this origin added to `connect-src`, and nothing else.
 */
const SYNC_CACHE = 'tcp-quest-sync-origin';
const SYNC_ORIGIN_KEY = '/__sync-origin';
let syncOrigin: Promise<string | null> | null = null;
const readSyncOrigin = () =>
	(syncOrigin ??= caches
		.open(SYNC_CACHE)
		.then((c) => c.match(SYNC_ORIGIN_KEY))
		.then(async (r) => {
			const origin = r ? await r.text() : '';
			return isCspOrigin(origin) ? origin : null;
		})
		.catch(() => null));

async function withSyncOrigin(response: Response): Promise<Response> {
	const origin = await readSyncOrigin();
	if (!origin || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
	const html = allowOrigin(await response.text(), origin);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
}

const ASSETS = [...build.filter((path) => !OPTIMIZER.test(path)), ...files, ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(ASSETS);
			// Only the built site has it (not `vite preview`): an install never fails for its lack.
			await cache.add(FALLBACK).catch(() => undefined);
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE && key !== SYNC_CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') sw.skipWaiting();
	const data = event.data as { kind?: string; paths?: unknown; origin?: unknown } | null;
	if (data?.kind === 'sync-origin') {
		const origin = typeof data.origin === 'string' && isCspOrigin(data.origin) ? data.origin : null;
		syncOrigin = Promise.resolve(origin);
		event.waitUntil(
			caches.open(SYNC_CACHE).then(async (cache) => {
				if (origin) await cache.put(SYNC_ORIGIN_KEY, new Response(origin));
				else await cache.delete(SYNC_ORIGIN_KEY);
				event.ports[0]?.postMessage('ok');
			})
		);
	}
	if (data?.kind === 'cache-optimizer' && Array.isArray(data.paths)) {
		const paths = data.paths.filter((p): p is string => typeof p === 'string' && onDemand(p)).slice(0, 8);
		event.waitUntil(
			caches.open(CACHE).then(async (cache) => {
				for (const path of paths) if (!(await cache.match(path))) await cache.add(path).catch(() => undefined);
			})
		);
	}
});

/**
 * This version's cache, opened once for every request it serves: a cold start asks for some forty
 * files at once, and each open is a round trip to the browser's cache storage. Forgotten if the open
 * fails (the next request opens it again).
 */
let opened: Promise<Cache> | null = null;
const appCache = () => (opened ??= caches.open(CACHE).catch((e: unknown) => ((opened = null), Promise.reject(e))));

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await appCache();
			// Pages are prerendered as /path and /path.html; data as /path/__data.json. The exact address
			// first: a match that ignores the query scans every entry of the cache (Chromium), which made
			// a cold start's dozen scripts take ~130 ms to come out of it.
			const cached =
				(await cache.match(request)) ??
				(url.search ? await cache.match(url.origin + url.pathname) : undefined) ??
				(await cache.match(`${url.pathname}.html`));
			if (cached) return request.mode === 'navigate' ? withSyncOrigin(cached) : cached;
			try {
				const response = await fetch(request);
				if (response.ok && onDemand(url.pathname)) await cache.put(request, response.clone());
				return request.mode === 'navigate' ? withSyncOrigin(response) : response;
			} catch {
				// Offline and not part of this version: the app shell shows "not available offline".
				const shell = request.mode === 'navigate' ? await cache.match(FALLBACK) : undefined;
				return shell ? withSyncOrigin(shell) : Response.error();
			}
		})()
	);
});
