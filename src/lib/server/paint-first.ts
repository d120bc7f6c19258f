/**
 * Paint first, then start the app: every prerendered page is readable before its code runs, so the
 * code waits for the first contentful paint instead of competing with it.
 *
 * SvelteKit asks for the app's scripts in <head> (modulepreload) and starts hydrating as soon as
 * they arrive. On this machine's Chromium a page's first paint then came at 86–150 ms instead of
 * 65 ms without scripts, and Lighthouse's mobile model, which counts every script that arrives before
 * the paint as one the paint waited for, put home's largest paint at 1.4–1.8 s (0.7 s without them).
 * Here the preloads and the boot script move behind the first contentful paint: the same requests,
 * issued together, right after it. The cost is that hydration starts after the paint; links work
 * before it (they are plain anchors).
 */
import { createHash } from 'node:crypto';

const PRELOAD = /<link href="([^"]+)" rel="modulepreload">\s*/g;
/** SvelteKit's boot script: the last inline script, which finds its place through document.currentScript. */
const BOOT = /<script>(\s*\{[^<]*?document\.currentScript\.parentElement[^<]*?kit\.start\([^<]*?)<\/script>/;
const PLACE = 'document.currentScript.parentElement';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The boot script run after the first contentful paint (at once where the browser reports no paints; after 3 s at the latest, as in a tab opened in the background). */
export function deferredBoot(boot: string, preloads: readonly string[]): string {
	return [
		`const root = ${PLACE};`,
		'const start = () => {',
		`for (const href of ${JSON.stringify(preloads)}) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));`,
		boot.replaceAll(PLACE, 'root'),
		'};',
		'let started = false;',
		'const once = () => { if (!started) { started = true; start(); } };',
		"if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {",
		"new PerformanceObserver((list, observer) => { if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); once(); } }).observe({ type: 'paint', buffered: true });",
		'setTimeout(once, 3000);',
		'} else once();'
	].join('\n');
}

/**
 * A prerendered page with its scripts behind the first paint, and the CSP's hash of the boot script
 * replaced by the new one's. Throws (failing the build) when SvelteKit's output no longer has the
 * shape this expects, rather than ship a page that never starts.
 */
export function paintFirst(html: string, page: string): string {
	const boot = BOOT.exec(html);
	if (!boot) throw new Error(`paint-first: no SvelteKit boot script in ${page}`);
	const preloads = [...html.matchAll(PRELOAD)].map((m) => m[1]!);
	const script = deferredBoot(boot[1]!, preloads);
	const oldHash = sha256(boot[1]!);
	const hasCsp = html.includes('http-equiv="content-security-policy"');
	if (hasCsp && !html.includes(oldHash)) throw new Error(`paint-first: the CSP of ${page} does not allow its boot script by hash`);
	return html
		.replace(PRELOAD, '')
		.replace(boot[0], () => `<script>${script}</script>`)
		.replace(oldHash, sha256(script));
}
