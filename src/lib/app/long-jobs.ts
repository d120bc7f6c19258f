/**
 * The long jobs — a backup's import and export, a pull's merge, the schedule's rebuild after new
 * weights, a reset — with a progress figure the pages show (`job`), the view read again after them
 * and the other tabs told.
 */
import type { Review } from '$lib/core/log';
import * as store from '$lib/store';
import type { ImportResult, Job, JobResult, ProgressDB } from '$lib/store';
import { clearView } from './log-view';
import { readTotals, reread, type OpenView, type Reading } from './opening';
import type { TabMessage } from './tab-sync';

export interface JobStatus {
	kind: Job['kind'] | 'load';
	/** 0–1. */
	fraction: number;
}

export interface JobsView extends OpenView {
	job: JobStatus | null;
}

export interface Jobs extends Reading {
	view: JobsView;
	tell: (message: TabMessage) => void;
}

/** Run a long job (off the main thread where a worker starts) with a visible progress figure. */
export async function runShown<J extends Job>(view: Pick<JobsView, 'job'>, db: ProgressDB, job: J): Promise<JobResult<J>> {
	view.job = { kind: job.kind, fraction: 0 };
	try {
		return await store.runJob(db, job, (fraction) => (view.job = { kind: job.kind, fraction }));
	} finally {
		view.job = null;
	}
}

/** Merge a backup file; the view is read again and the other tabs told only if it added records. */
export async function importBackup(jobs: Jobs, db: ProgressDB, file: Blob | string): Promise<ImportResult> {
	const result = await runShown(jobs.view, db, { kind: 'import', file });
	if (result.ok && result.added > 0) {
		await reread(jobs, db);
		jobs.tell({ kind: 'changed' });
	}
	return result;
}

/** After a pull merged `added` (`merge` jobs): the view read again, a whole log in memory taking them as they are. */
export async function showMerged(jobs: Jobs, db: ProgressDB, added: Review[]): Promise<void> {
	if (added.length === 0) return;
	await reread(jobs, db, added);
	jobs.tell({ kind: 'changed' });
}

/** New weights move every due date: the whole schedule cache is replayed, with progress, and the other tabs told. */
export async function rebuildForWeights(jobs: Jobs, db: ProgressDB): Promise<void> {
	const { retention, weights } = jobs.plain();
	await runShown(jobs.view, db, { kind: 'rebuild', retention, weights });
	jobs.tell({ kind: 'changed' });
}

/** Forget every record (settings stay); the totals start again from nothing. */
export async function resetAll(jobs: Jobs, db: ProgressDB): Promise<void> {
	await store.resetProgress(db);
	clearView(jobs.view);
	await readTotals(jobs, db);
	jobs.tell({ kind: 'changed' });
}
