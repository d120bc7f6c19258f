import type { Lang } from '../core/text';

/**
 * A URL per language: Chinese, the default, at the plain path (`/quiz`); English under `/en`
 * (`/en/quiz`, home is `/en`). Both are the same route (src/hooks.ts reroutes `/en/…`), so every
 * page, and every page added later, exists in both languages without a folder of its own.
 */
export const EN_PREFIX = '/en';

/** The value of `<html lang>` for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

const isEnglish = (pathname: string) => pathname === EN_PREFIX || pathname.startsWith(`${EN_PREFIX}/`);

/** The language a path is in. */
export const langOfPath = (pathname: string): Lang => (isEnglish(pathname) ? 'en' : 'zh');

/** The route a path shows, whatever its language: `/en/quiz` → `/quiz`, `/en` → `/`. */
export const routeOfPath = (pathname: string): string => (isEnglish(pathname) ? pathname.slice(EN_PREFIX.length) || '/' : pathname);

/**
 * A link in a language: `localize('/quiz?topic=x#y', 'en')` → `/en/quiz?topic=x#y`. The path is
 * one in the default language (what `resolve()` gives); a bare `#fragment` or `?query` stays on
 * the page, and an address already in English is not prefixed twice.
 */
export function localize(path: string, lang: Lang): string {
	if (lang === 'zh' || !path.startsWith('/') || isEnglish(path.replace(/[?#].*$/, ''))) return path;
	return path === '/' || /^\/[?#]/.test(path) ? EN_PREFIX + path.slice(1) : EN_PREFIX + path;
}

/** The same page in another language, keeping its query and fragment (a filter, a class code). */
export function switchHref(url: { pathname: string; search: string; hash: string }, lang: Lang): string {
	return localize(routeOfPath(url.pathname), lang) + url.search + url.hash;
}

/** `<link rel="alternate" hreflang>` for a page: each language, and Chinese as the default. */
export function alternates(pathname: string): { hreflang: string; href: string }[] {
	const route = routeOfPath(pathname);
	return [
		{ hreflang: 'zh', href: localize(route, 'zh') },
		{ hreflang: 'en', href: localize(route, 'en') },
		{ hreflang: 'x-default', href: localize(route, 'zh') }
	];
}
