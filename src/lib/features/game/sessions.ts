/**
 * Study sessions, recovered from the log alone: reviews closer together than 30 minutes belong to
 * one sitting. Combos live within a session, and "time studied" is measured inside sessions.
 */
import type { Review } from '../../core/log/review';

/** A pause longer than this ends a session (and a combo). */
export const SESSION_GAP_MS = 30 * 60_000;
/**
 * Time studied counts the gap between two answers, but at most this much of it: beyond two minutes
 * the learner was probably away, and an open tab must not count as study.
 */
export const IDLE_CAP_MS = 2 * 60_000;

/** Whether `r` starts a new session after `prev` (the review before it in log order). */
export const startsSession = (prev: Review | undefined, r: Review): boolean => prev === undefined || r.at - prev.at > SESSION_GAP_MS;

/** The study time `r` adds: the time its question was shown for the first of a session, else the gap since `prev`. */
export function studiedIncrement(prev: Review | undefined, r: Review): number {
	const raw = startsSession(prev, r) ? r.durationMs : r.at - prev!.at;
	return Math.max(0, Math.min(IDLE_CAP_MS, raw));
}
