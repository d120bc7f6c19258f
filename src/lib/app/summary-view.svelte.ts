/**
 * The game figures pages show, kept current: XP, level, goal, streak, quests and statistics from the
 * running totals plus the last days (at once, whatever the log's size); achievements and challenge
 * bests from the whole-log summary, summed up where summary-source.ts says.
 */
import { untrack } from 'svelte';
import { goalFromHistory, type GameSummary, type RoundResult, type StudyStats, type SummaryInputs } from '$lib/features/game';
import type { Review } from '$lib/core/log';
import type { StoredTotals } from '$lib/store';
import { afterNextPaint } from './after-paint';
import { GameClient } from './game-client';
import { quickSummary } from './running-totals';
import { goalHistoryAt, inWorker, pageSummary, summaryInputs, workerSummary, type SummarySource, type WorkerSummary } from './summary-source';

/** What the figures read of the facade. */
export interface SummaryHost extends SummarySource {
	reviewCount: number;
	reviews: Review[];
	/** Moves on with every change to the stored log: the worker is asked again. */
	logVersion: number;
	/** Answers recorded in this page's life, for celebrations (see `announce`). */
	recorded: number;
	loadLog(): Promise<void>;
}

export class SummaryView {
	#host: SummaryHost;
	#totals: () => StoredTotals | null;
	#stored: () => boolean;
	#failed: (e: unknown) => void;
	#game = new GameClient();
	#workerFailed = $state(false);
	#fromWorker = $state.raw<WorkerSummary | null>(null);
	/** Answers whose achievements wait for the worker's summary. */
	#unannounced = 0;
	/** A big log is summed up by the game worker, which reads it from IndexedDB itself: the page never holds it. */
	// $derived.by: the host is set in the constructor, after the fields (a derived is only read later).
	#inWorker = $derived.by(() => inWorker(this.#host.reviewCount, this.#stored(), this.#workerFailed));
	/** With running totals the page has its own statistics: the worker's summary leaves them out. */
	#hasTotals = $derived.by(() => this.#totals() !== null);
	#quick = $derived.by(() => {
		const totals = this.#totals();
		if (!totals) return null;
		const { recent, clock: now, dayOf, settings } = this.#host;
		return quickSummary(totals, recent, { now, dayOf, goal: goalFromHistory(goalHistoryAt(settings, dayOf, now)) });
	});
	#full = $derived.by<WorkerSummary | null>(() => (this.#inWorker ? this.#fromWorker : pageSummary(this.#host.reviews, this.#host.logLoaded ? this.#inputs() : null)));
	/** XP, level, goal, streak and quests from the running totals; achievements from the whole log once it is in. */
	game = $derived<GameSummary | null>(this.#quick ? { ...this.#quick.game, achievements: this.#full?.game.achievements ?? [] } : (this.#full?.game ?? null));
	stats = $derived<StudyStats | null>(this.#quick?.stats ?? this.#full?.stats ?? null);
	/** Finished challenge rounds (personal bests), once the whole-log summary is in. */
	rounds = $derived<RoundResult[]>(this.#full?.rounds ?? []);

	/** `totals`: the stored running totals; `stored`: whether there is a store for the worker to read; `failed`: storage trouble to say. */
	constructor(host: SummaryHost, totals: () => StoredTotals | null, stored: () => boolean, failed: (e: unknown) => void) {
		this.#host = host;
		this.#totals = totals;
		this.#stored = stored;
		this.#failed = failed;
		$effect.root(() => {
			$effect(() => {
				const inputs = this.#inWorker ? this.#inputs() : null;
				const lean = this.#hasTotals;
				void this.#host.logVersion;
				if (inputs) untrack(() => void this.#ask(inputs, lean));
			});
			// Tests (and the bench) see when the figures that need the whole log are in.
			$effect(() => {
				if (this.#full) document.documentElement.dataset.log = 'loaded';
			});
		});
	}

	/** A new answer: celebrated now when its figures are current at once; with the worker's summary when its achievements come from there. */
	announce(): void {
		if (!this.#inWorker || this.#quick) this.#host.recorded++;
		if (this.#inWorker && this.#fromWorker) this.#unannounced++;
	}

	#inputs(): SummaryInputs | null {
		const inputs = summaryInputs(this.#host, this.#inWorker);
		// Only the settings' parts are reactive proxies to copy; the bank is raw and large (copying it cost ~100 ms an answer).
		return inputs && { ...inputs, zones: $state.snapshot(inputs.zones), goalHistory: $state.snapshot(inputs.goalHistory) };
	}

	async #ask(inputs: SummaryInputs, lean: boolean) {
		try {
			// Starting the worker and copying its inputs waits for the frame that shows what changed (the due counts on open).
			await afterNextPaint();
			const summary = await workerSummary(this.#game, inputs, () => this.#host.catalog?.data.topics, lean);
			if (summary === 'failed') {
				// A worker that cannot start (a blocked script): the summary is computed here instead.
				this.#workerFailed = true;
				void this.#host.loadLog();
			} else if (summary) {
				this.#fromWorker = summary;
				// The summary and the answers it includes arrive together, so their achievements can be celebrated.
				this.#host.recorded += this.#unannounced;
				this.#unannounced = 0;
			}
		} catch (e) {
			this.#failed(e);
		}
	}
}
