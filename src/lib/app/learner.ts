/**
 * Whether this browser holds any progress, asked without loading the app layer: a reading page or
 * a newcomer's home needs none of it (the facade, the store, the scheduler and the game are a
 * third of the app's code), so they load only for a learner who has something to show.
 */
import { DB_NAME } from '$lib/store/db';
import { readEarly } from '$lib/store/opening-read';
import { LEARNER_KEY } from './early-redirect.js';
import { markOpening, OPENING } from './opening-marks';
import type { ChannelLike, TabMessage } from './tab-sync';

/** Answers not yet in IndexedDB are stashed under this prefix (one key per tab; see the facade). */
export const STASH_PREFIX = 'tcp-quest:pending:';

let asking: Promise<boolean> | null = null;

/**
 * True when there is progress to read: the database exists (the app creates it on first use) or a
 * tab stashed answers. Where the browser cannot list its databases, assume there is. Callers at the
 * same moment (the layout, home) share one question, and a yes is kept: the database, once made,
 * stays for the page's life (a reset empties it).
 */
export function hasProgress(): Promise<boolean> {
	asking ??= askHasProgress().then((yes) => {
		if (!yes) asking = null;
		return yes;
	});
	return asking;
}

async function askHasProgress(): Promise<boolean> {
	try {
		for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith(STASH_PREFIX)) return true;
	} catch {
		// No local storage: nothing stashed there.
	}
	try {
		// Inside the try: some private windows throw on merely reading window.indexedDB.
		if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
		return (await indexedDB.databases()).some((db) => db.name === DB_NAME);
	} catch {
		return true;
	}
}

/**
 * Keep the learner mark (early-redirect.js) true to the log: set once there is an answer, cleared
 * when there is none (a reset). Storage that refuses is left as it is: the mark only hides, until
 * the page knows, what a newcomer would see.
 */
export function noteLearner(answered: boolean): void {
	try {
		if (answered) localStorage.setItem(LEARNER_KEY, '1');
		else localStorage.removeItem(LEARNER_KEY);
	} catch {
		// Blocked storage: no mark, the newcomer's view shows until the page knows.
	}
}

/** This device's sync config (sync-config.ts); here so that asking whether sync is on loads no sync code. */
export const SYNC_KEY = 'tcp-quest:sync';

/** Whether sync is set up here; false where storage is blocked (reading it throws there). */
export function syncSetUp(): boolean {
	try {
		return localStorage.getItem(SYNC_KEY) !== null;
	} catch {
		return false;
	}
}

/** The channel other tabs tell of their writes on, opened before a page's first read, and what it heard until the facade's TabSync took it. */
export interface TabListener {
	channel: ChannelLike;
	heard: TabMessage[];
}

const openChannel = (): ChannelLike | null => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PROGRESS_CHANNEL));

/** Start hearing other tabs, keeping what they say (null without BroadcastChannel: the tab works alone). */
export function listenToTabs(open = openChannel): TabListener | null {
	const channel = open();
	if (!channel) return null;
	const heard: TabMessage[] = [];
	channel.onmessage = (event: MessageEvent<TabMessage>) => void heard.push(event.data);
	return { channel, heard };
}

let listening: TabListener | null = null;

/**
 * The listener opened before the page's first read (the layout's early one, or one opened now, before
 * the facade reads): a write another tab makes after the read began is heard, not lost before TabSync exists.
 */
export function takeTabListener(): TabListener | null {
	const listener = listening ?? listenToTabs();
	listening = null;
	return listener;
}

/**
 * Open the database and read what the page opens with before the app layer that shows it has loaded
 * (see store/opening-read.ts), having started to hear other tabs first. In the layout's own code
 * (~1 KB): as a chunk of its own, it came in with the app layer's twenty and started no sooner than
 * the app layer's own read.
 */
export function openStorageEarly(): void {
	listening ??= listenToTabs();
	readEarly();
}

/** The facade tells other tabs of every write on this channel. */
export const PROGRESS_CHANNEL = 'tcp-quest:progress';

/**
 * Resolves once there is progress to show: at once if there is, else when another tab writes the
 * first answer (a newcomer's home open beside a study tab then shows it, as a returning one would).
 */
export async function progressArrives(): Promise<void> {
	if (await hasProgress()) return;
	if (typeof BroadcastChannel === 'undefined') return new Promise(() => {});
	const channel = new BroadcastChannel(PROGRESS_CHANNEL);
	await new Promise<void>((resolve) => (channel.onmessage = () => resolve()));
	channel.close();
}

type Facade = typeof import('./progress.svelte');
let facade: Promise<Facade> | null = null;
let loaded: Facade | null = null;

/** The app layer, loaded once (a page that imports it itself has it already: this costs nothing then). */
export function loadFacade(): Promise<Facade> {
	facade ??= import('./progress.svelte').then((m) => {
		markOpening(OPENING.loaded);
		return (loaded = m);
	});
	return facade;
}

/** Answers of this tab not saved yet; none where the app layer was never loaded (nothing was answered). */
export const pendingAnswers = (): number => loaded?.progress.pendingCount ?? 0;
