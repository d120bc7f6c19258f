/**
 * The statistics page's figures, from the review log in one pass after the canonical sort: reviews,
 * right answers and time studied per local day, sessions, how each state of the machine is answered,
 * and which wrong state is picked in place of which right one.
 *
 * "Right", "session" and "time studied" are the game's own rules (`isRight`, `startsSession`,
 * `studiedIncrement`), so the page and the XP never disagree. Cram practice counts here: it is
 * practice, it only stays out of the schedule.
 */
import { upgradeEvent } from '../../core/fsm/events';
import { parseQuestionId, rowOf, transitionFamily } from '../../core/ids';
import { isState, STATES, type State } from '../../core/fsm/states';
import { TRANSITIONS } from '../../core/fsm/transitions';
import { effectiveReviews, type Review } from '../../core/log/review';
import { statesOfFamily } from '../quiz/scope';
import { addDays, type Day, type DayOf } from './days';
import { startsSession, studiedIncrement } from './sessions';
import { isRight } from './xp';

export interface DayTally {
	day: Day;
	reviews: number;
	right: number;
	studiedMs: number;
}

export interface StateTally {
	state: State;
	/** Reviews of items about this state (see `statesOfFamily`). */
	answered: number;
	right: number;
	/** Times this state was picked when another one was right. */
	chosenWrongly: number;
}

/** "You answered `chosen` when it was `right`", `count` times. */
export interface Confusion {
	right: State;
	chosen: State;
	count: number;
	lastAt: number;
}

export interface Share {
	reviews: number;
	right: number;
	/** right / reviews, or null with no reviews (no data is not 0%). */
	share: number | null;
}

export interface StudyStats {
	today: Day;
	total: Share & { studiedMs: number; sessions: number; studyDays: number; firstAt?: number };
	/** Every local day with at least one review. */
	byDay: Map<Day, DayTally>;
	/** The last 30 days, oldest first, today last; days without reviews included as zeros. */
	last30: DayTally[];
	/** Right answers and Good/Easy ratings over the last 30 days. */
	retention30: Share;
	studied: { todayMs: number; weekMs: number; monthMs: number; totalMs: number };
	/** One per state, in the machine's order. */
	states: StateTally[];
	/** Most frequent first, then most recent. */
	confusions: Confusion[];
}

export interface StatsOptions {
	now: number;
	dayOf: DayOf;
}

/** The state a transition row leads to, by its family (`t:FROM:EVENT[:cond]`); the first row wins. */
const TO_BY_FAMILY = new Map<string, State>();
for (const t of TRANSITIONS) if (!TO_BY_FAMILY.has(transitionFamily(t))) TO_BY_FAMILY.set(transitionFamily(t), t.to);

/**
 * The right answer of a question whose answer is one state, read from its id alone (no bank
 * needed): `next_state:FROM:EVENT[:cond]` and the simulator's `predict:` steps (whose item is the
 * transition's family) from the machine's table; `state_from_description:S`, `ss_name:S` and
 * `proc_code:S` name it. Undefined for every other question.
 */
export function rightStateOf(r: Pick<Review, 'questionId' | 'itemId'>): State | undefined {
	if (r.questionId === undefined) return undefined;
	// A follow-up question (`next_state:FROM:EVENT@card`) asks what its plain twin asks.
	const { kind, parts } = parseQuestionId(r.questionId);
	const rest = parts.join(':');
	switch (kind) {
		case 'next_state': {
			const row = rowOf(parts);
			// Logs from before the timers were split name `timeout`.
			return row && TO_BY_FAMILY.get(transitionFamily({ ...row, event: upgradeEvent(row.from, row.event) }));
		}
		case 'predict':
			return TO_BY_FAMILY.get(r.itemId);
		case 'state_from_description':
		case 'ss_name':
		case 'proc_code':
			return isState(rest) ? rest : undefined;
		default:
			return undefined;
	}
}

const share = (reviews: number, right: number): Share => ({ reviews, right, share: reviews > 0 ? right / reviews : null });
const emptyDay = (day: Day): DayTally => ({ day, reviews: 0, right: 0, studiedMs: 0 });

export function studyStats(log: readonly Review[], { now, dayOf }: StatsOptions): StudyStats {
	const today = dayOf(now);
	const byDay = new Map<Day, DayTally>();
	const tallies = new Map<State, StateTally>(STATES.map((state) => [state, { state, answered: 0, right: 0, chosenWrongly: 0 }]));
	// statesOfFamily parses an id: once per item, not once per review.
	const statesOf = new Map<string, State[]>();
	const confusions = new Map<string, Confusion>();
	let reviews = 0;
	let right = 0;
	let studiedMs = 0;
	let sessions = 0;
	let firstAt: number | undefined;
	let prev: Review | undefined;

	for (const r of effectiveReviews(log)) {
		const ok = isRight(r);
		const ms = studiedIncrement(prev, r);
		if (startsSession(prev, r)) sessions++;
		prev = r;
		firstAt ??= r.at;
		reviews++;
		if (ok) right++;
		studiedMs += ms;

		const day = dayOf(r.at);
		let tally = byDay.get(day);
		if (!tally) byDay.set(day, (tally = emptyDay(day)));
		tally.reviews++;
		if (ok) tally.right++;
		tally.studiedMs += ms;

		let about = statesOf.get(r.itemId);
		if (!about) statesOf.set(r.itemId, (about = statesOfFamily(r.itemId)));
		for (const s of about) {
			const t = tallies.get(s)!;
			t.answered++;
			if (ok) t.right++;
		}

		// A wrong pick of one state in place of another: the confusion the page lists.
		const chosen = r.answer?.length === 1 ? r.answer[0]! : undefined;
		if (r.correct !== false || chosen === undefined || !isState(chosen)) continue;
		const wanted = rightStateOf(r);
		if (wanted === undefined || wanted === chosen) continue;
		tallies.get(chosen)!.chosenWrongly++;
		const key = `${wanted}>${chosen}`;
		const c = confusions.get(key);
		if (c) {
			c.count++;
			c.lastAt = r.at;
		} else confusions.set(key, { right: wanted, chosen, count: 1, lastAt: r.at });
	}

	const last30 = Array.from({ length: 30 }, (_, i) => {
		const day = addDays(today, i - 29);
		return byDay.get(day) ?? emptyDay(day);
	});
	const sum = (days: readonly DayTally[], f: (d: DayTally) => number) => days.reduce((acc, d) => acc + f(d), 0);
	return {
		today,
		total: { ...share(reviews, right), studiedMs, sessions, studyDays: byDay.size, firstAt },
		byDay,
		last30,
		retention30: share(sum(last30, (d) => d.reviews), sum(last30, (d) => d.right)),
		studied: {
			todayMs: last30[29]!.studiedMs,
			weekMs: sum(last30.slice(-7), (d) => d.studiedMs),
			monthMs: sum(last30, (d) => d.studiedMs),
			totalMs: studiedMs
		},
		states: [...tallies.values()],
		confusions: [...confusions.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
	};
}
