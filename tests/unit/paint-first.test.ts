import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { paintFirst } from '../../src/lib/server/paint-first';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The shape SvelteKit 2 prerenders: preloads in <head>, the boot script last in the body, its hash in the CSP. */
const BOOT = `
	{
		__sveltekit_test = { base: "" };
		const element = document.currentScript.parentElement;
		Promise.all([import("/_app/start.js"), import("/_app/app.js")]).then(([kit, app]) => {
			kit.start(app, element, { node_ids: [0, 2] });
		});
	}
`;
const page = (boot = BOOT, hash = sha256(BOOT)) => `<!doctype html><html><head>
<meta http-equiv="content-security-policy" content="script-src 'self' '${hash}'">
<link href="/_app/start.js" rel="modulepreload">
<link href="/_app/app.js" rel="modulepreload">
</head><body><div style="display: contents"><main>Text</main><script>${boot}</script></div></body></html>`;

const bootOf = (html: string) => /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;

/** Runs the rewritten boot script against a fake page; `paint()` reports the first contentful paint. */
function run(script: string, paints = true) {
	const head: { rel: string; href: string }[] = [];
	const imports: string[] = [];
	const timers: (() => void)[] = [];
	let observer: ((list: { getEntriesByName: (n: string) => unknown[] }, o: { disconnect: () => void }) => void) | null = null;
	let disconnected = false;
	class FakeObserver {
		static supportedEntryTypes = paints ? ['paint', 'longtask'] : ['longtask'];
		constructor(callback: typeof observer) {
			observer = callback;
		}
		observe() {}
	}
	const context = {
		document: {
			currentScript: { parentElement: 'the-root' },
			head: { append: (link: { rel: string; href: string }) => head.push(link) },
			createElement: () => ({})
		},
		PerformanceObserver: FakeObserver,
		setTimeout: (f: () => void) => timers.push(f),
		globalThis: {} as Record<string, unknown>
	};
	context.globalThis = context as unknown as Record<string, unknown>;
	// Dynamic import() is not available in a vm script: record the asks instead.
	runInNewContext(script.replaceAll('import(', '__import('), { ...context, __import: (u: string) => (imports.push(u), new Promise(() => {})) });
	const paint = (name: string) => observer?.({ getEntriesByName: (n) => (n === name ? [{}] : []) }, { disconnect: () => (disconnected = true) });
	return { head, imports, timers, paint, disconnected: () => disconnected };
}

describe('paintFirst', () => {
	it('moves the preloads and the boot script behind the first paint, and the CSP follows the new script', () => {
		const html = paintFirst(page(), '/');
		expect(html).not.toMatch(/<link[^>]*modulepreload/);
		expect(html).toContain('<main>Text</main>');
		const script = bootOf(html);
		expect(html).toContain(sha256(script));
		expect(html).not.toContain(sha256(BOOT));
	});

	it('asks for nothing before the first contentful paint, then for every preload and the boot imports', () => {
		const page1 = run(bootOf(paintFirst(page(), '/')));
		page1.paint('first-paint');
		expect(page1.head).toEqual([]);
		expect(page1.imports).toEqual([]);
		page1.paint('first-contentful-paint');
		expect(page1.head.map((l) => [l.rel, l.href])).toEqual([
			['modulepreload', '/_app/start.js'],
			['modulepreload', '/_app/app.js']
		]);
		expect(page1.imports).toEqual(['/_app/start.js', '/_app/app.js']);
		expect(page1.disconnected()).toBe(true);
		// The fallback timer finds it started and does nothing more.
		page1.timers.forEach((f) => f());
		expect(page1.imports).toHaveLength(2);
	});

	it('starts after 3 s without a paint (a tab opened in the background), and at once where paints are not reported', () => {
		const hidden = run(bootOf(paintFirst(page(), '/')));
		expect(hidden.imports).toEqual([]);
		hidden.timers.forEach((f) => f());
		expect(hidden.imports).toHaveLength(2);

		const old = run(bootOf(paintFirst(page(), '/')), false);
		expect(old.imports).toHaveLength(2);
	});

	it('fails the build, naming the page, when SvelteKit’s output is not the shape it expects', () => {
		expect(() => paintFirst('<html><body><script>console.log(1)</script></body></html>', '/quiz')).toThrow(/no SvelteKit boot script in \/quiz/);
		expect(() => paintFirst(page(BOOT, 'sha256-other'), '/fsm')).toThrow(/CSP of \/fsm/);
	});
});
