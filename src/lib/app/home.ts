/**
 * What home shows a learner with progress, loaded only for one (see learner.ts): a newcomer's home
 * is prerendered whole and never loads the app layer.
 */
import { dashboard, leechList, type Dashboard, type LeechEntry } from '$lib/features/study';
import { progress } from './progress.svelte';

export { progress };

/** Today's counts and each topic's mastery, once progress is in. */
export function homeDashboard(): Dashboard | null {
	if (!progress.ready || !progress.catalog) return null;
	return dashboard(progress.catalog, progress.schedule, progress.recent, Date.now(), progress.settings.dailyNew, progress.introducedToday, progress.dayOf);
}

/** The learner's leeches at their threshold (setting), most forgotten first. */
export function homeLeeches(): LeechEntry[] {
	if (!progress.ready || !progress.catalog) return [];
	return leechList(progress.catalog, progress.schedule, progress.settings.leechThreshold);
}
