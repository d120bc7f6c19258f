/**
 * Why a storage operation failed, as the app must react to it:
 * - `full`: the browser's quota is used up (QuotaExceededError);
 * - `unavailable`: no IndexedDB at all, or it refuses to open (private modes, disabled storage);
 * - `replaced`: this connection was closed for a newer version of the app opened in another tab.
 */
export type StorageFailure = 'full' | 'unavailable' | 'replaced';

export function storageFailure(e: unknown): StorageFailure {
	const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : '';
	if (name === 'QuotaExceededError') return 'full';
	// Chromium wraps quota trouble inside an abort; the message says so.
	if (name === 'AbortError' && /quota/i.test((e as Error).message)) return 'full';
	if (name === 'InvalidStateError' && /clos/i.test((e as Error).message)) return 'replaced';
	return 'unavailable';
}
