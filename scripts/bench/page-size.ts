import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of the JS and CSS a prerendered page loads up front (scripts, preloads, styles). */
export function pageWeight(buildDir: string, page = 'index.html'): { js: number; css: number; files: number } {
	const html = readFileSync(join(buildDir, page), 'utf8');
	const refs = new Set<string>();
	for (const m of html.matchAll(/<link[^>]+href="([^"]+\.(?:js|css))"/g)) refs.add(m[1]!);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) refs.add(m[1]!);
	let js = 0;
	let css = 0;
	for (const ref of refs) {
		const size = gzipSync(readFileSync(join(buildDir, ref.replace(/^(\.\/|\/)/, '')))).length;
		if (ref.endsWith('.css')) css += size;
		else js += size;
	}
	return { js, css, files: refs.size };
}

/** Build an empty SvelteKit page with this project's own toolchain, and weigh it the same way. */
export function emptyKitWeight(): { js: number; css: number; files: number } {
	const dir = mkdtempSync(join(tmpdir(), 'empty-kit-'));
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
		writeFileSync(join(dir, 'src/routes/+page.svelte'), '<h1>Empty</h1>\n');
		execFileSync(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'silent'], { cwd: dir, stdio: 'pipe' });
		return pageWeight(join(dir, 'build'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
