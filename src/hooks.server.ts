import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { EARLY_SCRIPT } from '$lib/app/early-redirect.js';
import { HTML_LANG, langOfPath } from '$lib/app/href';
import { paintFirst } from '$lib/server/paint-first';

/**
 * Every page is prerendered once per language: `<html lang>` from its address, and the inline script
 * that sends a reader who chose English from a Chinese address to the English one and marks a
 * learner's page, both before first paint.
 * The built pages start their code after their first paint (see paint-first.ts).
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace('%lang%', HTML_LANG[langOfPath(event.url.pathname)]).replace('%early.script%', `<script>${EARLY_SCRIPT}</script>`);
			return building ? paintFirst(page, event.url.pathname) : page;
		}
	});
