/**
 * Long store work — importing or exporting a backup, rebuilding the schedule cache — runs in a
 * worker with its own connection, so a five-year log never freezes the page. Where a worker cannot
 * start, the same code runs here, in slices.
 */
import { refuseBySize } from '../progress/backup';
import { exportParts, importProgress, type ImportResult } from './backup';
import type { ProgressDB } from './db';
import { rebuildSchedule } from './schedule-cache';

export type Job = { kind: 'import'; file: Blob | string } | { kind: 'export'; now: number } | { kind: 'rebuild'; retention: number; weights?: number[] | null };
export type JobResult<J extends Job> = J extends { kind: 'import' } ? ImportResult : J extends { kind: 'export' } ? Blob : null;

type Reply = { id: number; progress: number } | { id: number; result: unknown } | { id: number; error: { name: string; message: string } };

/** Runs a job against an open connection: shared by the worker and the in-page fallback. */
export async function perform(db: ProgressDB, job: Job, onProgress: (fraction: number) => void): Promise<unknown> {
	const report = (done: number, total: number) => onProgress(total > 0 ? Math.min(1, done / total) : 1);
	switch (job.kind) {
		case 'import': {
			if (typeof job.file === 'string') return importProgress(db, job.file, report);
			// A file far beyond any backup is refused before it is read into memory.
			const refused = refuseBySize(job.file.size);
			if (refused) return refused;
			return importProgress(db, await job.file.text(), report);
		}
		case 'export':
			return new Blob(await exportParts(db, job.now, report), { type: 'application/json' });
		case 'rebuild':
			await rebuildSchedule(db, job.retention, report, job.weights ?? null);
			return null;
	}
}

let worker: Worker | null | undefined;
let nextId = 0;

function startWorker(): Worker | null {
	if (worker !== undefined) return worker;
	try {
		worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./jobs.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		worker = null;
	}
	return worker;
}

function inWorker<J extends Job>(w: Worker, job: J, onProgress: (fraction: number) => void): Promise<JobResult<J>> {
	const id = ++nextId;
	return new Promise((resolve, reject) => {
		const onMessage = (event: MessageEvent<Reply>) => {
			const reply = event.data;
			if (reply.id !== id) return;
			if ('progress' in reply) return onProgress(reply.progress);
			w.removeEventListener('message', onMessage);
			w.removeEventListener('error', onError);
			if ('error' in reply) reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
			else resolve(reply.result as JobResult<J>);
		};
		const onError = (event: ErrorEvent) => {
			w.removeEventListener('message', onMessage);
			w.removeEventListener('error', onError);
			event.preventDefault();
			reject(Object.assign(new Error(event.message || 'worker failed'), { name: 'WorkerError' }));
		};
		w.addEventListener('message', onMessage);
		w.addEventListener('error', onError);
		w.postMessage({ id, job });
	});
}

/** Run a job off the main thread if possible, else on `db` here; `onProgress` gets 0–1. */
export async function runJob<J extends Job>(db: ProgressDB, job: J, onProgress: (fraction: number) => void = () => {}): Promise<JobResult<J>> {
	const w = startWorker();
	if (w) {
		try {
			return await inWorker(w, job, onProgress);
		} catch (e) {
			// A worker that cannot load (blocked script, old browser) falls back; a real failure is reported.
			if (!(e instanceof Error) || e.name !== 'WorkerError') throw e;
			w.terminate();
			worker = null;
		}
	}
	return (await perform(db, job, onProgress)) as JobResult<J>;
}
