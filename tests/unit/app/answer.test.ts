/** Recording an answer: shown with what the save changed, counted for its celebration, and a new leech suspended when the learner asked. */
import { describe, expect, it } from 'vitest';
import { recordAnswer, type Recording } from '../../../src/lib/app/answer';
import { AUTO_SUSPEND } from '../../../src/lib/app/card-controls';
import type { Review } from '../../../src/lib/core/log';
import type { Card, ItemState } from '../../../src/lib/core/srs';

const now = Date.UTC(2026, 4, 1, 9);
const learned = (itemId: string, lapses: number, suspended?: true): ItemState => ({ itemId, card: { lapses, state: 2 } as Card, firstReviewAt: 0, lastReviewAt: 0, ...(suspended && { suspended }) });

/** A facade whose schedule counts a lapse for every Again and marks a suspension. */
function fakeFacade(autoSuspendLeeches: boolean, lapses = 7) {
	const schedule = new Map<string, ItemState>([['card:a', learned('card:a', lapses)]]);
	const saved: Review[] = [];
	const shown: Review[] = [];
	let announced = 0;
	const recording: Recording = {
		before: new Map(),
		stateOf: (id) => schedule.get(id),
		settings: () => ({ autoSuspendLeeches, leechThreshold: 8 }),
		save: async (review) => void saved.push(review),
		show: (added) => {
			for (const r of added) {
				shown.push(r);
				const state = schedule.get(r.itemId)!;
				if (r.kind === 'flashcard' && r.rating === 1) schedule.set(r.itemId, learned(r.itemId, state.card.lapses + 1, state.suspended));
				if (r.kind === 'suspend') schedule.set(r.itemId, learned(r.itemId, state.card.lapses, true));
			}
		},
		announce: () => void announced++
	};
	return { recording, saved, shown, announced: () => announced };
}

describe('recording an answer', () => {
	it('saves it, shows it, counts it and remembers the state before it', async () => {
		const f = fakeFacade(true);
		const review = await recordAnswer(f.recording, { itemId: 'card:a', kind: 'flashcard', rating: 3, durationMs: 4000 }, now, '1.2.3');
		expect(review).toMatchObject({ itemId: 'card:a', kind: 'flashcard', rating: 3, at: now, appVersion: '1.2.3' });
		expect(f.saved).toEqual([review]);
		expect(f.shown).toEqual([review]);
		expect(f.announced()).toBe(1);
		expect(f.recording.before.get(review.id)?.card.lapses).toBe(7);
	});

	it('the lapse that makes a leech brings its suspension, a moment later, if the learner asked', async () => {
		const f = fakeFacade(true);
		const review = await recordAnswer(f.recording, { itemId: 'card:a', kind: 'flashcard', rating: 1, durationMs: 4000 }, now, 'v');
		expect(f.saved.map((r) => [r.kind, r.at, r.session])).toEqual([
			['flashcard', now, undefined],
			['suspend', now + 1, AUTO_SUSPEND]
		]);
		expect(f.saved[0]).toBe(review);
		// Already suspended: the next lapse adds nothing.
		await recordAnswer(f.recording, { itemId: 'card:a', kind: 'flashcard', rating: 1, durationMs: 4000 }, now + 2, 'v');
		expect(f.saved).toHaveLength(3);
	});

	it('no suspension when the learner did not ask, or the item is not a leech yet', async () => {
		const off = fakeFacade(false);
		await recordAnswer(off.recording, { itemId: 'card:a', kind: 'flashcard', rating: 1, durationMs: 4000 }, now, 'v');
		expect(off.saved).toHaveLength(1);
		const young = fakeFacade(true, 5);
		await recordAnswer(young.recording, { itemId: 'card:a', kind: 'flashcard', rating: 1, durationMs: 4000 }, now, 'v');
		expect(young.saved).toHaveLength(1);
	});
});
