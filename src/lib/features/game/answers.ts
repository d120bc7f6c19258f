/**
 * The one count of answers. Every figure a learner reads ("answers today" on home, the daily
 * quests, the statistics, the number in settings) counts the log with undos applied
 * (`effectiveReviews`) and "right" as the game scores it (`isRight`), so an undone answer leaves
 * every figure at once and no two pages disagree.
 */
import { effectiveReviews, isControl, type Review } from '../../core/log/review';
import type { Day, DayOf } from './days';
import { isRight } from './xp';

export interface AnswerCount {
	answers: number;
	/** Right answers and flashcards rated Good or Easy. */
	right: number;
}

/** Answers given on `day`, after undos. */
export function answersOn(log: readonly Review[], day: Day, dayOf: DayOf): AnswerCount {
	let answers = 0;
	let right = 0;
	for (const r of effectiveReviews(log)) {
		if (dayOf(r.at) !== day) continue;
		answers++;
		if (isRight(r)) right++;
	}
	return { answers, right };
}

export interface LogCount {
	/** Everything stored: answers, undone answers and the undo records themselves. */
	records: number;
	/** What counts: the answers left after undos. */
	answers: number;
	undos: number;
}

/** The log's size as records and as answers (no sort: cheap enough for any log). */
export function countLog(log: readonly Review[]): LogCount {
	const undone = new Set<string>();
	let undos = 0;
	for (const r of log) {
		if (r.kind !== 'undo') continue;
		undos++;
		if (r.undoes !== undefined) undone.add(r.undoes);
	}
	const answered = new Set<string>();
	for (const r of log) if (r.kind !== 'undo' && !isControl(r) && !undone.has(r.id)) answered.add(r.id);
	return { records: log.length, answers: answered.size, undos };
}
