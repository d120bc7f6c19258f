import { describe, expect, it } from 'vitest';
import { authHeader, backoff, checkConfig, isCspOrigin } from '../../../src/lib/features/sync/config';
import { allowOrigin } from '../../../src/lib/features/sync/csp';
import { faultOf, needsLearner } from '../../../src/lib/features/sync/status';

const base = { server: 'https://couch.example.org:6984', db: 'tcp-quest', user: 'learner', password: 'pw' };

describe('sync config', () => {
	it('accepts https anywhere and http only on this machine; the database URL carries no credentials', () => {
		const ok = checkConfig(base);
		expect(ok.ok && ok.dbUrl).toBe('https://couch.example.org:6984/tcp-quest');
		expect(ok.ok && ok.origin).toBe('https://couch.example.org:6984');
		expect(checkConfig({ ...base, server: 'http://127.0.0.1:5984' }).ok).toBe(true);
		expect(checkConfig({ ...base, server: 'http://couch.example.org' }).ok).toBe(false);
		expect(checkConfig({ ...base, server: 'https://a:b@couch.example.org' }).ok).toBe(false);
		expect(checkConfig({ ...base, db: 'Bad Name' }).ok).toBe(false);
		expect(checkConfig({ ...base, password: '' }).ok).toBe(false);
		expect(checkConfig({ ...base, server: 'not a url' }).ok).toBe(false);
	});

	it('sends the password only as a basic Authorization header', () => {
		expect(authHeader({ user: 'learner', password: 'pw' })).toBe(`Basic ${btoa('learner:pw')}`);
	});

	it('backs off from about a second to at most about five minutes', () => {
		expect(backoff(0, () => 0.5)).toBe(1000);
		expect(backoff(3, () => 0.5)).toBe(8000);
		expect(backoff(50, () => 1)).toBeLessThanOrEqual(375_000);
	});

	it('sorts faults into what the learner can act on', () => {
		expect(faultOf({ status: 401 }, true)).toBe('password');
		expect(faultOf(new TypeError('Failed to fetch'), true)).toBe('unreachable');
		expect(faultOf({ status: 500 }, false)).toBe('offline');
		expect(needsLearner('password')).toBe(true);
		expect(needsLearner('unreachable')).toBe(false);
	});
});

describe('the CSP the service worker serves', () => {
	const html = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; connect-src 'self'; img-src 'self'"></head>`;
	it('adds exactly the chosen origin to connect-src, and nothing for a hostile value', () => {
		expect(allowOrigin(html, 'https://couch.example.org:6984')).toContain(`connect-src 'self' https://couch.example.org:6984;`);
		expect(allowOrigin(html, null)).toBe(html);
		for (const bad of ["https://x.org; script-src 'unsafe-inline'", 'https://x.org/path', '*', 'javascript:x'])
			expect(isCspOrigin(bad), bad).toBe(false);
		expect(allowOrigin(html, "https://x.org; script-src *")).toBe(html);
	});
});
