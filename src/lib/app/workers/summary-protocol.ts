/**
 * The messages between the page and the game worker, and the worker's side as a plain function (so
 * a unit test can drive it exactly as the worker does). The worker reads the log from IndexedDB
 * itself, keeping a copy that each request brings up to date with only the pages written since:
 * the page never holds, reads or posts the whole log.
 */
import { summarize, toPosted, type PostedSummary, type QuestionRef, type SummaryInputs, type TopicRef } from '$lib/features/game';
import { LogMirror, type ProgressDB } from '$lib/store';

/** What a summary needs besides the log, as posted: the bank only once (`bank`). */
export type PostedInputs = Omit<SummaryInputs, 'questions' | 'topics' | 'mastery'> & { mastery: [string, number][] };

export type SummaryRequest = { kind: 'bank'; questions: QuestionRef[]; topics: TopicRef[] } | { kind: 'summary'; inputs: PostedInputs };

/** The worker's state and its answer to each message (a summary only for a summary request). */
export function summaryServer(open: () => Promise<ProgressDB>): (message: SummaryRequest) => Promise<PostedSummary | undefined> {
	const mirror = new LogMirror();
	let questions: QuestionRef[] = [];
	let topics: TopicRef[] = [];
	/** One request at a time: two catching up at once would both append the same pages. */
	let queue: Promise<unknown> = Promise.resolve();
	const answer = async (inputs: PostedInputs) => {
		// A connection per request, closed at once, so it never holds up another tab's upgrade.
		const db = await open();
		let log;
		try {
			log = await mirror.catchUp(db);
		} finally {
			db.close();
		}
		return toPosted(summarize(log, { ...inputs, questions, topics, mastery: new Map(inputs.mastery) }));
	};
	return (m) => {
		if (m.kind === 'bank') {
			({ questions, topics } = m);
			return Promise.resolve(undefined);
		}
		const next = queue.then(() => answer(m.inputs));
		queue = next.catch(() => {});
		return next;
	};
}
