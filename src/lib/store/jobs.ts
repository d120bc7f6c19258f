/**
 * Long store work — importing or exporting a backup, rebuilding the schedule cache — runs in a
 * worker with its own connection, so a five-year log never freezes the page. Where a worker cannot
 * start, the same code runs here, in slices.
 */
import { refuseBySize } from '../core/log/backup';
import { exportParts, importProgress, mergeReviews, type ImportResult } from './backup';
import type { Review } from '../core/log/review';
import type { ProgressDB } from './db';
import { rebuildSchedule } from './schedule-cache';
import { loadSettings } from './settings';
import { rebuildTotals } from './totals-cache';
import type { ZoneChange } from '../features/game/days';
import { isWorkerError, WorkerCall } from '../core/worker-call';

export type Job =
	| { kind: 'import'; file: Blob | string }
	/** Reviews from another device (sync), merged as an import merges. */
	| { kind: 'merge'; reviews: Review[] }
	| { kind: 'export'; now: number }
	| { kind: 'rebuild'; retention: number; weights?: number[] | null }
	| { kind: 'totals'; zones: ZoneChange[]; now: number };
export type JobResult<J extends Job> = J extends { kind: 'import' } ? ImportResult : J extends { kind: 'export' } ? Blob : J extends { kind: 'merge' } ? { added: number; skipped: number } : null;

/** Runs a job against an open connection: shared by the worker and the in-page fallback. */
export async function perform(db: ProgressDB, job: Job, onProgress: (fraction: number) => void): Promise<unknown> {
	const report = (done: number, total: number) => onProgress(total > 0 ? Math.min(1, done / total) : 1);
	switch (job.kind) {
		case 'import': {
			// A file far beyond any backup is refused before it is read into memory.
			const refused = typeof job.file === 'string' ? null : refuseBySize(job.file.size);
			if (refused) return refused;
			// With the learner's zones (the page keeps them in the settings), an import into a new log
			// writes the running totals too, so the page does not start a second job to read it all again.
			const [json, { zones }] = await Promise.all([typeof job.file === 'string' ? job.file : job.file.text(), loadSettings(db)]);
			return importProgress(db, json, report, { zones });
		}
		case 'merge':
			return mergeReviews(db, job.reviews, report, { zones: (await loadSettings(db)).zones });
		case 'export':
			return new Blob(await exportParts(db, job.now, report), { type: 'application/json' });
		case 'rebuild':
			await rebuildSchedule(db, job.retention, report, job.weights ?? null);
			return null;
		case 'totals':
			// The totals go back through IndexedDB: the page reads them from there (a smaller message).
			await rebuildTotals(db, job.zones, job.now, report);
			return null;
	}
}

/** The jobs worker, started by the first job (a backup or a rebuild), never on a plain visit. */
const worker = new WorkerCall<{ job: Job }>(() => (typeof Worker === 'undefined' ? null : new Worker(new URL('./jobs.worker.ts', import.meta.url), { type: 'module' })));

/** Run a job off the main thread if possible, else on `db` here; `onProgress` gets 0–1. */
export async function runJob<J extends Job>(db: ProgressDB, job: J, onProgress: (fraction: number) => void = () => {}): Promise<JobResult<J>> {
	if (!worker.unavailable) {
		try {
			return await worker.call<JobResult<J>>({ job }, onProgress);
		} catch (e) {
			// A worker that cannot load (blocked script, old browser) falls back; a real failure is reported.
			if (!isWorkerError(e)) throw e;
		}
	}
	return (await perform(db, job, onProgress)) as JobResult<J>;
}
