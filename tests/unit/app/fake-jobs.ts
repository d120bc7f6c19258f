/** The facade's side of a long job, faked for tests: no worker, the totals kept here, the tabs' messages recorded. */
import type { Jobs, JobsView } from '../../../src/lib/app/long-jobs';
import { Outbox } from '../../../src/lib/app/outbox';
import type { TabMessage } from '../../../src/lib/app/tab-sync';
import type { StoredTotals } from '../../../src/lib/store';

export function fakeJobs(view: JobsView, totals: StoredTotals | null = null) {
	const told: TabMessage[] = [];
	const jobs: Jobs = {
		view,
		outbox: new Outbox(null, 'tab'),
		plain: () => structuredClone(view.settings),
		totals: () => totals,
		keepTotals: (stored) => void (totals = stored),
		run: async () => null,
		flush: async () => undefined,
		loadLog: async () => {},
		applyTheme: () => {},
		tell: (m) => void told.push(m)
	};
	return { jobs, told, totals: () => totals };
}
