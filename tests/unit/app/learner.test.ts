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
