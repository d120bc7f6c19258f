/**
 * The sync config on this device: in local storage under one key, never in settings, a backup or a
 * URL. Nothing here loads PouchDB; a page checks `syncSetUp()` (learner.ts) before importing any sync code.
 */
import type { SyncConfig } from '$lib/features/sync/config';
import { SYNC_KEY } from './learner';

export interface StoredSync extends SyncConfig {
	/** Sync by itself while online (live, with backoff); off: only on "sync now". */
	auto: boolean;
}

export function readSyncConfig(): StoredSync | null {
	try {
		const raw = localStorage.getItem(SYNC_KEY);
		if (!raw) return null;
		const v = JSON.parse(raw) as Partial<StoredSync>;
		if (typeof v.server !== 'string' || typeof v.db !== 'string' || typeof v.user !== 'string' || typeof v.password !== 'string') return null;
		return { server: v.server, db: v.db, user: v.user, password: v.password, auto: v.auto !== false };
	} catch {
		return null;
	}
}

export function writeSyncConfig(config: StoredSync | null): void {
	if (config) localStorage.setItem(SYNC_KEY, JSON.stringify(config));
	else localStorage.removeItem(SYNC_KEY);
}

/**
 * Tell the service worker which origin the pages' CSP must let `connect-src` reach (null: none).
 * Resolves true once the worker has it, false where no worker controls the page.
 */
export async function tellWorkerOrigin(origin: string | null): Promise<boolean> {
	const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
	const registration = await worker?.getRegistration().catch(() => undefined);
	const active = registration?.active;
	if (!active) return false;
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(false), 3000);
		channel.port1.onmessage = () => {
			clearTimeout(timer);
			resolve(true);
		};
		active.postMessage({ kind: 'sync-origin', origin }, [channel.port2]);
	});
}
