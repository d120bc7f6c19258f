/**
 * Other tabs of the app hear about every write, so two open tabs never show a stale log: new
 * answers travel whole (`appended`), anything else (an undo, an import, a reset) says `changed`
 * and the other tabs re-read.
 */
import type { Review } from '$lib/core/log';

import { PROGRESS_CHANNEL } from './learner';

export const CHANNEL = PROGRESS_CHANNEL;
export type TabMessage = { kind: 'appended'; reviews: Review[] } | { kind: 'changed' };

/** The part of a BroadcastChannel used here (tests pass a fake). */
export type ChannelLike = Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((event: MessageEvent) => void) | null };

export class TabSync {
	#channel: ChannelLike | null = null;

	/** Listen for other tabs; without BroadcastChannel the tab works alone. */
	constructor(heard: (message: TabMessage) => void, open: () => ChannelLike | null = () => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL))) {
		this.#channel = open();
		if (this.#channel) this.#channel.onmessage = (event: MessageEvent<TabMessage>) => heard(event.data);
	}

	tell(message: TabMessage): void {
		this.#channel?.postMessage(message);
	}

	close(): void {
		this.#channel?.close();
		this.#channel = null;
	}
}
