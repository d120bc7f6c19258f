import { isOver, roundResult, startRound, type Outcome, type RoundResult, type RoundState } from './challenge';
import { applyAnswer } from './rounds';

/**
 * A challenge round as it is played, as a pure reducer: which question shows since when, the answer
 * waiting to be written, the one checked, and the result at the end. The page keeps the timers (a
 * ticker for the bar, an alarm for the time-out) and the record; every step gets the clock passed in.
 * The scoring is `applyAnswer`, the same as the replay of the log.
 */
export interface ChallengeRound<Q> {
	questions: readonly Q[];
	/** The round's session in the review log. */
	session: string;
	round: RoundState;
	index: number;
	/** When the current question showed: its countdown starts there. */
	shownAt: number;
	/** How long the answer took, once given: the countdown stops there. */
	answeredMs: number | null;
	/** The answer given, waiting to be written to the log before it is scored. */
	pending: PendingAnswer | null;
	/** The answer scored, shown with its feedback until `nextQuestion`. */
	checked: CheckedAnswer | null;
	/** This round's wrong answers and time-outs, for the end screen. */
	missed: readonly MissedAnswer<Q>[];
	/** When the last answer was written: the round's time in the results. */
	lastAt: number;
	result: RoundResult | null;
}

/** What goes to the log: a time-out is `correct: false` with at least the whole limit (see rounds.ts). */
export interface PendingAnswer {
	answer: string[];
	correct: boolean;
	durationMs: number;
}

export interface CheckedAnswer {
	outcome: Outcome;
	chosen: string[];
	points: number;
	bonus: number;
	lifeLost: boolean;
}

export interface MissedAnswer<Q> {
	question: Q;
	chosen: string[];
	outcome: Exclude<Outcome, 'right'>;
}

export function startChallenge<Q>(questions: readonly Q[], roundType: string, session: string, now: number): ChallengeRound<Q> {
	const round = startRound(roundType);
	return { questions, session, round, index: 0, shownAt: now, answeredMs: null, pending: null, checked: null, missed: [], lastAt: now, result: null };
}

export const roundQuestion = <Q>(r: ChallengeRound<Q>): Q | undefined => (r.result ? undefined : r.questions[r.index]);

/** Whether the countdown runs: a question shows and nothing is answered yet. */
export const isRunning = <Q>(r: ChallengeRound<Q>): boolean => !r.result && !r.checked && !r.pending && roundQuestion(r) !== undefined;

/** Whether the question showing is the round's last (lives or questions run out after it). */
export const isLastQuestion = <Q>(r: ChallengeRound<Q>): boolean => isOver(r.round) || r.index + 1 >= r.questions.length;

/** Time left on the countdown at `now`; frozen at the answer's time once one is given. */
export function remainingMs<Q>(r: ChallengeRound<Q>, now: number): number {
	const elapsed = r.answeredMs ?? now - r.shownAt;
	return Math.max(0, r.round.limitMs - Math.min(elapsed, r.round.limitMs));
}

/** The learner answered at `now`; `correct` is the grading's verdict. */
export function submitAnswer<Q>(r: ChallengeRound<Q>, answer: readonly string[], correct: boolean, now: number): ChallengeRound<Q> {
	if (!isRunning(r)) return r;
	return given(r, { answer: [...answer], correct, durationMs: now - r.shownAt });
}

/** The countdown ran out at `now`: what was chosen so far is written as a miss with the whole limit. */
export function runOut<Q>(r: ChallengeRound<Q>, chosen: readonly string[], now: number): ChallengeRound<Q> {
	if (!isRunning(r)) return r;
	return given(r, { answer: [...chosen], correct: false, durationMs: Math.max(r.round.limitMs, now - r.shownAt) });
}

const given = <Q>(r: ChallengeRound<Q>, pending: PendingAnswer): ChallengeRound<Q> => ({ ...r, pending, answeredMs: Math.min(pending.durationMs, r.round.limitMs) });

/** The answer waiting was written to the log at `at`: score it exactly as the replay from the log will. */
export function settleAnswer<Q>(r: ChallengeRound<Q>, at: number): ChallengeRound<Q> {
	const question = roundQuestion(r);
	if (!r.pending || question === undefined) return r;
	const { answer, correct, durationMs } = r.pending;
	const round = applyAnswer(r.round, { correct, durationMs });
	const last = round.last!;
	const missed = last.outcome === 'right' ? r.missed : [...r.missed, { question, chosen: answer, outcome: last.outcome }];
	const checked = { outcome: last.outcome, chosen: answer, points: last.points, bonus: last.bonus, lifeLost: round.lives < r.round.lives };
	return { ...r, round, pending: null, checked, missed, lastAt: at };
}

/** Leave the feedback: the next question shows at `now`, or after the last one the round is over. */
export function nextQuestion<Q>(r: ChallengeRound<Q>, now: number): ChallengeRound<Q> {
	if (!r.checked) return r;
	if (isLastQuestion(r)) return { ...r, checked: null, result: roundResult(r.round, r.session, r.lastAt) };
	return { ...r, index: r.index + 1, shownAt: now, answeredMs: null, checked: null };
}
