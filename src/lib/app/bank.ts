/**
 * The question bank as the browser loads it: the index on every page that counts or plans, the
 * words of a topic in one language only when a session asks its questions (see $lib/study/slices).
 * The service worker precaches every slice, so offline a session loads them from the cache.
 */
import type { QuestionRef } from '$lib/features/game';
import type { Lang } from '$lib/core/text';
import type { Question } from '$lib/features/quiz/types';
import { INDEX_PATH, mergeSlice, missingSlices, readIndex, sliceKey, slicePath, type BankIndex, type IndexFile, type SliceFile } from '$lib/features/study/slices';
import type { StudyData } from '$lib/features/study/data';

async function fetchJson<T>(path: string): Promise<T> {
	const response = await fetch(path);
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	return (await response.json()) as T;
}

class Bank {
	/** Every question loaded so far, by id; their Texts hold the languages loaded (see mergeSlice). */
	#questions = new Map<string, Question>();
	/** `lang/topic` of the slices in `#questions`. */
	#loaded = new Set<string>();
	/** Slices being fetched: two sessions asking the same slice share one request. */
	#fetching = new Map<string, Promise<void>>();
	#index: Promise<BankIndex> | null = null;
	#whole: Promise<StudyData> | null = null;

	index(): Promise<BankIndex> {
		this.#index ??= fetchJson<IndexFile>(INDEX_PATH).then(readIndex);
		// A failed fetch (offline before the first visit finished) is tried again next time.
		this.#index.catch(() => (this.#index = null));
		return this.#index;
	}

	#slice(lang: Lang, topic: string): Promise<void> {
		const key = sliceKey(lang, topic);
		let fetching = this.#fetching.get(key);
		if (!fetching) {
			fetching = fetchJson<SliceFile>(slicePath(lang, topic))
				.then((slice) => {
					mergeSlice(this.#questions, slice);
					this.#loaded.add(key);
				})
				.finally(() => this.#fetching.delete(key));
			this.#fetching.set(key, fetching);
		}
		return fetching;
	}

	/** The questions behind these index entries, with their words in `lang` (fetching the slices they need). */
	async questions(refs: readonly QuestionRef[], lang: Lang): Promise<Question[]> {
		await Promise.all(missingSlices(refs, lang, this.#loaded).map((topic) => this.#slice(lang, topic)));
		return refs.map((r) => {
			const q = this.#questions.get(r.id);
			if (!q) throw new Error(`question ${r.id} is missing from its topic's slice`);
			return q;
		});
	}

	/** Every question loaded so far, by id (a copy): what a page can show without fetching. */
	loaded(): ReadonlyMap<string, Question> {
		return new Map(this.#questions);
	}

	/** Before the reader switches to `lang`: every question already handed out gains its words in `lang`. */
	async addLanguage(lang: Lang): Promise<void> {
		const topics = [...new Set([...this.#questions.values()].map((q) => q.topic))];
		await Promise.all(missingSlices(topics.map((topic) => ({ topic })), lang, this.#loaded).map((topic) => this.#slice(lang, topic)));
	}

	/** The whole bank in both languages: for the classroom, whose quiz fingerprints cover both. */
	whole(): Promise<StudyData> {
		this.#whole ??= fetchJson<StudyData>('/data/bank.json');
		this.#whole.catch(() => (this.#whole = null));
		return this.#whole;
	}
}

export const bank = new Bank();
