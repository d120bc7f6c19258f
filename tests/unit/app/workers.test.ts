/**
 * The worker-call helper both workers use, the game client on top of it, and tab sync: driven
 * through fakes wired like a page and a worker (messages cloned as postMessage clones them).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { GameClient } from '../../../src/lib/app/game-client';
import { summaryServer, type SummaryRequest } from '../../../src/lib/app/workers/summary-protocol';
import { listenToTabs } from '../../../src/lib/app/learner';
import { TabSync, type ChannelLike, type TabMessage } from '../../../src/lib/app/tab-sync';
import { summarize, toPosted } from '../../../src/lib/features/game';
import { appendReviews, openProgressDB } from '../../../src/lib/store';
import { serve, WorkerCall, isWorkerError, type ScopeLike, type WorkerLike } from '../../../src/lib/core/worker-call';
import { quiz, utc } from '../game/fixtures';

type Listener = (event: { data: unknown; preventDefault(): void; message?: string }) => void;

/** A page-side Worker and the worker's scope, joined; `handle` is the worker's code run through `serve`. */
function pair<M extends object>(handle: (m: M, progress: (f: number) => void) => unknown) {
	const toPage = new Set<Listener>();
	const pageErrors = new Set<Listener>();
	const toWorker = new Set<Listener>();
	const posted: unknown[] = [];
	const scope: ScopeLike = {
		postMessage: (data: unknown) => queueMicrotask(() => toPage.forEach((l) => l({ data: structuredClone(data), preventDefault() {} }))),
		addEventListener: ((_: string, l: Listener) => void toWorker.add(l)) as ScopeLike['addEventListener']
	};
	serve(scope, handle);
	const worker: WorkerLike & { fail(): void; terminated: boolean } = {
		terminated: false,
		postMessage: (data: unknown) => {
			posted.push(data);
			queueMicrotask(() => toWorker.forEach((l) => l({ data: structuredClone(data), preventDefault() {} })));
		},
		addEventListener: ((type: string, l: Listener) => void (type === 'error' ? pageErrors : toPage).add(l)) as WorkerLike['addEventListener'],
		removeEventListener: ((type: string, l: Listener) => void (type === 'error' ? pageErrors : toPage).delete(l)) as WorkerLike['removeEventListener'],
		terminate() {
			this.terminated = true;
		},
		fail: () => pageErrors.forEach((l) => l({ data: null, preventDefault() {}, message: 'script blocked' }))
	};
	return { worker, posted };
}

describe('worker calls', () => {
	it('a call gets its own result, with progress on the way; an error thrown in the worker comes back as is', async () => {
		const { worker } = pair<{ n: number }>(async ({ n }, progress) => {
			progress(0.5);
			if (n < 0) throw new RangeError('negative');
			return n * 2;
		});
		let starts = 0;
		const call = new WorkerCall<{ n: number }>(() => (starts++, worker));
		expect(starts).toBe(0);
		const seen: number[] = [];
		const [x, y] = await Promise.all([call.call<number>({ n: 2 }, (f) => seen.push(f)), call.call<number>({ n: 5 })]);
		expect([x, y]).toEqual([4, 10]);
		expect(seen).toEqual([0.5]);
		await expect(call.call({ n: -1 })).rejects.toMatchObject({ name: 'RangeError', message: 'negative' });
		expect(starts).toBe(1);
	});

	it('a worker that cannot load rejects with WorkerError and is never started again', async () => {
		const { worker } = pair(() => new Promise(() => {}));
		let starts = 0;
		const call = new WorkerCall(() => (starts++, worker));
		const pending = call.call({});
		worker.fail();
		const error = await pending.catch((e: unknown) => e);
		expect(isWorkerError(error)).toBe(true);
		expect(worker.terminated).toBe(true);
		expect(call.unavailable).toBe(true);
		expect(isWorkerError(await call.call({}).catch((e: unknown) => e))).toBe(true);
		expect(starts).toBe(1);
		// No Worker at all (an old browser, a test runner): the same answer, at once.
		expect(isWorkerError(await new WorkerCall(() => null).call({}).catch((e: unknown) => e))).toBe(true);
	});
});

describe('the game client', () => {
	const T = utc(2026, 4, 1, 9);
	const log = Array.from({ length: 30 }, (_, i) => quiz(T + i * 60_000, undefined, i % 3 !== 0, { id: `r${i}` }));
	const inputs = { now: T + 3_600_000, zones: [{ since: 0, timeZone: 'UTC' }], goalHistory: [], questions: [], topics: [], mastery: new Map<string, number>() };

	it('posts the bank once and never the log (the worker reads it), and the latest request wins', async () => {
		const db = await openProgressDB('game-client');
		await appendReviews(db, log);
		db.close();
		const { worker, posted } = pair<SummaryRequest>(summaryServer(() => openProgressDB('game-client')));
		const client = new GameClient(() => worker);
		const [first, second] = await Promise.all([client.summarize(inputs), client.summarize(inputs)]);
		expect(first).toBeNull();
		expect(second).toEqual(structuredClone(toPosted(summarize(log, inputs))));
		expect((posted as SummaryRequest[]).map((m) => m.kind)).toEqual(['bank', 'summary', 'summary']);
	});

	it('a lean summary leaves out the statistics, and the rounds while they stay the same; the client puts the rounds back', async () => {
		const db = await openProgressDB('game-client-lean');
		// A finished challenge round of ten answers (finished rounds are the personal bests).
		const round = Array.from({ length: 10 }, (_, i) => ({ ...quiz(T + 3_600_000 + i * 2000, undefined, true, { id: `c${i}` }), kind: 'challenge' as const, session: 'challenge:mixed:one' }));
		await appendReviews(db, [...log, ...round]);
		const handle = summaryServer(() => openProgressDB('game-client-lean'));
		const { worker, posted } = pair<SummaryRequest>(handle);
		const client = new GameClient(() => worker);
		const expected = structuredClone(toPosted(summarize([...log, ...round], inputs)));
		expect(expected.rounds.length).toBe(1);
		const first = await client.summarize(inputs, true);
		const second = await client.summarize(inputs, true);
		for (const reply of [first, second]) expect(reply).toEqual({ ...expected, stats: null });
		// What crossed over: the rounds once, the statistics never.
		const replies = await Promise.all([1, 2].map(() => handle({ kind: 'summary', inputs: { ...inputs, mastery: [] }, lean: true })));
		expect(replies.map((r) => r!.rounds)).toEqual([null, null]);
		expect((posted as SummaryRequest[]).filter((m) => m.kind === 'summary').map((m) => m.kind === 'summary' && m.lean)).toEqual([true, true]);
		// A round added (or an undo dropping one) is sent again.
		db.close();
		const more = round.map((r, i) => ({ ...r, id: `d${i}`, at: r.at + 60_000, session: 'challenge:mixed:two' }));
		await appendReviews(await openProgressDB('game-client-lean'), more);
		expect((await client.summarize(inputs, true))!.rounds).toHaveLength(2);
	});
});

/** BroadcastChannels of one origin, faked: what one posts, every other open one hears. */
function fakeChannels(): () => ChannelLike {
	const channels: ChannelLike[] = [];
	return () => {
		const c: ChannelLike = {
			onmessage: null,
			postMessage(data: unknown) {
				for (const other of channels) if (other !== c) other.onmessage?.(new MessageEvent('message', { data: structuredClone(data) }));
			},
			close() {
				channels.splice(channels.indexOf(c), 1);
			}
		};
		channels.push(c);
		return c;
	};
}

describe('tab sync', () => {
	it('what one tab tells, the others hear; a closed tab hears nothing', () => {
		const open = fakeChannels();
		const heardA: TabMessage[] = [];
		const heardB: TabMessage[] = [];
		const a = new TabSync((m) => heardA.push(m), listenToTabs(open));
		const b = new TabSync((m) => heardB.push(m), listenToTabs(open));
		a.tell({ kind: 'appended', reviews: [quiz(1)] });
		expect(heardB).toEqual([{ kind: 'appended', reviews: [quiz(1)] }]);
		expect(heardA).toEqual([]);
		b.close();
		a.tell({ kind: 'changed' });
		expect(heardB).toHaveLength(1);
		// Without BroadcastChannel a tab works alone.
		expect(() => new TabSync(() => {}, listenToTabs(() => null)).tell({ kind: 'changed' })).not.toThrow();
	});

	it('what another tab told after the page began to read, before its TabSync existed, is heard first, in order', () => {
		const open = fakeChannels();
		const other = new TabSync(() => {}, listenToTabs(open));
		// This page starts listening, then reads; the other tab writes meanwhile.
		const early = listenToTabs(open);
		other.tell({ kind: 'appended', reviews: [quiz(1)] });
		other.tell({ kind: 'changed' });
		const heard: TabMessage[] = [];
		const mine = new TabSync((m) => heard.push(m), early);
		expect(heard).toEqual([{ kind: 'appended', reviews: [quiz(1)] }, { kind: 'changed' }]);
		other.tell({ kind: 'appended', reviews: [quiz(2)] });
		expect(heard).toHaveLength(3);
		// Taken once: the kept messages are not heard again.
		expect(early!.heard).toEqual([]);
		mine.close();
	});
});
