/**
 * The page's side of the game worker (see summary-protocol.ts): started only when a log is big
 * enough to need it; the worker reads the log itself, so a request carries only the inputs, and of
 * overlapping requests only the latest one's answer counts.
 */
import type { PostedSummary, QuestionRef, SummaryInputs, TopicRef } from '$lib/features/game';
import { WorkerCall, type WorkerLike } from '$lib/core/worker-call';
import type { SummaryRequest } from './workers/summary-protocol';

export class GameClient {
	#worker: WorkerCall<SummaryRequest>;
	#bankSent = false;
	#latest = 0;

	constructor(start: () => WorkerLike | null = () => (typeof Worker === 'undefined' ? null : new Worker(new URL('./workers/game.worker.ts', import.meta.url), { type: 'module' }))) {
		this.#worker = new WorkerCall(start);
	}

	/** True once the worker could not start: summarize in the page instead. */
	get unavailable(): boolean {
		return this.#worker.unavailable;
	}

	/**
	 * The summary of the log as stored now, or null when a later request overtook this one. Rejects
	 * with a WorkerError when the worker cannot start (then `unavailable` is true).
	 */
	async summarize(inputs: SummaryInputs): Promise<PostedSummary | null> {
		const id = ++this.#latest;
		if (!this.#bankSent) this.#bankSent = this.#worker.post({ kind: 'bank', questions: inputs.questions as QuestionRef[], topics: inputs.topics as TopicRef[] });
		const { now, zones, goalHistory, mastery } = inputs;
		try {
			const result = await this.#worker.call<PostedSummary>({ kind: 'summary', inputs: { now, zones: [...zones], goalHistory: [...goalHistory], mastery: [...mastery] } });
			return id === this.#latest ? result : null;
		} catch (e) {
			// A failed worker is gone with what it was sent.
			this.#bankSent = false;
			throw e;
		}
	}
}
