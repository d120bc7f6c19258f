/**
 * Running totals of the review log: per local day (reviews, right answers, time studied, XP, when
 * each daily goal was reached) and overall (XP, sessions, how each state is answered, confusions),
 * with where scoring stands (the last review, the combo), so more reviews can be folded on later.
 *
 * They are a fold over the effective log in canonical order: `totalsOf(log)` and folding the same
 * reviews in two parts give the same totals, which is what lets the store keep them beside the log
 * (updated in the same transaction) and the page fold only the latest days on top. The statistics
 * page and the game's XP, streak, goal and quests are computed from them: see `statsFromTotals`
 * and `gameFromTotals`. Achievements still need the whole log (see summarize.ts).
 */
import { isState, STATES, type State } from '../../core/fsm/states';
import { effectiveReviews, type Review } from '../../core/log/review';
import { statesOfFamily } from '../quiz/scope';
import { addDays, type Day, type DayOf } from './days';
import { GOAL_XP, goalProgress, type Goal } from './goals';
import { levelFor } from './levels';
import { questProgressFromEvents } from './quests';
import { rightStateOf, type Confusion, type DayTally, type StateTally, type StudyStats } from './stats';
import { streakFromDays, type StudyDay } from './streak';
import type { GameSummary } from './summary';
import { SCORE_START, scoreReview, type ScoreState, type XpEvent } from './xp';

/** The daily goals a learner can set (XP): a day records when it reached each. */
export const GOAL_STEPS: readonly number[] = [...new Set(Object.values(GOAL_XP))].sort((a, b) => a - b);

export interface DayTotal extends DayTally {
	xp: number;
	firstAt: number;
	lastAt: number;
	/** When the day's XP first reached each of GOAL_STEPS, or null. */
	goalAt: (number | null)[];
}

export interface LogTotals {
	score: ScoreState;
	reviews: number;
	right: number;
	studiedMs: number;
	xp: number;
	firstAt?: number;
	days: Map<Day, DayTotal>;
	/** One per state, in the machine's order. */
	states: StateTally[];
	/** By `right>chosen`. */
	confusions: Map<string, Confusion>;
}

export function emptyTotals(): LogTotals {
	return {
		score: SCORE_START,
		reviews: 0,
		right: 0,
		studiedMs: 0,
		xp: 0,
		days: new Map(),
		states: STATES.map((state) => ({ state, answered: 0, right: 0, chosenWrongly: 0 })),
		confusions: new Map()
	};
}

/** A copy that folding into leaves the original as it was (days and tallies are copied on write). */
export function cloneTotals(t: LogTotals): LogTotals {
	return { ...t, days: new Map(t.days), states: t.states.map((s) => ({ ...s })), confusions: new Map([...t.confusions].map(([k, c]) => [k, { ...c }])) };
}

/** statesOfFamily parses an id: once per item, not once per review. */
const statesOf = new Map<string, State[]>();
function statesAbout(itemId: string): State[] {
	let about = statesOf.get(itemId);
	if (!about) statesOf.set(itemId, (about = statesOfFamily(itemId)));
	return about;
}

/**
 * Fold effective reviews (canonical order, all after the ones already folded) into `t`, in place.
 * Returns them scored, for what needs single answers (today's quests).
 */
export function foldTotals(t: LogTotals, effective: readonly Review[], dayOf: DayOf): XpEvent[] {
	const events: XpEvent[] = [];
	for (const r of effective) {
		const e = scoreReview(t.score, r);
		events.push(e);
		t.score = { prev: r, combo: e.combo, session: e.session };
		t.reviews++;
		if (e.right) t.right++;
		t.studiedMs += e.studiedMs;
		t.xp += e.xp;
		t.firstAt ??= r.at;

		const day = dayOf(r.at);
		const before = t.days.get(day);
		const d: DayTotal = before
			? { ...before, goalAt: [...before.goalAt] }
			: { day, reviews: 0, right: 0, studiedMs: 0, xp: 0, firstAt: r.at, lastAt: r.at, goalAt: GOAL_STEPS.map(() => null) };
		d.reviews++;
		if (e.right) d.right++;
		d.studiedMs += e.studiedMs;
		d.xp += e.xp;
		d.firstAt = Math.min(d.firstAt, r.at);
		d.lastAt = Math.max(d.lastAt, r.at);
		GOAL_STEPS.forEach((step, i) => {
			if (d.goalAt[i] === null && d.xp >= step) d.goalAt[i] = r.at;
		});
		t.days.set(day, d);

		for (const s of statesAbout(r.itemId)) {
			const tally = t.states[STATES.indexOf(s)]!;
			tally.answered++;
			if (e.right) tally.right++;
		}
		// A wrong pick of one state in place of another: the confusion the statistics page lists.
		const chosen = r.answer?.length === 1 ? r.answer[0]! : undefined;
		if (r.correct !== false || chosen === undefined || !isState(chosen)) continue;
		const wanted = rightStateOf(r);
		if (wanted === undefined || wanted === chosen) continue;
		t.states[STATES.indexOf(chosen)]!.chosenWrongly++;
		const key = `${wanted}>${chosen}`;
		const c = t.confusions.get(key);
		if (c) {
			c.count++;
			c.lastAt = r.at;
		} else t.confusions.set(key, { right: wanted, chosen, count: 1, lastAt: r.at });
	}
	return events;
}

/** The effective reviews from `since` on, out of the log's records from then (their undos included). */
export const effectiveReviewsAfter = (records: readonly Review[], since: number): Review[] => effectiveReviews(records.filter((r) => r.at >= since));

/** The totals of a whole log. */
export function totalsOf(log: readonly Review[], dayOf: DayOf): LogTotals {
	const t = emptyTotals();
	foldTotals(t, effectiveReviews(log), dayOf);
	return t;
}

const share = (reviews: number, right: number) => ({ reviews, right, share: reviews > 0 ? right / reviews : null });
const tally = ({ day, reviews, right, studiedMs }: DayTally): DayTally => ({ day, reviews, right, studiedMs });

/** The statistics page's figures from the totals. */
export function statsFromTotals(t: LogTotals, { now, dayOf }: { now: number; dayOf: DayOf }): StudyStats {
	const today = dayOf(now);
	const byDay = new Map<Day, DayTally>([...t.days.keys()].sort().map((day) => [day, tally(t.days.get(day)!)]));
	const last30 = Array.from({ length: 30 }, (_, i) => {
		const day = addDays(today, i - 29);
		return byDay.get(day) ?? { day, reviews: 0, right: 0, studiedMs: 0 };
	});
	const sum = (days: readonly DayTally[], f: (d: DayTally) => number) => days.reduce((acc, d) => acc + f(d), 0);
	return {
		today,
		total: { ...share(t.reviews, t.right), studiedMs: t.studiedMs, sessions: t.score.session + 1, studyDays: byDay.size, firstAt: t.firstAt },
		byDay,
		last30,
		retention30: share(
			sum(last30, (d) => d.reviews),
			sum(last30, (d) => d.right)
		),
		studied: {
			todayMs: last30[29]!.studiedMs,
			weekMs: sum(last30.slice(-7), (d) => d.studiedMs),
			monthMs: sum(last30, (d) => d.studiedMs),
			totalMs: t.studiedMs
		},
		states: t.states.map((s) => ({ ...s })),
		confusions: [...t.confusions.values()].map((c) => ({ ...c })).sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
	};
}

/** A day's moment of reaching `goal` XP; only the goals a learner can set are recorded. */
function metAt(d: DayTotal, goal: number): number | undefined {
	const i = GOAL_STEPS.indexOf(goal);
	if (i < 0) throw new RangeError(`no running total for a daily goal of ${goal} XP`);
	return d.goalAt[i] ?? undefined;
}

export type GameTotals = Omit<GameSummary, 'achievements'>;

/**
 * XP, level, today's goal, the streak and today's quests from the totals; `events` must hold every
 * review of today, scored (what `foldTotals` returned for the days folded last).
 */
export function gameFromTotals(t: LogTotals, events: readonly XpEvent[], { now, dayOf, goal }: { now: number; dayOf: DayOf; goal: Goal }): GameTotals {
	const days = [...t.days.keys()].sort().map((day): StudyDay => {
		const d = t.days.get(day)!;
		return { day, xp: d.xp, firstAt: d.firstAt, lastAt: d.lastAt, metAt: (g) => metAt(d, g) };
	});
	const streak = streakFromDays(days, { now, dayOf, goal });
	return {
		xp: t.xp,
		level: levelFor(t.xp),
		today: goalProgress(streak.todayXp, streak.todayGoal),
		streak,
		quests: questProgressFromEvents(streak.today, events, dayOf)
	};
}
