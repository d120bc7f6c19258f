/** A static file server for a build directory on a free port: what any static host does, no more. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json'
};

export const contentType = (file: string) => TYPES[extname(file)] ?? 'application/octet-stream';

/** The file a static host answers `path` with (`/a` → `a`, `a.html` or `a/index.html`), never outside `root`. */
export function staticFile(root: string, path: string): string | undefined {
	return [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html')].find(
		(f) => f.startsWith(root) && existsSync(f) && statSync(f).isFile()
	);
}

/** On `port` (0: any free one; a fixed one keeps the origin, and so a browser profile's storage, across runs). */
export function serve(dir: string, port = 0): Promise<{ server: Server; url: string }> {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		const file = staticFile(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		if (!file) return void res.writeHead(404).end();
		res.writeHead(200, { 'Content-Type': contentType(file) });
		res.end(readFileSync(file));
	});
	return new Promise((r) => server.listen(port, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}
