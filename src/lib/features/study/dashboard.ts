import { answersOn } from '../game/answers';
import type { DayOf } from '../game/days';
import { localDay, type Review } from '../../core/log';
import { introducedOn, isSetAside, isStudied, type ItemState } from '../../core/srs';
import type { QuestionRef } from '../game/facts';
import type { Catalog } from './catalog';
import { planFlashcards } from './sessions';

/** Days of stability at which an item counts as fully known. */
export const MASTERED_STABILITY_DAYS = 21;

/** Mastery of a set of families, 0–1: the average of stability / 21 days, capped at 1 (0 if none). */
export function meanMastery(schedule: ReadonlyMap<string, ItemState>, families: readonly string[]): number {
	const sum = families.reduce((acc, f) => acc + Math.min(1, (schedule.get(f)?.card.stability ?? 0) / MASTERED_STABILITY_DAYS), 0);
	return families.length ? sum / families.length : 0;
}

/** Per topic, over all its families (flashcards and quizzes together). */
export function topicMastery(catalog: Catalog<QuestionRef>, schedule: ReadonlyMap<string, ItemState>): Map<string, number> {
	return new Map([...catalog.familiesByTopic].map(([topic, families]) => [topic, meanMastery(schedule, families)]));
}

export interface Dashboard {
	dueFlashcards: number;
	newAvailable: number;
	dueQuiz: number;
	/** Today's answers after undos, and the right ones among them (see `answersOn`). */
	reviewsToday: number;
	correctToday: number;
	/** Per topic, 0–1: average over its families of stability / 21 days, capped at 1. */
	mastery: Map<string, number>;
}

/**
 * `log` needs only to cover today; `introducedToday` (see introducedOn) saves a pass over the
 * schedule when the caller already knows it. `dayOf`
 * is the learner's day: the answers and the new-card quota count the same day (see `learnerDay`).
 */
export function dashboard(
	catalog: Catalog<QuestionRef>,
	schedule: ReadonlyMap<string, ItemState>,
	log: readonly Review[],
	now: number,
	newPerDay: number,
	introducedToday?: number,
	dayOf: DayOf = localDay
): Dashboard {
	const answered = answersOn(log, dayOf(now), dayOf);
	const plan = planFlashcards(catalog, schedule, now, newPerDay, introducedToday ?? introducedOn(schedule, dayOf(now), catalog.flashcardFamilies, dayOf));
	const dueQuiz = catalog.quizFamilies.filter((f) => {
		const s = schedule.get(f);
		return isStudied(s) && !isSetAside(s, now, dayOf) && s.card.due.getTime() <= now;
	}).length;
	const mastery = topicMastery(catalog, schedule);
	return {
		dueFlashcards: plan.due,
		newAvailable: plan.fresh,
		dueQuiz,
		reviewsToday: answered.answers,
		correctToday: answered.right,
		mastery
	};
}
