/// <reference lib="webworker" />
/** The worker side of jobs.ts: one connection per job, closed after it so upgrades are never blocked. */
import { serve } from '../core/worker-call';
import { openProgressDB } from './db';
import { perform, type Job } from './jobs';

serve<{ job: Job }>(self as unknown as DedicatedWorkerGlobalScope, async ({ job }, progress) => {
	const db = await openProgressDB();
	try {
		return await perform(db, job, progress);
	} finally {
		db.close();
	}
});
