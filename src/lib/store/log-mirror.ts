/**
 * A copy of the whole log kept by a reader that needs all of it again and again (the game worker,
 * after every answer), brought up to date by reading only the pages written since: the log is
 * append-only, so every page before the last one it saw is as it was. A log that shrank or starts
 * differently (a reset, then other answers) is read again whole.
 */
import type { Review } from '../core/log/review';
import { LOG_PAGE, type ProgressDB } from './db';
import { LOG_STORES, logCount } from './log';

export class LogMirror {
	#log: Review[] = [];

	get log(): readonly Review[] {
		return this.#log;
	}

	/** Read what was appended since the last call (everything the first time); returns the whole log. */
	async catchUp(db: ProgressDB): Promise<readonly Review[]> {
		const tx = db.transaction(LOG_STORES, 'readonly');
		const log = tx.objectStore('log');
		const [count, first] = await Promise.all([logCount(tx), log.get(0)]);
		const same = count >= this.#log.length && (this.#log.length === 0 || first?.reviews[0]?.id === this.#log[0]?.id);
		const from = same ? Math.floor(this.#log.length / LOG_PAGE) : 0;
		const pages = await log.getAll(IDBKeyRange.lowerBound(from));
		this.#log.length = from * LOG_PAGE;
		for (const page of pages) for (const r of page.reviews) this.#log.push(r);
		return this.#log;
	}
}
