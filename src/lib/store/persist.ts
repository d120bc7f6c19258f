export type Persistence = 'granted' | 'denied' | 'unsupported';

/**
 * Ask the browser to keep our storage under pressure instead of evicting it: the review log is the
 * learner's only copy of their progress. Safe to call on every start; an existing grant is reused.
 */
export async function requestPersistence(): Promise<Persistence> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage || typeof storage.persist !== 'function') return 'unsupported';
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
		return (await storage.persist()) ? 'granted' : 'denied';
	} catch {
		// Some browsers throw instead of answering (e.g. in private windows).
		return 'denied';
	}
}
