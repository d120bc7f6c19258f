/**
 * The teacher's class book, loaded on first use: the facade is in every page's first download, and
 * only the classroom pages keep classes (in IndexedDB, or in the tab where the browser allows none).
 */
import type { ClassBook } from '$lib/features/classroom/book';
import type { ProgressDB } from '$lib/store';

/** A class book whose code (`load`) is fetched by its first call; every method keeps its promise. */
export function lazyClassBook(load: () => Promise<ClassBook>): ClassBook {
	let book: Promise<ClassBook> | undefined;
	// A failed fetch (offline, the chunk not cached) is tried again by the next call.
	const on = () => (book ??= load().catch((e: unknown) => ((book = undefined), Promise.reject(e))));
	return {
		saveClass: async (...args) => (await on()).saveClass(...args),
		allClasses: async () => (await on()).allClasses(),
		getClass: async (...args) => (await on()).getClass(...args),
		deleteClass: async (...args) => (await on()).deleteClass(...args),
		addResults: async (...args) => (await on()).addResults(...args),
		classResults: async (...args) => (await on()).classResults(...args),
		deleteResult: async (...args) => (await on()).deleteResult(...args)
	};
}

/** The stored class book (`db`), or — without IndexedDB — the one kept for this tab. */
export function classBookOf(db: ProgressDB | null): ClassBook {
	return lazyClassBook(() => (db ? import('$lib/store/classroom').then((m) => m.storedClassBook(db)) : import('./tab-classes').then((m) => m.tabClassBook())));
}
