/**
 * The messages between the page and the game worker, and the worker's side as a plain function (so
 * a unit test can drive it exactly as the worker does). The worker reads the log from IndexedDB
 * itself, keeping a copy that each request brings up to date with only the pages written since:
 * the page never holds, reads or posts the whole log.
 */
import { summarizeGame, summaryStats, toPosted, type PostedSummary, type QuestionRef, type RoundResult, type StudyStats, type SummaryInputs, type TopicRef } from '$lib/features/game';
import { LogMirror, type ProgressDB } from '$lib/store';

/** What a summary needs besides the log, as posted: the bank only once (`bank`). */
export type PostedInputs = Omit<SummaryInputs, 'questions' | 'topics' | 'mastery'> & { mastery: [string, number][] };

/**
 * `lean`: the page keeps its own statistics (the running totals) and the rounds of the last
 * reply. Five years of them are thousands of days and rounds that the page would take in (on its
 * main thread) after every answer for nothing.
 */
export type SummaryRequest = { kind: 'bank'; questions: QuestionRef[]; topics: TopicRef[] } | { kind: 'summary'; inputs: PostedInputs; lean?: boolean };

/** A summary as posted: to a lean request without statistics, and without rounds (null) when they are the last reply's. */
export type SummaryReply = Omit<PostedSummary, 'stats' | 'rounds'> & { stats: StudyStats | null; rounds: RoundResult[] | null };

/** A reply with its rounds put back (the page's side keeps the last ones it was sent). */
export type ReceivedSummary = Omit<PostedSummary, 'stats'> & { stats: StudyStats | null };

/** Rounds are only ever added (the log is append-only) or, after an undo or a reset, dropped: their count and last id tell a change. */
const roundsKey = (rounds: readonly RoundResult[]) => `${rounds.length} ${rounds.at(-1)?.id ?? ''} ${rounds.at(-1)?.at ?? ''}`;

/** The worker's state and its answer to each message (a summary only for a summary request). */
export function summaryServer(open: () => Promise<ProgressDB>): (message: SummaryRequest) => Promise<SummaryReply | undefined> {
	const mirror = new LogMirror();
	let questions: QuestionRef[] = [];
	let topics: TopicRef[] = [];
	/** The rounds of the last reply, as the page holds them. */
	let sentRounds: string | null = null;
	/** One request at a time: two catching up at once would both append the same pages. */
	let queue: Promise<unknown> = Promise.resolve();
	const answer = async (inputs: PostedInputs, lean: boolean): Promise<SummaryReply> => {
		// A connection per request, closed at once, so it never holds up another tab's upgrade.
		const db = await open();
		let log;
		try {
			log = await mirror.catchUp(db);
		} finally {
			db.close();
		}
		const posted = toPosted(summarizeGame(log, { ...inputs, questions, topics, mastery: new Map(inputs.mastery) }));
		const key = roundsKey(posted.rounds);
		const unchanged = key === sentRounds;
		sentRounds = key;
		if (!lean) return { ...posted, stats: summaryStats(log, inputs) };
		return { ...posted, stats: null, rounds: unchanged ? null : posted.rounds };
	};
	return (m) => {
		if (m.kind === 'bank') {
			({ questions, topics } = m);
			return Promise.resolve(undefined);
		}
		const next = queue.then(() => answer(m.inputs, m.lean ?? false));
		queue = next.catch(() => {});
		return next;
	};
}
