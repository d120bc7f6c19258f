/**
 * The prerendered pages carry their CSP in a <meta> tag with `connect-src 'self'`, and a static host
 * sends no headers, so the page cannot widen it. The service worker, which serves every page, adds
 * the one origin the learner chose for sync to `connect-src` of the pages it serves — nothing else.
 */
import { isCspOrigin } from './config';

export function allowOrigin(html: string, origin: string | null): string {
	if (!origin || !isCspOrigin(origin)) return html;
	return html.replace(/(<meta http-equiv="content-security-policy" content="[^"]*?connect-src 'self')/i, `$1 ${origin}`);
}
