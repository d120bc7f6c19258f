import type { Handle } from '@sveltejs/kit';
import { EARLY_REDIRECT } from '$lib/app/early-redirect.js';
import { HTML_LANG, langOfPath } from '$lib/app/href';

/**
 * Every page is prerendered once per language: `<html lang>` from its address, and the inline script
 * that sends a reader who chose English from a Chinese address to the English one before first paint.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', HTML_LANG[langOfPath(event.url.pathname)]).replace('%lang.redirect%', `<script>${EARLY_REDIRECT}</script>`)
	});
