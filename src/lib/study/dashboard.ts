import { localDay, type Review } from '../progress';
import { newIntroducedOn, type ItemState } from '../srs';
import type { Catalog } from './catalog';
import { planFlashcards } from './sessions';

/** Days of stability at which an item counts as fully known. */
export const MASTERED_STABILITY_DAYS = 21;

export interface Dashboard {
	dueFlashcards: number;
	newAvailable: number;
	dueQuiz: number;
	reviewsToday: number;
	correctToday: number;
	/** Per topic, 0–1: average over its families of stability / 21 days, capped at 1. */
	mastery: Map<string, number>;
}

export function dashboard(catalog: Catalog, schedule: ReadonlyMap<string, ItemState>, log: readonly Review[], now: number, newPerDay: number): Dashboard {
	const today = localDay(now);
	const todays = log.filter((r) => r.kind !== 'undo' && localDay(r.at) === today);
	const plan = planFlashcards(catalog, schedule, now, newPerDay, newIntroducedOn(log, today));
	const dueQuiz = catalog.quizFamilies.filter((f) => {
		const s = schedule.get(f);
		return s && s.card.due.getTime() <= now;
	}).length;
	const mastery = new Map<string, number>();
	for (const [topic, families] of catalog.familiesByTopic) {
		const sum = families.reduce((acc, f) => acc + Math.min(1, (schedule.get(f)?.card.stability ?? 0) / MASTERED_STABILITY_DAYS), 0);
		mastery.set(topic, families.length ? sum / families.length : 0);
	}
	return {
		dueFlashcards: plan.due,
		newAvailable: plan.fresh,
		dueQuiz,
		reviewsToday: todays.length,
		correctToday: todays.filter((r) => r.correct === true || (r.rating !== undefined && r.rating >= 3)).length,
		mastery
	};
}
