/**
 * Experience points, derived from the review log and nothing else, so the total is the same on every
 * device and after every merge. Harder kinds of question earn more; a miss still earns a little,
 * because showing up is what we want to reward; answering fast earns nothing extra.
 */
import { effectiveReviews, type Review } from '../../core/log/review';
import { QUESTION_KINDS, type QuestionKind } from '../quiz/types';
import type { Day, DayOf } from './days';
import { startsSession, studiedIncrement } from './sessions';
import { parseQuestionId } from '../../core/ids';

/**
 * XP for a right answer, by kind. Recognising a name or a number is cheap; working out a
 * transition more; reading an `ss` listing, a capture, a scenario or a whole sequence the most.
 */
export const XP_TABLE: Readonly<Record<QuestionKind, number>> = Object.freeze({
	flashcard: 2,
	state_side: 3,
	ss_name: 3,
	proc_code: 3,
	param_meaning: 3,
	param_from_meaning: 3,
	next_state: 4,
	segment_sent: 4,
	event_between: 4,
	state_from_description: 4,
	param_default: 4,
	duration: 5,
	scenario: 6,
	ss_fix: 6,
	ss_diagnosis: 7,
	capture: 7,
	order_steps: 8
});
/** For a review whose question kind cannot be told (an old or foreign record). */
export const XP_UNKNOWN_KIND = 3;
/** A wrong answer, a flashcard rated Again or Hard: effort counts. */
export const XP_EFFORT = 1;
/** +1 XP for every 5 right answers in a row within a session, at most +3 per answer. */
export const COMBO = Object.freeze({ every: 5, maxBonus: 3 });

/** The question kind, from the question id's prefix (`next_state:…`), else from the review kind. */
export function questionKindOf(r: Review): QuestionKind | undefined {
	const prefix = r.questionId === undefined ? undefined : parseQuestionId(r.questionId).kind;
	// The simulator's predict step asks which state a side enters next: the same skill as next_state.
	if (prefix === 'predict') return 'next_state';
	if (prefix && (QUESTION_KINDS as readonly string[]).includes(prefix)) return prefix as QuestionKind;
	return r.kind === 'flashcard' ? 'flashcard' : undefined;
}

/** Right: a correct answer, or a flashcard the learner rated Good or Easy. */
export const isRight = (r: Review): boolean => r.correct === true || (r.rating ?? 0) >= 3;

export const comboBonus = (combo: number): number => Math.min(COMBO.maxBonus, Math.floor(combo / COMBO.every));

/** One effective review with what the game makes of it. */
export interface XpEvent {
	review: Review;
	kind: QuestionKind | undefined;
	right: boolean;
	/** Right answers in a row so far in this session, this one included; 0 after a miss. */
	combo: number;
	base: number;
	bonus: number;
	/** `base + bonus`, halved (rounded up) for cram. */
	xp: number;
	/** Index of the session this review belongs to, counting from 0. */
	session: number;
	/** Study time this review adds (see `studiedIncrement`). */
	studiedMs: number;
}

/** Where scoring stands after some reviews: enough to score the next one (see `scoreReview`). */
export interface ScoreState {
	prev?: Review;
	combo: number;
	/** Index of the current session; -1 before the first review. */
	session: number;
}

export const SCORE_START: ScoreState = Object.freeze({ combo: 0, session: -1 });

/** The next effective review scored after `state`: the one rule for XP, combos and sessions. */
export function scoreReview({ prev, combo, session }: ScoreState, r: Review): XpEvent {
	if (startsSession(prev, r)) {
		session++;
		combo = 0;
	}
	const kind = questionKindOf(r);
	const right = isRight(r);
	combo = right ? combo + 1 : 0;
	const base = right ? (kind ? XP_TABLE[kind] : XP_UNKNOWN_KIND) : XP_EFFORT;
	const bonus = right ? comboBonus(combo) : 0;
	const xp = r.cram ? Math.ceil((base + bonus) / 2) : base + bonus;
	return { review: r, kind, right, combo, base, bonus, xp, session, studiedMs: studiedIncrement(prev, r) };
}

/** Effective reviews (already in canonical order) scored from `state` on. */
export function scoreFrom(state: ScoreState, effective: readonly Review[]): XpEvent[] {
	const out: XpEvent[] = [];
	let s = state;
	for (const r of effective) {
		const e = scoreReview(s, r);
		out.push(e);
		s = { prev: r, combo: e.combo, session: e.session };
	}
	return out;
}

/** The log scored in its canonical order (by time, then id), after undos. */
export function xpEvents(log: readonly Review[]): XpEvent[] {
	return scoreFrom(SCORE_START, effectiveReviews(log));
}

/** Total XP of a log. */
export const xpOf = (log: readonly Review[]): number => xpEvents(log).reduce((sum, e) => sum + e.xp, 0);

/** XP earned on each local day. */
export function xpByDay(log: readonly Review[], dayOf: DayOf): Map<Day, number> {
	const out = new Map<Day, number>();
	for (const e of xpEvents(log)) {
		const day = dayOf(e.review.at);
		out.set(day, (out.get(day) ?? 0) + e.xp);
	}
	return out;
}
