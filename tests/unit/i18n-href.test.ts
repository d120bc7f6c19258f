import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EARLY_LEARNER, EARLY_REDIRECT, EARLY_SCRIPT, LANG_KEY, LEARNER_KEY } from '../../src/lib/app/early-redirect.js';
import { DB_NAME } from '../../src/lib/store/db';
import { alternates, langOfPath, localize, routeOfPath, switchHref } from '../../src/lib/app/href';
import svelteConfig from '../../svelte.config.js';

describe('a URL per language', () => {
	it('reads the language and the route from an address', () => {
		expect(langOfPath('/')).toBe('zh');
		expect(langOfPath('/quiz')).toBe('zh');
		expect(langOfPath('/en')).toBe('en');
		expect(langOfPath('/en/topics/handshake')).toBe('en');
		// A path that merely starts with the letters is not English.
		expect(langOfPath('/english')).toBe('zh');
		expect(langOfPath('/enx/quiz')).toBe('zh');
		expect(routeOfPath('/en')).toBe('/');
		expect(routeOfPath('/en/quiz')).toBe('/quiz');
		expect(routeOfPath('/quiz')).toBe('/quiz');
		expect(routeOfPath('/english')).toBe('/english');
	});

	it('localizes a link, keeping its query and fragment', () => {
		expect(localize('/', 'en')).toBe('/en');
		expect(localize('/quiz', 'en')).toBe('/en/quiz');
		expect(localize('/study?start', 'en')).toBe('/en/study?start');
		expect(localize('/?x=1', 'en')).toBe('/en?x=1');
		expect(localize('/#topics', 'en')).toBe('/en#topics');
		expect(localize('/topics/closing#card-3', 'en')).toBe('/en/topics/closing#card-3');
		expect(localize('/quiz?topic=x', 'zh')).toBe('/quiz?topic=x');
	});

	it('leaves alone what is not a path of the default language', () => {
		expect(localize('#main', 'en')).toBe('#main');
		expect(localize('?state=LISTEN', 'en')).toBe('?state=LISTEN');
		expect(localize('https://www.rfc-editor.org/rfc/rfc9293', 'en')).toBe('https://www.rfc-editor.org/rfc/rfc9293');
		expect(localize('/en/quiz', 'en')).toBe('/en/quiz');
		expect(localize('/en?x', 'en')).toBe('/en?x');
	});

	it('switches a page to the other language and back, query and fragment kept', () => {
		const zh = { pathname: '/classroom/results', search: '?x=1', hash: '#ABC' };
		const en = switchHref(zh, 'en');
		expect(en).toBe('/en/classroom/results?x=1#ABC');
		const url = new URL(en, 'https://example.org');
		expect(switchHref(url, 'zh')).toBe('/classroom/results?x=1#ABC');
		expect(switchHref({ pathname: '/', search: '', hash: '' }, 'en')).toBe('/en');
		expect(switchHref({ pathname: '/en', search: '', hash: '' }, 'zh')).toBe('/');
		expect(switchHref({ pathname: '/en', search: '', hash: '' }, 'en')).toBe('/en');
	});

	it('names both languages and Chinese as the default in the alternates, from either address', () => {
		const expected = [
			{ hreflang: 'zh', href: '/fsm' },
			{ hreflang: 'en', href: '/en/fsm' },
			{ hreflang: 'x-default', href: '/fsm' }
		];
		expect(alternates('/fsm')).toEqual(expected);
		expect(alternates('/en/fsm')).toEqual(expected);
		expect(alternates('/en').map((a) => a.href)).toEqual(['/', '/en', '/']);
	});
});

/** Run the <head> script against a fake browser; returns where it sent the reader, if anywhere. */
function runEarlyRedirect(href: string, saved: string | null, browserLanguage: string, storageThrows = false) {
	const url = new URL(href, 'https://example.org');
	const calls: string[] = [];
	const location = { pathname: url.pathname, search: url.search, hash: url.hash, replace: (to: string) => calls.push(`replace ${to}`) };
	const localStorage = {
		getItem: (key: string) => {
			if (storageThrows) throw new Error('SecurityError');
			return key === LANG_KEY ? saved : null;
		}
	};
	const stop = () => calls.push('stop');
	new Function('location', 'localStorage', 'navigator', 'stop', EARLY_REDIRECT)(location, localStorage, { language: browserLanguage }, stop);
	return calls;
}

describe('the redirect in <head>', () => {
	it('sends a reader who chose English from a Chinese address to the English one, stopping the Chinese page first', () => {
		expect(runEarlyRedirect('/', 'en', 'zh-CN')).toEqual(['stop', 'replace /en']);
		expect(runEarlyRedirect('/quiz?topic=syn-flood#x', 'en', 'zh-CN')).toEqual(['stop', 'replace /en/quiz?topic=syn-flood#x']);
	});

	it('leaves English addresses, and readers who chose Chinese, where they are', () => {
		expect(runEarlyRedirect('/en/quiz', 'en', 'en-US')).toEqual([]);
		expect(runEarlyRedirect('/en', null, 'en-US')).toEqual([]);
		expect(runEarlyRedirect('/quiz', 'zh', 'en-US')).toEqual([]);
	});

	it('on a first visit follows the browser: Chinese in any region stays, anything else goes to English', () => {
		expect(runEarlyRedirect('/fsm', null, 'zh-TW')).toEqual([]);
		expect(runEarlyRedirect('/fsm', null, 'zh')).toEqual([]);
		expect(runEarlyRedirect('/fsm', null, 'en-GB')).toEqual(['stop', 'replace /en/fsm']);
		expect(runEarlyRedirect('/fsm', null, 'de')).toEqual(['stop', 'replace /en/fsm']);
	});

	it('does nothing when storage is blocked', () => {
		expect(runEarlyRedirect('/', null, 'en-US', true)).toEqual([]);
	});

	it('is allowed by the CSP, with the learner mark: their hash is in script-src', () => {
		expect(EARLY_SCRIPT.startsWith(EARLY_REDIRECT) && EARLY_SCRIPT.endsWith(EARLY_LEARNER)).toBe(true);
		const hash = `'sha256-${createHash('sha256').update(EARLY_SCRIPT).digest('base64')}'`;
		const sources = (svelteConfig.kit?.csp?.directives?.['script-src'] ?? []).map((s) => `'${s}'`);
		expect(sources).toContain(hash);
	});
});

/** Runs the learner mark on a fake page; returns the <html> element's data set and what it asked of IndexedDB. */
function runLearnerMark(stored: string | null, blocked = false, existing = true, pathname = '/') {
	const dataset: Record<string, string> = {};
	const asked: string[] = [];
	const localStorage = {
		getItem(key: string) {
			if (blocked) throw new Error('SecurityError');
			return key === LEARNER_KEY ? stored : null;
		}
	};
	const request = { result: { close: () => asked.push('close') }, transaction: { abort: () => asked.push('abort') }, onupgradeneeded: () => {}, onsuccess: () => {} };
	const indexedDB = {
		open(name: string) {
			asked.push(`open ${name}`);
			queueMicrotask(() => (existing ? request.onsuccess() : request.onupgradeneeded()));
			return request;
		}
	};
	new Function('document', 'localStorage', 'indexedDB', 'location', EARLY_LEARNER)({ documentElement: { dataset } }, localStorage, indexedDB, { pathname });
	return { dataset, asked };
}

describe('the learner mark in <head>', () => {
	it('marks the page of a browser that holds answers, and no other', () => {
		expect(runLearnerMark('1').dataset).toEqual({ learner: '' });
		expect(runLearnerMark(null).dataset).toEqual({});
	});

	it("opens a learner's database early and closes it; makes none that is missing; leaves a newcomer's alone", async () => {
		const learner = runLearnerMark('1');
		const missing = runLearnerMark('1', false, false);
		const newcomer = runLearnerMark(null);
		await Promise.resolve();
		expect(learner.asked).toEqual([`open ${DB_NAME}`, 'close']);
		expect(missing.asked).toEqual([`open ${DB_NAME}`, 'abort']);
		expect(newcomer.asked).toEqual([]);
	});

	it('opens it on pages that show progress only, in either language', async () => {
		const opened = (path: string) => runLearnerMark('1', false, true, path).asked.length > 0;
		expect(['/', '/en', '/stats', '/en/study', '/quiz', '/settings'].filter(opened)).toHaveLength(6);
		expect(['/topics/handshake', '/en/topics/handshake', '/fsm', '/en/fsm/', '/capture'].filter(opened)).toEqual([]);
	});

	it('does nothing when storage is blocked', () => {
		expect(runLearnerMark('1', true)).toEqual({ dataset: {}, asked: [] });
	});
});
