/**
 * The long jobs: a progress figure from 0 to done and gone after (a failure too), the view read
 * again and the other tabs told only when the log changed. Runs against the real store
 * (fake-indexeddb; no Worker here, so the jobs run in the page, as where a worker cannot start),
 * with a fake clock.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importBackup, rebuildForWeights, resetAll, runShown, showMerged, type JobStatus, type JobsView } from '../../../src/lib/app/long-jobs';
import { DEFAULT_SETTINGS } from '../../../src/lib/core/log';
import { appendReviews, countReviews, openProgressDB, readSchedule } from '../../../src/lib/store';
import { card, DAY, quiz, utc } from '../game/fixtures';
import { fakeJobs } from './fake-jobs';

const now = utc(2026, 5, 10, 12);

/** A view whose `job` keeps every figure it was given. */
function jobsView(): JobsView & { figures: (JobStatus | null)[] } {
	const figures: (JobStatus | null)[] = [];
	return {
		reviews: [],
		logLoaded: false,
		recent: [],
		reviewCount: 0,
		schedule: new Map(),
		clock: 0,
		logVersion: 0,
		settings: { ...DEFAULT_SETTINGS },
		figures,
		get job() {
			return figures.at(-1) ?? null;
		},
		set job(status) {
			figures.push(status);
		}
	};
}

function jobs() {
	const view = jobsView();
	const { jobs: j, told, totals } = fakeJobs(view);
	return { j, view, told, totals };
}

describe('long jobs', () => {
	beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now }));
	afterEach(() => void vi.useRealTimers());

	it('shows a figure from 0 while a job runs and none once it ends, failed or not', async () => {
		const db = await openProgressDB('jobs-1');
		await appendReviews(db, [card(now - DAY, 'card:a', 3)]);
		const view = jobsView();
		const blob = await runShown(view, db, { kind: 'export', now });
		expect(JSON.parse(await blob.text())).toBeTruthy();
		expect(view.figures[0]).toEqual({ kind: 'export', fraction: 0 });
		expect(view.figures.slice(1, -1).every((f) => f?.kind === 'export' && f.fraction > 0 && f.fraction <= 1)).toBe(true);
		expect(view.figures.at(-1)).toBeNull();
		db.close();
		await expect(runShown(view, db, { kind: 'export', now })).rejects.toThrow();
		expect(view.job).toBeNull();
	});

	it('an import that adds records reads the view again and tells the other tabs; the same file again does neither', async () => {
		const from = await openProgressDB('jobs-2a');
		await appendReviews(from, [card(now - 3 * DAY, 'card:a', 3), quiz(now - DAY)]);
		const file = await (await runShown(jobsView(), from, { kind: 'export', now })).text();
		const db = await openProgressDB('jobs-2b');
		const { j, view, told, totals } = jobs();
		const result = await importBackup(j, db, file);
		expect(result).toMatchObject({ ok: true, added: 2 });
		expect(view).toMatchObject({ reviewCount: 2, logVersion: 1 });
		expect(view.schedule.has('card:a')).toBe(true);
		expect(totals()).not.toBeNull();
		expect(told).toEqual([{ kind: 'changed' }]);
		expect(await importBackup(j, db, file)).toMatchObject({ ok: true, added: 0 });
		expect(view.logVersion).toBe(1);
		expect(told).toHaveLength(1);
		from.close();
		db.close();
	});

	it('a pull’s records are shown and told once; nothing pulled, nothing done', async () => {
		const db = await openProgressDB('jobs-3');
		const { j, view, told } = jobs();
		await showMerged(j, db, []);
		expect(told).toEqual([]);
		const pulled = card(now - 1000, 'card:b', 3);
		await appendReviews(db, [pulled]);
		await showMerged(j, db, [pulled]);
		expect(view).toMatchObject({ recent: [pulled], reviewCount: 1, logVersion: 1 });
		expect(told).toEqual([{ kind: 'changed' }]);
		db.close();
	});

	it('new weights replay the schedule cache for them and tell the other tabs', async () => {
		const db = await openProgressDB('jobs-4');
		await appendReviews(db, [card(now - DAY, 'card:a', 3)]);
		const { j, view, told } = jobs();
		const weights = [0.3, 1.1, 3, 15, 7.2, 0.5, 1.5, 0.01, 1.5, 0.1, 1, 1.9, 0.1, 0.3, 2.3, 0.2, 3, 0.5, 0.6];
		view.settings = { ...view.settings, weights };
		expect(await readSchedule(db, view.settings.retention, weights)).toBeNull();
		await rebuildForWeights(j, db);
		expect((await readSchedule(db, view.settings.retention, weights))?.get('card:a')).toBeDefined();
		expect(view.figures.at(-1)).toBeNull();
		expect(told).toEqual([{ kind: 'changed' }]);
		db.close();
	});

	it('a reset empties the store and the view, starts the totals again and tells the other tabs', async () => {
		const db = await openProgressDB('jobs-5');
		await appendReviews(db, [card(now - DAY, 'card:a', 3)]);
		const { j, view, told, totals } = jobs();
		Object.assign(view, { reviewCount: 1, recent: [card(now - DAY, 'card:a', 3)] });
		await resetAll(j, db);
		expect(await countReviews(db)).toBe(0);
		expect(view).toMatchObject({ reviews: [], recent: [], reviewCount: 0, logVersion: 1 });
		expect(totals()?.totals).toBeDefined();
		expect(told).toEqual([{ kind: 'changed' }]);
		db.close();
	});
});
