/**
 * The page's side of the game worker (see summary-protocol.ts): started only when a log is big
 * enough to need it; the worker reads the log itself, so a request carries only the inputs, and of
 * overlapping requests only the latest one's answer counts.
 */
import type { QuestionRef, RoundResult, SummaryInputs, TopicRef } from '$lib/features/game';
import { WorkerCall, type WorkerLike } from '$lib/core/worker-call';
import type { ReceivedSummary, SummaryReply, SummaryRequest } from './workers/summary-protocol';

export class GameClient {
	#worker: WorkerCall<SummaryRequest>;
	#bankSent = false;
	#latest = 0;
	/** The rounds of the last reply that carried them (a lean reply leaves unchanged ones out). */
	#rounds: RoundResult[] = [];

	constructor(start: () => WorkerLike | null = () => (typeof Worker === 'undefined' ? null : new Worker(new URL('./workers/game.worker.ts', import.meta.url), { type: 'module' }))) {
		this.#worker = new WorkerCall(start);
	}

	/** True once the worker could not start: summarize in the page instead. */
	get unavailable(): boolean {
		return this.#worker.unavailable;
	}

	/**
	 * The summary of the log as stored now, or null when a later request overtook this one. Rejects
	 * with a WorkerError when the worker cannot start (then `unavailable` is true). `lean`: without
	 * the statistics (the page has its running totals), and the rounds sent only when they changed.
	 */
	async summarize(inputs: SummaryInputs, lean = false): Promise<ReceivedSummary | null> {
		const id = ++this.#latest;
		if (!this.#bankSent) {
			this.#bankSent = this.#worker.post({ kind: 'bank', questions: inputs.questions as QuestionRef[], topics: inputs.topics as TopicRef[] });
			this.#rounds = [];
		}
		const { now, zones, goalHistory, mastery } = inputs;
		try {
			const reply = await this.#worker.call<SummaryReply>({ kind: 'summary', inputs: { now, zones: [...zones], goalHistory: [...goalHistory], mastery: [...mastery] }, lean });
			// Every reply's rounds are kept, an overtaken one's too: the next lean reply counts on them.
			if (reply.rounds) this.#rounds = reply.rounds;
			return id === this.#latest ? { ...reply, rounds: this.#rounds } : null;
		} catch (e) {
			// A failed worker is gone with what it was sent.
			this.#bankSent = false;
			throw e;
		}
	}
}
