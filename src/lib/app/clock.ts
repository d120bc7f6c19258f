/**
 * The one clock that says what day it is for everything a page shows: the new-card quota, today's
 * answers, the streak and the goal all take their day from `dayOf` (the learner's zone history),
 * so a traveller's home page never counts one answer on two different days.
 */
import { learnerDay, type Day, type DayOf, type ZoneChange } from '$lib/features/game';
import { introducedOn, type ItemState } from '$lib/core/srs';

export { learnerDay };

/** Anything with visibility events (the document); `visible` says whether the tab is shown. */
export interface WatchOptions {
	visibility?: EventTarget;
	visible?: () => boolean;
	/** How often to look whether the day changed. */
	every?: number;
}

export class DayClock {
	#zones: readonly ZoneChange[];
	#dayOf: DayOf;

	constructor(
		zones: readonly ZoneChange[],
		readonly now: () => number = Date.now
	) {
		this.#zones = zones;
		this.#dayOf = learnerDay(zones);
	}

	get zones(): readonly ZoneChange[] {
		return this.#zones;
	}

	/** A new zone history (the device moved, or settings were imported). */
	set zones(zones: readonly ZoneChange[]) {
		if (zones === this.#zones) return;
		this.#zones = zones;
		this.#dayOf = learnerDay(zones);
	}

	/** The learner's day of an instant. */
	get dayOf(): DayOf {
		return this.#dayOf;
	}

	today(at = this.now()): Day {
		return this.#dayOf(at);
	}

	/** Flashcards first scheduled on the learner's day of `at`: the new-card quota used. */
	introducedOn(schedule: ReadonlyMap<string, ItemState>, cards: ReadonlySet<string> | undefined, at = this.now()): number {
		return cards ? introducedOn(schedule, this.today(at), cards, this.#dayOf) : 0;
	}

	/**
	 * Call `onTick(now)` when the learner's day changes and whenever the tab is shown again, so
	 * figures that depend on "today" are recomputed then, not every second. Returns a stop function.
	 */
	watch(onTick: (now: number) => void, { visibility, visible = () => true, every = 60_000 }: WatchOptions = {}): () => void {
		let last = this.now();
		const tick = (force: boolean) => {
			const now = this.now();
			if (!force && this.#dayOf(now) === this.#dayOf(last)) return;
			last = now;
			onTick(now);
		};
		const timer = setInterval(() => tick(false), every);
		const shown = () => visible() && tick(true);
		visibility?.addEventListener('visibilitychange', shown);
		return () => {
			clearInterval(timer);
			visibility?.removeEventListener('visibilitychange', shown);
		};
	}
}
