/**
 * Other tabs of the app hear about every write, so two open tabs never show a stale log: new
 * answers travel whole (`appended`), anything else (an undo, an import, a reset) says `changed`
 * and the other tabs re-read.
 */
import type { Review } from '$lib/core/log';

import type { TabListener } from './learner';

export type TabMessage = { kind: 'appended'; reviews: Review[] } | { kind: 'changed' };

/** The part of a BroadcastChannel used here (tests pass a fake). */
export type ChannelLike = Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((event: MessageEvent) => void) | null };

export class TabSync {
	#channel: ChannelLike | null = null;

	/**
	 * Listen for other tabs on `listener`'s channel (learner.ts: opened before the page read the log),
	 * first hearing what it kept; without one (no BroadcastChannel) the tab works alone.
	 */
	constructor(heard: (message: TabMessage) => void, listener: TabListener | null) {
		if (!listener) return;
		this.#channel = listener.channel;
		this.#channel.onmessage = (event: MessageEvent<TabMessage>) => heard(event.data);
		for (const message of listener.heard.splice(0)) heard(message);
	}

	tell(message: TabMessage): void {
		this.#channel?.postMessage(message);
	}

	close(): void {
		this.#channel?.close();
		this.#channel = null;
	}
}
