import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { contentType, staticFile } from '../../scripts/bench/serve';

/**
 * The built app on a port of its own, where a test can ship "the next version": after `deploy()`,
 * /service-worker.js has different bytes, so browsers find an update. (Playwright's routing does
 * not reach a service worker's own script, so the test needs its own server.)
 */
export async function serveBuild(dir = 'build') {
	const root = resolve(dir);
	let release = 0;
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const file = staticFile(root, path);
		if (!file) {
			res.writeHead(404).end();
			return;
		}
		let body: Buffer | string = readFileSync(file);
		if (path === '/service-worker.js' && release > 0) body = `${body}\n// release ${release}\n`;
		res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
		res.end(body);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		deploy: () => void release++,
		close: () =>
			new Promise<void>((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
}
