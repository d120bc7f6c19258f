/**
 * The page's side of the game worker (see summary-protocol.ts): started only when a log is big
 * enough to need it, handed only what it lacks of the log, and asked for summaries of which only
 * the latest counts.
 */
import type { PostedSummary, QuestionRef, SummaryInputs, TopicRef } from '$lib/game';
import type { Review } from '$lib/progress';
import { WorkerCall, type WorkerLike } from '$lib/workers/call';
import { catchUp, type SummaryRequest } from './summary-protocol';

/** Between slices of a big log the page gets a turn. */
const turn = () => new Promise((r) => setTimeout(r, 0));

export class GameClient {
	#worker: WorkerCall<SummaryRequest>;
	/** The log as last handed over, and the latest request. */
	#sent: Review[] = [];
	#latest = 0;
	#posting: Promise<unknown> = Promise.resolve();

	constructor(start: () => WorkerLike | null = () => (typeof Worker === 'undefined' ? null : new Worker(new URL('./game.worker.ts', import.meta.url), { type: 'module' }))) {
		this.#worker = new WorkerCall(start);
	}

	/** True once the worker could not start: summarize in the page instead. */
	get unavailable(): boolean {
		return this.#worker.unavailable;
	}

	/**
	 * The summary of `log`, or null when a later request overtook this one. Rejects with a
	 * WorkerError when the worker cannot start (then `unavailable` is true).
	 */
	async summarize(log: Review[], inputs: SummaryInputs): Promise<PostedSummary | null> {
		const id = ++this.#latest;
		const messages = catchUp(this.#sent, log, { questions: inputs.questions as QuestionRef[], topics: inputs.topics as TopicRef[] });
		this.#sent = log;
		const { now, zones, goalHistory, mastery } = inputs;
		const asked = this.#posting.then(async () => {
			for (const message of messages) {
				this.#worker.post(message);
				if (message.kind === 'append') await turn();
			}
			return this.#worker.call<PostedSummary>({ kind: 'summary', inputs: { now, zones: [...zones], goalHistory: [...goalHistory], mastery: [...mastery] } });
		});
		this.#posting = asked.catch(() => {
			// The worker failed: whatever it was sent is lost with it.
			this.#sent = [];
		});
		const result = await asked;
		return id === this.#latest ? result : null;
	}
}
