import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The mark the hydrated empty page sets when it shows its element. */
export const KIT_HYDRATED = 'kit:hydrated';

/** The empty page, and the same page showing one element once hydrated (the floor of a cold open's time). */
const PAGES = {
	empty: '<h1>Empty</h1>\n',
	// The mark times the frame that first draws the element, for a browser nothing watches while it loads (bare.ts).
	hydrated:
		"<script>import { onMount } from 'svelte'; let on = $state(false); onMount(() => { on = true; requestAnimationFrame(() => performance.mark('" + KIT_HYDRATED + "')); });</script>\n<h1>Empty</h1>{#if on}<p data-testid=\"hydrated\">hydrated</p>{/if}\n"
};

/** Build an empty SvelteKit page with this project's own toolchain; returns its build directory. */
export function buildEmptyKit(page: keyof typeof PAGES = 'empty'): { buildDir: string; dispose: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'empty-kit-'));
	const dispose = () => rmSync(dir, { recursive: true, force: true });
	try {
		mkdirSync(join(dir, 'src/routes'), { recursive: true });
		symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
		writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
		writeFileSync(
			join(dir, 'svelte.config.js'),
			"import adapter from '@sveltejs/adapter-static';\nexport default { kit: { adapter: adapter() } };\n"
		);
		writeFileSync(join(dir, 'vite.config.js'), "import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n");
		writeFileSync(join(dir, 'src/app.html'), '<!doctype html><html><head>%sveltekit.head%</head><body><div>%sveltekit.body%</div></body></html>');
		writeFileSync(join(dir, 'src/routes/+layout.js'), 'export const prerender = true;\n');
		writeFileSync(join(dir, 'src/routes/+page.svelte'), PAGES[page]);
		execFileSync(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'silent'], { cwd: dir, stdio: 'pipe' });
		return { buildDir: join(dir, 'build'), dispose };
	} catch (error) {
		dispose();
		throw error;
	}
}
