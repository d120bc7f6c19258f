/**
 * The messages between the page and the game worker, and the worker's side as a plain function
 * (so a unit test can drive it exactly as the worker does). The log travels in slices and only
 * what the worker lacks of it; a summary is asked for with a call (see workers/call.ts), and the
 * page keeps only the latest one's answer.
 */
import { summarize, toPosted, type PostedSummary, type QuestionRef, type SummaryInputs, type TopicRef } from '$lib/game';
import type { Review } from '$lib/progress';

export type SummaryRequest =
	| { kind: 'bank'; questions: QuestionRef[]; topics: TopicRef[] }
	| { kind: 'reset' }
	| { kind: 'append'; reviews: Review[] }
	| { kind: 'summary'; inputs: Omit<SummaryInputs, 'questions' | 'topics' | 'mastery'> & { mastery: [string, number][] } };

/** Reviews per message when handing the log over. */
export const POST_SLICE = 10_000;

/** The worker's state and its answer to each message (a summary only for a summary request). */
export function summaryServer(): (message: SummaryRequest) => PostedSummary | undefined {
	let log: Review[] = [];
	let questions: QuestionRef[] = [];
	let topics: TopicRef[] = [];
	return (m) => {
		switch (m.kind) {
			case 'bank':
				({ questions, topics } = m);
				return;
			case 'reset':
				log = [];
				return;
			case 'append':
				for (const r of m.reviews) log.push(r);
				return;
			case 'summary': {
				const summary = summarize(log, { ...m.inputs, questions, topics, mastery: new Map(m.inputs.mastery) });
				return toPosted(summary);
			}
		}
	};
}

/** The messages that bring a worker which has seen `sent` up to `log`, in order (the bank first for a fresh worker). */
export function catchUp(sent: readonly Review[], log: readonly Review[], bank: { questions: QuestionRef[]; topics: TopicRef[] }): SummaryRequest[] {
	const extends_ = sent.length > 0 && log.length >= sent.length && log[sent.length - 1] === sent.at(-1);
	const from = extends_ ? sent.length : 0;
	const messages: SummaryRequest[] = [];
	if (sent.length === 0) messages.push({ kind: 'bank', ...bank });
	if (from === 0) messages.push({ kind: 'reset' });
	for (let i = from; i < log.length; i += POST_SLICE) messages.push({ kind: 'append', reviews: log.slice(i, i + POST_SLICE) });
	return messages;
}
