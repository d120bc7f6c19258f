/**
 * Recording an answer: one record appended to the log (through the outbox), shown at once, and —
 * when the answer made its item a leech and the learner asked for it — the suspension after it.
 */
import type { Review, ReviewKind, ReviewRating, Settings } from '$lib/core/log';
import type { ItemState } from '$lib/core/srs';
import type { ScheduleChange } from '$lib/store';
import { autoSuspension } from './card-controls';

export interface Answer {
	itemId: string;
	questionId?: string;
	kind: Exclude<ReviewKind, 'undo'>;
	rating?: ReviewRating;
	answer?: string[];
	correct?: boolean;
	durationMs: number;
	cram?: boolean;
	/** The quiz, challenge round or session it belongs to, e.g. `challenge:mixed:<uuid>`. */
	session?: string;
	/** i16: a quiz answered by typing, the text typed. */
	typed?: string;
}

/** What recording reads and moves in the facade. */
export interface Recording {
	/** Each item's state before an answer of this page's life: undo without the log when storage fails. */
	before: Map<string, ItemState | undefined>;
	stateOf(itemId: string): ItemState | undefined;
	settings(): Pick<Settings, 'autoSuspendLeeches' | 'leechThreshold'>;
	/** Into the outbox, then save everything pending: the schedule change, or undefined when it stays in memory. Never rejects. */
	save(review: Review): Promise<ScheduleChange | undefined>;
	show(added: Review[], change: ScheduleChange | undefined): void;
	/** Count the answer for its celebration. */
	announce(): void;
}

/** Record one answer (and the suspension it may bring); the answer's record. Never rejects. */
export async function recordAnswer(recording: Recording, answer: Answer, now: number, appVersion: string): Promise<Review> {
	const review: Review = { id: crypto.randomUUID(), at: now, appVersion, ...answer };
	recording.before.set(review.id, recording.stateOf(review.itemId));
	recording.show([review], await recording.save(review));
	recording.announce();
	// i16: an answer that made its item a leech suspends it, if the learner asked (see card-controls.ts).
	const suspension = autoSuspension(review, recording.before.get(review.id), recording.stateOf(review.itemId), recording.settings());
	if (suspension) await recordAnswer(recording, suspension, now + 1, appVersion);
	return review;
}
