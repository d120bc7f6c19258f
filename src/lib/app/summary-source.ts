/**
 * Where the whole-log summary (achievements, challenge bests) comes from: summed up in the page for
 * a small log, by the game worker for a big one (it reads the log from IndexedDB itself, so the page
 * never holds it), and in the page again when the worker cannot start.
 */
import { fromPosted, historyEndingOn, summarize, type DayOf, type GoalChange, type QuestionRef, type StudyStats, type Summary, type SummaryInputs, type TopicRef } from '$lib/features/game';
import type { Review, Settings } from '$lib/core/log';
import type { ItemState } from '$lib/core/srs';
import type { Catalog } from '$lib/features/study/catalog';
import { dashboard } from '$lib/features/study/dashboard';
import { isWorkerError } from '$lib/core/worker-call';
import type { GameClient } from './game-client';

/** Above this many reviews the achievements are summed up in the game worker and caches rebuilt in the jobs worker (a log this size replays in ~10 ms). */
export const BIG_LOG = 2_000;

/** A big log is summed up in the worker, unless there is no store for it to read or it failed to start. */
export const inWorker = (reviewCount: number, stored: boolean, workerFailed: boolean): boolean => reviewCount > BIG_LOG && stored && !workerFailed;

/** The goal history, made to end on the current setting (see historyEndingOn). */
export function goalHistoryAt(settings: Pick<Settings, 'goalHistory' | 'goal'>, dayOf: DayOf, now: number): readonly GoalChange[] {
	return historyEndingOn(settings.goalHistory, settings.goal, dayOf(now));
}

/** What the summary reads of the facade. */
export interface SummarySource {
	ready: boolean;
	catalog: Catalog<QuestionRef> | null;
	logLoaded: boolean;
	clock: number;
	schedule: ReadonlyMap<string, ItemState>;
	recent: readonly Review[];
	settings: Settings;
	introducedToday: number;
	dayOf: DayOf;
}

/** What the summary needs besides the log, once the whole log is in (or the worker reads it). The zones and goal history are the settings' own: copy them before posting. */
export function summaryInputs(source: SummarySource, worker: boolean): SummaryInputs | null {
	const catalog = source.catalog;
	if (!source.ready || !catalog || !(source.logLoaded || worker)) return null;
	const now = source.clock;
	const { mastery } = dashboard(catalog, source.schedule, source.recent, now, source.settings.dailyNew, source.introducedToday, source.dayOf);
	return { now, zones: source.settings.zones, goalHistory: goalHistoryAt(source.settings, source.dayOf, now), questions: catalog.data.questions, topics: catalog.data.topics, mastery };
}

/** The summary summed up in the page, once the log and the inputs are in. */
export const pageSummary = (log: readonly Review[], inputs: SummaryInputs | null): Summary | null => inputs && summarize(log, inputs);

/** A summary from the worker: without statistics when the page asked for a lean one. */
export type WorkerSummary = Omit<Summary, 'stats'> & { stats: StudyStats | null };

/**
 * The worker's summary (`lean`: see GameClient); null when a later request overtook this one or the
 * bank is gone, 'failed' when the worker cannot start (the page sums up instead). Other errors are thrown.
 */
export async function workerSummary(game: Pick<GameClient, 'summarize'>, inputs: SummaryInputs, topics: () => readonly TopicRef[] | undefined, lean = false): Promise<WorkerSummary | null | 'failed'> {
	try {
		const posted = await game.summarize(inputs, lean);
		const known = topics();
		return posted && known ? fromPosted(posted, known) : null;
	} catch (e) {
		if (isWorkerError(e)) return 'failed';
		throw e;
	}
}
