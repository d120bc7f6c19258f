/**
 * Answers not yet in IndexedDB (storage full, unavailable, replaced by a newer version, or a write
 * under way). Each is mirrored in local storage under this tab's key, so a reload — to take a new
 * version, or after a crash — does not lose it: the next start recovers every tab's stash and saves
 * it. A flush writes everything pending, in order, in one call (one transaction): all or nothing.
 */
import { reviewProblem, type Review } from '$lib/core/log';

import { STASH_PREFIX } from './learner';

export const STASH = STASH_PREFIX;

/** The part of `localStorage` the outbox uses (tests pass a Map-backed fake). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export class Outbox {
	#pending: Review[] = [];
	readonly #key: string;

	constructor(
		private readonly storage: KeyValueStore | null,
		tabId: string
	) {
		this.#key = STASH + tabId;
	}

	get pending(): readonly Review[] {
		return this.#pending;
	}

	get size(): number {
		return this.#pending.length;
	}

	/** Keep an answer until it is written. */
	add(review: Review): void {
		this.#pending.push(review);
		this.#stash();
	}

	/**
	 * Take in every tab's stashed answers (well-formed ones, each id once), and return the keys they
	 * came from: drop them with `forget` once the answers are written.
	 */
	recover(): string[] {
		const keys: string[] = [];
		try {
			const s = this.storage;
			for (let i = 0; s && i < s.length; i++) {
				const key = s.key(i);
				if (!key?.startsWith(STASH)) continue;
				keys.push(key);
				const value: unknown = JSON.parse(s.getItem(key) ?? '[]');
				if (!Array.isArray(value)) continue;
				for (const r of value) if (reviewProblem(r) === null && !this.#pending.some((p) => p.id === (r as Review).id)) this.#pending.push(r as Review);
			}
		} catch {
			// Unreadable: nothing to recover.
		}
		return keys;
	}

	/** Drop other tabs' stashes, once their answers are in the log. */
	forget(keys: readonly string[]): void {
		try {
			for (const key of keys) if (key !== this.#key) this.storage?.removeItem(key);
		} catch {
			// As in #stash.
		}
	}

	/**
	 * Write everything pending with `write` (one transaction); what it wrote leaves the outbox. A
	 * failed write keeps it all, and the error is thrown on. Answers added meanwhile stay for the next flush.
	 */
	async flush<T>(write: (batch: Review[]) => Promise<T>): Promise<T> {
		const batch = [...this.#pending];
		// Stashed before the write: a tab closed or navigated away mid-write keeps the answers for next time.
		this.#stash();
		try {
			const result = await write(batch);
			this.#pending = this.#pending.filter((r) => !batch.includes(r));
			return result;
		} finally {
			this.#stash();
		}
	}

	#stash(): void {
		try {
			if (this.#pending.length) this.storage?.setItem(this.#key, JSON.stringify(this.#pending));
			else this.storage?.removeItem(this.#key);
		} catch {
			// No local storage either: the answers live as long as the tab.
		}
	}
}
