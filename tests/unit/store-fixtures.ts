/** What the store's tests share: databases closed after each test, and reviews whose ids sort in order. */
import { afterEach, vi } from 'vitest';
import type { Review, ReviewRating } from '../../src/lib/core/log';
import { openProgressDB, rebuildSchedule, type ProgressDB } from '../../src/lib/store';

/** Databases named `prefix-N`, each closed (and every spy restored) after its test. */
export function testDatabases(prefix: string, retention: number) {
	let count = 0;
	const open: ProgressDB[] = [];
	afterEach(() => {
		for (const db of open.splice(0)) db.close();
		vi.restoreAllMocks();
	});
	const uniqueName = () => `${prefix}-${++count}`;
	/** Another connection to `name`, as a second tab would open. */
	async function connect(name: string): Promise<ProgressDB> {
		const db = await openProgressDB(name);
		open.push(db);
		return db;
	}
	/** A new database whose cache has been built once, as the app's first open does. */
	async function fresh(): Promise<ProgressDB> {
		const db = await connect(uniqueName());
		await rebuildSchedule(db, retention);
		return db;
	}
	return { connect, fresh, uniqueName };
}

/** Flashcard reviews with ids `prefix-0000001`, … in the order they are made. */
export function reviewMaker(prefix: string) {
	let seq = 0;
	return (itemId: string, rating: ReviewRating, at: number, extra: Partial<Review> = {}): Review => ({
		id: `${prefix}-${String(++seq).padStart(7, '0')}`,
		itemId,
		kind: 'flashcard',
		rating,
		durationMs: 1000,
		at,
		appVersion: 'test',
		...extra
	});
}
