import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { EARLY_SCRIPT } from './src/lib/app/early-redirect.js';

/**
 * The one inline script of our own (the language redirect and the learner mark in <head>), allowed by its hash.
 * @type {`sha256-${string}`}
 */
const earlyScriptHash = `sha256-${createHash('sha256').update(EARLY_SCRIPT).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered: the app is a static site that works offline.
		// 404.html: an app shell that renders the error page in the reader's language, for static hosts
		// that serve it for unknown addresses, and for the service worker when offline.
		adapter: adapter({ strict: true, fallback: '404.html' }),
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		},
		// Absolute links (`/quiz`, not `../quiz`) while prerendering too: language.href() puts `/en` in
		// front of them, and the same page is built at two depths (`/quiz`, `/en/quiz`).
		paths: { relative: false },
		// Small stylesheets go inline: a request that blocks the first paint costs more than the bytes
		// (Lighthouse's mobile profile: four blocking stylesheets delayed home's paint by ~300 ms).
		// style-src allows 'unsafe-inline' already (see below), so SvelteKit adds no hashes for them.
		inlineStyleThreshold: 8192,
		// Registered by UpdatePrompt.svelte, which also offers a waiting new version to the user.
		serviceWorker: { register: false },
		// Static hosts send no headers, so prerendered pages carry this as <meta http-equiv>; frame-ancestors
		// and report-uri cannot go there. Hashes, not nonces: the pages are built once. SvelteKit adds the
		// hash of its inline boot script itself, so no script ever needs 'unsafe-inline'; ours is hashed above.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyScriptHash],
				// Svelte writes style attributes (progress bars, diagram transforms) and transition <style>s.
				'style-src': ['self', 'unsafe-inline'],
				// data: and blob: for images drawn on the device (QR codes); the export download is a blob: link.
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'media-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
