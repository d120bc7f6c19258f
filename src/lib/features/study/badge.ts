/**
 * The count on the installed app's icon (navigator.setAppBadge): how many items are due for review
 * now — the flashcards and question families home counts as due — set-aside ones excluded. New
 * cards are not "due": the badge asks for reviews owed, not for new material.
 */
import type { QuestionRef } from '../game/facts';
import { isSetAside, type DayOfFn } from '../../core/srs/controls';
import { isStudied, type Schedule } from '../../core/srs/schedule';
import type { Catalog } from './catalog';

export function dueBadgeCount(catalog: Catalog<QuestionRef>, schedule: Schedule, now: number, dayOf?: DayOfFn): number {
	let count = 0;
	for (const family of new Set([...catalog.flashcardFamilies, ...catalog.quizFamilies])) {
		const state = schedule.get(family);
		if (isStudied(state) && !isSetAside(state, now, dayOf) && state.card.due.getTime() <= now) count++;
	}
	return count;
}
