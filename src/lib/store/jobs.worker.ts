/// <reference lib="webworker" />
/** The worker side of jobs.ts: one connection per job, closed after it so upgrades are never blocked. */
import { openProgressDB } from './db';
import { perform, type Job } from './jobs';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', async (event: MessageEvent<{ id: number; job: Job }>) => {
	const { id, job } = event.data;
	let last = -1;
	try {
		const db = await openProgressDB();
		try {
			const result = await perform(db, job, (fraction) => {
				// A message per percent is plenty for a progress bar.
				const step = Math.floor(fraction * 100);
				if (step !== last) scope.postMessage({ id, progress: fraction });
				last = step;
			});
			scope.postMessage({ id, result });
		} finally {
			db.close();
		}
	} catch (e) {
		const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
		scope.postMessage({ id, error });
	}
});
