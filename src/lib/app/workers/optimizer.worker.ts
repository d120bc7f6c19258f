/// <reference lib="webworker" />
/**
 * The optimizer's worker: started only when the learner presses "Optimize" on /settings, so no
 * page downloads fsrs-browser (1.7 MB of wasm) until then. It runs in a worker also because the
 * pages' CSP forbids compiling wasm; a worker served from our origin has no CSP of its own.
 * Single-threaded: rayon's thread pool needs cross-origin isolation, which a static host cannot
 * promise.
 */
import { learnerDay } from '$lib/features/game/days';
import { trainingCount } from '$lib/core/srs';
import { openProgressDB } from '$lib/store';
import { optimize, prepare, type FsrsWasm } from '../optimize';
import { requestedLog } from './optimizer-log';
import type { OptimizeReply, OptimizeRequest } from './optimizer-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: OptimizeReply) => scope.postMessage(message);

/** The wasm module, fetched with byte progress (it is the one big download). */
async function loadWasm(wasmUrl: string): Promise<FsrsWasm> {
	const fsrs = await import('fsrs-browser');
	const response = await fetch(wasmUrl);
	if (!response.ok || !response.body) throw new Error(`optimizer download failed (${response.status})`);
	const total = Number(response.headers.get('content-length')) || 0;
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let received = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		received += value.length;
		if (total > 0) reply({ kind: 'phase', phase: 'load', fraction: Math.min(1, received / total) });
	}
	const bytes = new Uint8Array(received);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.length;
	}
	await fsrs.default({ module_or_path: bytes });
	return fsrs as unknown as FsrsWasm;
}

scope.addEventListener('message', async (event: MessageEvent<OptimizeRequest>) => {
	try {
		const { kind, zones, current, wasm: wasmUrl } = event.data;
		if (kind === 'optimize') reply({ kind: 'phase', phase: 'prepare', fraction: 0 });
		const histories = prepare(await requestedLog(event.data, () => openProgressDB()), learnerDay(zones));
		if (kind === 'count') return reply({ kind: 'count', samples: trainingCount(histories) });
		reply({ kind: 'phase', phase: 'load', fraction: 0 });
		const wasm = await loadWasm(wasmUrl);
		const result = optimize(wasm, histories, current, (phase) => reply({ kind: 'phase', phase, fraction: 0 }));
		reply({ kind: 'done', result });
	} catch (e) {
		reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
	}
});
