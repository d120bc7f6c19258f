/**
 * Challenge rounds, recovered from the review log, so personal bests need no store of their own and
 * come back with a backup like everything else.
 *
 * How a round is written to the log: every answer of a round is a review of kind `challenge` whose
 * `session` is `challenge:<roundType>:<uuid>` (one uuid per round; the round type may itself hold
 * colons, e.g. `topic:closing`, the uuid never does). The answer's `durationMs` is how long the
 * learner took; a question whose countdown ran out is written as
 *
 *     { correct: false, durationMs: >= CHALLENGE.limitMs }          (a time-out)
 *
 * and an answer given after the limit (a race with the countdown) keeps its real `correct`: the
 * scoring reducer (`answer`) treats anything past the limit as a time-out either way. Replaying a
 * session's answers in time order through `startRound` / `answer` / `timeOut` gives the same score
 * the page showed. A round counts once it is over (lives or questions ran out); a round left
 * half-way is no result, though its answers still teach the scheduler and earn XP.
 */
import { effectiveReviews, type Review } from '../../core/log/review';
import { hash, rng, shuffle, type Random } from '../../core/random';
import type { Option, QuestionKind } from '../quiz/types';
import { CHALLENGE, answer, isOver, roundResult, startRound, timeOut, type RoundResult, type RoundState } from './challenge';

export const CHALLENGE_SESSION_PREFIX = 'challenge:';
/** The round type that draws from every topic. */
export const MIXED_ROUND = 'mixed';
const TOPIC_ROUND_PREFIX = 'topic:';

/** The round type of a round over one topic. */
export const topicRound = (topicId: string): string => `${TOPIC_ROUND_PREFIX}${topicId}`;
/** The topic of a topic round type, else undefined (a mixed round). */
export const roundTopic = (roundType: string): string | undefined =>
	roundType.startsWith(TOPIC_ROUND_PREFIX) ? roundType.slice(TOPIC_ROUND_PREFIX.length) : undefined;

/** The `session` of a round's reviews. */
export function challengeSession(roundType: string, uuid: string): string {
	if (uuid.includes(':') || uuid === '') throw new RangeError('a round id must be non-empty and hold no colon');
	return `${CHALLENGE_SESSION_PREFIX}${roundType}:${uuid}`;
}

/** The round type and id of a challenge session, or null for anything else. */
export function parseChallengeSession(session: string | undefined): { roundType: string; uuid: string } | null {
	if (!session?.startsWith(CHALLENGE_SESSION_PREFIX)) return null;
	const rest = session.slice(CHALLENGE_SESSION_PREFIX.length);
	const cut = rest.lastIndexOf(':');
	if (cut <= 0 || cut === rest.length - 1) return null;
	return { roundType: rest.slice(0, cut), uuid: rest.slice(cut + 1) };
}

/** Whether a challenge review records a time-out (see the module comment). */
export const isTimeOut = (r: Pick<Review, 'correct' | 'durationMs'>, limitMs: number = CHALLENGE.limitMs): boolean =>
	r.correct !== true && r.durationMs >= limitMs;

/** One recorded answer applied to a round: what the page does live, and the replay does later. */
export function applyAnswer(s: RoundState, r: Pick<Review, 'correct' | 'durationMs'>): RoundState {
	return isTimeOut(r, s.limitMs) ? timeOut(s) : answer(s, { correct: r.correct === true, elapsedMs: r.durationMs });
}

/**
 * Every finished challenge round in the log, by time (then id). Undone and duplicate reviews are
 * dropped first, so the result does not depend on the order the log was stored or merged in.
 */
export function roundsFromLog(log: readonly Review[]): RoundResult[] {
	const sessions = new Map<string, { roundType: string; reviews: Review[] }>();
	for (const r of effectiveReviews(log)) {
		if (r.kind !== 'challenge' || r.session === undefined) continue;
		const parsed = parseChallengeSession(r.session);
		if (!parsed) continue;
		let s = sessions.get(r.session);
		if (!s) sessions.set(r.session, (s = { roundType: parsed.roundType, reviews: [] }));
		s.reviews.push(r);
	}
	const out: RoundResult[] = [];
	for (const [id, { roundType, reviews }] of sessions) {
		let state = startRound(roundType);
		let at = 0;
		for (const r of reviews) {
			if (isOver(state)) break;
			state = applyAnswer(state, r);
			at = r.at;
		}
		if (isOver(state)) out.push(roundResult(state, id, at));
	}
	return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A question a challenge can ask: one answer or several, picked from options. */
export interface ChallengeQuestion {
	id: string;
	kind: QuestionKind;
	topic: string;
	family: string;
	options: Option[];
	answer: string[];
	multi?: boolean;
}

/** Steps to order take too long for a countdown, and flashcards have nothing to pick. */
export const inChallenges = (q: { kind: QuestionKind }): boolean => q.kind !== 'order_steps' && q.kind !== 'flashcard';

/** What a round of this type draws from: a topic round its topic's questions, a mixed round every topic's. */
export function roundPool<Q extends { kind: QuestionKind; topic: string }>(questions: readonly Q[], roundType: string): Q[] {
	const topic = roundTopic(roundType);
	return questions.filter((q) => inChallenges(q) && (topic === undefined || q.topic === topic));
}

/** Topics with enough questions for a whole round on their own, in the given order. */
export function challengeTopics<T extends { id: string }>(topics: readonly T[], questions: readonly { kind: QuestionKind; topic: string }[], size: number = CHALLENGE.questions): T[] {
	const count = new Map<string, number>();
	for (const q of questions) if (inChallenges(q)) count.set(q.topic, (count.get(q.topic) ?? 0) + 1);
	return topics.filter((t) => (count.get(t.id) ?? 0) >= size);
}

/**
 * The questions of a round, from the seed: families due for review first (most overdue first), then
 * families never seen, then the rest, one question each; if the pool has fewer families than the
 * round has questions, further questions of the same families fill it. Options come in a seeded
 * order, so a learner remembers answers and not positions. `dueAt` tells when a family is due
 * (undefined: never reviewed).
 */
export function planChallenge<Q extends ChallengeQuestion>(
	questions: readonly Q[],
	dueAt: (family: string) => number | undefined,
	now: number,
	seed: number,
	roundType: string = MIXED_ROUND,
	size: number = CHALLENGE.questions
): Q[] {
	const random: Random = rng(hash(`challenge:${seed}:${roundType}`));
	const byFamily = new Map<string, Q[]>();
	for (const q of roundPool(questions, roundType)) byFamily.set(q.family, [...(byFamily.get(q.family) ?? []), q]);
	const families = [...byFamily.keys()];
	const due = families
		.flatMap((f) => {
			const at = dueAt(f);
			return at !== undefined && at <= now ? [{ f, at }] : [];
		})
		.sort((a, b) => a.at - b.at)
		.map(({ f }) => f);
	const dueSet = new Set(due);
	const unseen = shuffle(
		families.filter((f) => dueAt(f) === undefined),
		random
	);
	const rest = shuffle(
		families.filter((f) => dueAt(f) !== undefined && !dueSet.has(f)),
		random
	);
	const order = [...due, ...unseen, ...rest];
	// Each family's questions in a seeded order; take round-robin until the round is full.
	const pools = order.map((f) => shuffle(byFamily.get(f)!, random));
	const picked: Q[] = [];
	for (let depth = 0; picked.length < size; depth++) {
		let any = false;
		for (const pool of pools) {
			const q = pool[depth];
			if (!q) continue;
			any = true;
			picked.push(q);
			if (picked.length >= size) break;
		}
		if (!any) break;
	}
	return picked.map((q) => ({ ...q, options: shuffle(q.options, rng(hash(`challenge:${seed}:${q.id}`))) }));
}
