import type { Handle } from '@sveltejs/kit';

/** Pages are prerendered in Chinese first; the client switches language after load. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', 'zh-CN') });
