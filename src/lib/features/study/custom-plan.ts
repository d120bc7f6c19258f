/**
 * Custom study on /study: the flashcards of review ahead, of today's forgotten cards, or of N more
 * new cards of one topic (the queues in srs/custom-study.ts), as the session's cards. Every rating
 * in such a session is an ordinary review at its real time: FSRS alone decides what it does.
 */
import type { QuestionRef } from '../game/facts';
import type { Review } from '../../core/log/review';
import type { DayOfFn } from '../../core/srs/controls';
import { forgottenOn, moreNewQueue, reviewAheadQueue } from '../../core/srs/custom-study';
import type { Schedule } from '../../core/srs/schedule';
import type { Catalog } from './catalog';

export type CustomStudy = { kind: 'ahead'; days: number } | { kind: 'forgotten' } | { kind: 'more-new'; topic: string; count: number };

export function planCustom<Q extends QuestionRef>(catalog: Catalog<Q>, schedule: Schedule, log: readonly Review[], study: CustomStudy, now: number, dayOf: DayOfFn): Q[] {
	const pool = study.kind === 'more-new' ? (catalog.topicFlashcards.get(study.topic) ?? []) : catalog.flashcards;
	const byFamily = new Map(pool.map((q) => [q.family, q]));
	const families = [...byFamily.keys()];
	const ids =
		study.kind === 'ahead'
			? reviewAheadQueue(families, schedule, now, study.days, dayOf)
			: study.kind === 'forgotten'
				? forgottenOn(log, families, schedule, dayOf(now), now, dayOf)
				: moreNewQueue(families, schedule, study.count, now, dayOf);
	return ids.map((id) => byFamily.get(id)!);
}
