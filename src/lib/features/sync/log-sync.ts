/**
 * The review log kept in step with the device's copy of the server, without reading either whole on
 * a page load. The checkpoint (engine.ts) says which batches are already in the log and how many of
 * the log's first records are surely in a batch: a page load reads only the batches after it, a push
 * only the log after it. Written against the few calls it needs, so the unit tests run it on
 * PouchDB's memory adapter and an array for the log.
 */
import type { Review } from '../../core/log/review';
import { reviewsOf } from './batches';
import { readCheckpoint, saveCheckpoint, unmergedBatches, writeBatches, type DocDB } from './engine';
import { addBatch, type MergedBatches } from './merged';

/** The log as the app stores it: append-only positions, emptied only by a reset. */
export interface LogAccess {
	/** The records from position `from` on, and the log's length. */
	from(from: number): Promise<{ count: number; reviews: Review[] }>;
	/** Merge reviews by id (as an import merges); resolves once they are stored. */
	merge(reviews: Review[]): Promise<unknown>;
}

export class LogSync {
	/** Ids of reviews known to be in a batch: read, pulled or written since `open`. */
	readonly synced = new Set<string>();
	#merged: MergedBatches = {};
	#count = 0;
	#saved = '';
	#pending: Review[] = [];
	#pendingBatches: string[] = [];

	constructor(
		private readonly local: DocDB,
		private readonly device: string,
		private readonly log: LogAccess
	) {}

	/** Read the checkpoint and queue the batches not merged yet (pulled before a cut or a closed tab; all of them in a wiped copy). */
	async open(): Promise<void> {
		const checkpoint = await readCheckpoint(this.local);
		[this.#merged, this.#count] = [checkpoint.merged, checkpoint.count];
		this.#saved = JSON.stringify(checkpoint);
		await this.#queueUnmerged();
	}

	/** Pulled batches' reviews, to merge with the next `mergeQueued`. */
	queue(reviews: readonly Review[], batches: readonly string[]): void {
		for (const r of reviews) {
			this.synced.add(r.id);
			this.#pending.push(r);
		}
		for (const id of batches) this.#pendingBatches.push(id);
	}

	/** Merge everything queued as one; its batches join the checkpoint only once their reviews are stored. */
	async mergeQueued(): Promise<void> {
		const [pulled, batches] = [this.#pending, this.#pendingBatches];
		[this.#pending, this.#pendingBatches] = [[], []];
		if (pulled.length) await this.log.merge(pulled);
		for (const id of batches) addBatch(this.#merged, id);
	}

	/**
	 * Write the log's records that are in no batch as new batches of this device, then save the
	 * checkpoint: every record before the log's current length is now in a batch. Call it with no
	 * merge running (the app runs both one at a time). The number of reviews written.
	 */
	async push(): Promise<number> {
		let { count, reviews } = await this.log.from(this.#count);
		if (count < this.#count) {
			// The log was reset: the checkpoint no longer holds, and the copy's batches go back in (as a wiped log's catch-up does).
			[this.#merged, this.#count] = [{}, 0];
			this.synced.clear();
			await this.#queueUnmerged();
			await this.mergeQueued();
			({ count, reviews } = await this.log.from(0));
		}
		const written = await writeBatches(this.local, this.device, reviews, this.synced, (id) => addBatch(this.#merged, id));
		this.#count = count;
		const checkpoint = { merged: this.#merged, count };
		const json = JSON.stringify(checkpoint);
		if (json !== this.#saved) {
			await saveCheckpoint(this.local, checkpoint);
			this.#saved = json;
		}
		return written;
	}

	async #queueUnmerged() {
		const docs = await unmergedBatches(this.local, this.#merged);
		// Every id of the copy is synced, a refused batch's too: it is on the server already.
		for (const d of docs) for (const r of d.reviews ?? []) this.synced.add(r.id);
		const { reviews, batches } = reviewsOf(docs);
		this.queue(reviews, batches);
	}
}
