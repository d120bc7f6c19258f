/** Whether there is progress: asked once for everyone at the same moment, a yes kept, a no asked again. */
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { hasProgress } from '../../../src/lib/app/learner';
import { DB_NAME, openProgressDB } from '../../../src/lib/store/db';

it('shares one question between callers, asks again after a no, and keeps a yes', async () => {
	const listed = vi.spyOn(indexedDB, 'databases');
	const [a, b] = await Promise.all([hasProgress(), hasProgress()]);
	expect([a, b]).toEqual([false, false]);
	expect(listed).toHaveBeenCalledTimes(1);
	const db = await openProgressDB(DB_NAME);
	expect(await hasProgress()).toBe(true);
	expect(listed).toHaveBeenCalledTimes(2);
	expect(await hasProgress()).toBe(true);
	expect(listed).toHaveBeenCalledTimes(2);
	db.close();
	listed.mockRestore();
});

it('keeps the learner mark true to the log, and leaves blocked storage alone', async () => {
	const { noteLearner } = await import('../../../src/lib/app/learner');
	const { LEARNER_KEY } = await import('../../../src/lib/app/early-redirect.js');
	const stored = new Map<string, string>();
	vi.stubGlobal('localStorage', { setItem: (k: string, v: string) => stored.set(k, v), removeItem: (k: string) => stored.delete(k) });
	noteLearner(true);
	expect(stored.get(LEARNER_KEY)).toBe('1');
	noteLearner(false);
	expect(stored.has(LEARNER_KEY)).toBe(false);
	vi.stubGlobal('localStorage', { setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('SecurityError'); } });
	expect(() => noteLearner(true)).not.toThrow();
	vi.unstubAllGlobals();
});

it('hears other tabs from before the early read, and the facade takes that listener once', async () => {
	vi.resetModules();
	const learner = await import('../../../src/lib/app/learner');
	learner.openStorageEarly();
	// Another tab writes while this page reads and its app layer loads.
	const other = new BroadcastChannel(learner.PROGRESS_CHANNEL);
	other.postMessage({ kind: 'changed' });
	await new Promise((resolve) => setTimeout(resolve, 20));
	const taken = learner.takeTabListener();
	expect(taken?.heard).toEqual([{ kind: 'changed' }]);
	// Taken once: a later page's facade (no early read) opens a listener of its own.
	const next = learner.takeTabListener();
	expect(next).not.toBe(taken);
	expect(next?.heard).toEqual([]);
	for (const channel of [other, taken!.channel, next!.channel]) channel.close();
});
