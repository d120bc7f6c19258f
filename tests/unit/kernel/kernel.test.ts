/**
 * The state machine against the real Linux kernel.
 *
 * Each test drives real sockets on 127.0.0.1 with Node's `net` module, watches /proc/net/tcp,
 * and compares what the kernel did with the machine's simulation of exactly the same exchange:
 * every socket's observed states (repeats folded) must be a subsequence of the machine's trace
 * for that side, and every state the test waits in must be the one the machine predicts there.
 * A is the client that connects, B the server side of the connection (as in scenarios.ts).
 *
 * CLOSING and LAST_ACK are made deterministic the way facts.md describes: a FIN stays queued
 * behind data that a paused peer never reads (zero window), so the other side's FIN crosses it.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMachine } from '$lib/core/fsm/machine';
import { SCENARIOS } from '$lib/core/fsm/scenarios';
import { simulate, stateTrace, type Move, type Side } from '$lib/core/fsm/simulate';
import type { State } from '$lib/core/fsm/states';
import { TRANSITIONS } from '$lib/core/fsm/transitions';
import {
	PROC_NET_TCP,
	TIMER_ZERO_WINDOW_PROBE,
	findRow,
	fold,
	isSubsequence,
	keyString,
	watch,
	type SocketKey,
	type Watcher
} from './proc-net-tcp';

const HAS_PROC = existsSync(PROC_NET_TCP);
if (!HAS_PROC) console.warn(`${PROC_NET_TCP} does not exist: the real-kernel TCP tests are skipped.`);

const WAIT_MS = 5000;
const TEST_MS = 15_000;
const CHUNK = Buffer.alloc(16 * 1024, 0x61);

// ---------------------------------------------------------------------------------------------
// The machine's side: moves, grouped into phases that end where the test waits.

const app = (side: Side, event: Extract<Move, { kind: 'app' }>['event']): Move => ({ kind: 'app', side, event });
const deliver = (to: Side, flag?: Extract<Move, { kind: 'deliver' }>['flag']): Move =>
	flag ? { kind: 'deliver', to, flag } : { kind: 'deliver', to };

const HANDSHAKE = SCENARIOS.three_way_handshake;

/**
 * Simulate the phases back to back. `after(i)` is both sides' state once phase i is done, i.e.
 * the state the test must find the kernel holding at that point.
 */
function plan(phases: readonly (readonly Move[])[], machine = createMachine(TRANSITIONS)) {
	const moves = phases.flat();
	const steps = simulate(moves, machine);
	const ends = phases.map((_, i) => phases.slice(0, i + 1).flat().length);
	return {
		moves,
		trace: { A: stateTrace(steps, 'A'), B: stateTrace(steps, 'B') } as Record<Side, State[]>,
		after(i: number): Record<Side, State> {
			const step = steps[ends[i]! - 1];
			if (!step) throw new Error(`phase ${i} has no moves`);
			return { ...step.states };
		}
	};
}

/**
 * Server sends data, then the client closes; B ACKs A's FIN, then closes with its FIN stuck.
 * In simulate.ts a data segment is an 'ACK' carrying 100 bytes, and `deliver` with a flag takes
 * the oldest segment of that flag, so the data is delivered first (it is what filled A's receive
 * buffer); the next 'ACK' to A is then the pure ACK of A's FIN. B's FIN is never delivered.
 */
const LAST_ACK_PHASES: Move[][] = [
	[...HANDSHAKE],
	[app('B', 'send'), deliver('A', 'ACK')],
	[app('A', 'close'), deliver('B', 'FIN'), deliver('A', 'ACK')],
	[app('B', 'close')]
];

/**
 * Client sends data the paused server never reads, closes (FIN stuck behind the data), then the
 * server closes: its FIN reaches A while A's FIN is unacknowledged. The data that did arrive
 * (filling B's window) is delivered first so that `deliver('B', 'ACK')` picks A's pure ACK of
 * B's FIN rather than the data segment. A's FIN is never delivered.
 */
const CLOSING_PHASES: Move[][] = [
	[...HANDSHAKE],
	[app('A', 'send'), deliver('B', 'ACK')],
	[app('A', 'close')],
	[app('B', 'close'), deliver('A', 'FIN'), deliver('B', 'ACK')]
];

/** Simultaneous open (a socket connected to itself), then both "sides" close at once. */
const SELF_CONNECT_PHASES: Move[][] = [
	[...SCENARIOS.simultaneous_open],
	[app('A', 'close'), app('B', 'close'), deliver('B', 'FIN'), deliver('A', 'FIN'), deliver('B', 'ACK'), deliver('A', 'ACK')]
];

/** What the CLOSING test saw for A, for the corrupted-machine test below. */
let recordedClosing: State[] | undefined;

// ---------------------------------------------------------------------------------------------
// The kernel's side: sockets, and cleanup.

const sockets: net.Socket[] = [];
const servers: net.Server[] = [];
const watchers: Watcher[] = [];

afterEach(() => {
	for (const w of watchers.splice(0)) w.stop();
	for (const s of sockets.splice(0)) s.destroy();
	for (const s of servers.splice(0)) s.close();
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const t = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
	});
	return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function track(s: net.Socket): net.Socket {
	sockets.push(s);
	s.on('error', () => {}); // RSTs at cleanup are expected
	return s;
}

/** A listening server on 127.0.0.1 (port 0) and a promise of its first accepted socket. */
async function listen(options: net.ServerOpts) {
	const server = net.createServer(options);
	servers.push(server);
	const accepted = withTimeout(
		new Promise<net.Socket>((resolve) => server.once('connection', (s) => resolve(track(s)))),
		'server accepting a connection'
	);
	await withTimeout(
		new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		}),
		'listen on 127.0.0.1'
	);
	return { port: (server.address() as net.AddressInfo).port, accepted };
}

function connect(options: net.NetConnectOpts & { pause?: boolean }) {
	const socket = track(net.connect(options));
	if (options.pause) socket.pause(); // before 'connect': Node never starts reading
	const connected = withTimeout(
		new Promise<net.Socket>((resolve, reject) => {
			socket.once('connect', () => resolve(socket));
			socket.once('error', reject);
		}),
		'connect'
	);
	return { socket, connected };
}

function write(s: net.Socket, chunk: Buffer): Promise<void> {
	return withTimeout(
		new Promise<void>((resolve, reject) => s.write(chunk, (err) => (err ? reject(err) : resolve()))),
		'write callback (kernel send buffer full?)'
	);
}

/**
 * Write 16 KiB chunks, each fully handed to the kernel before the next, until the socket's
 * tx_queue stays above zero because the peer's window is shut: the kernel then arms its
 * zero-window probe timer (`tr` 4), or at the least the bytes stay unacknowledged longer than
 * any delayed ACK (200 ms). A few more chunks then keep a margin of unsent data, so the window
 * creeping open by a few KiB (the receiver trims its buffer) cannot let a later FIN slip out.
 * Every write callback has fired and Node's own buffer is empty, so a later end() really sends
 * the shutdown.
 */
async function fillUntilStuck(s: net.Socket, key: SocketKey, marginChunks = 4): Promise<number> {
	let written = 0;
	const writeChunk = async () => {
		await write(s, CHUNK);
		written += CHUNK.length;
		expect(s.writableLength, 'Node must hold no unwritten data').toBe(0);
	};
	const stuck = async () => {
		let probes = 0;
		for (let waited = 0; waited <= 250; waited += 5) {
			await sleep(5);
			const row = findRow(key);
			if (!row || row.txQueue === 0) return false;
			if (row.timer === TIMER_ZERO_WINDOW_PROBE && ++probes >= 2) return true;
		}
		return true;
	};
	do {
		if (written >= 32 * 1024 * 1024) throw new Error(`${keyString(key)}: 32 MiB written, window never shut`);
		await writeChunk();
	} while (!(await stuck()));
	for (let i = 0; i < marginChunks; i++) await writeChunk();
	const row = findRow(key);
	expect(row?.txQueue ?? 0, 'unsent data must be waiting in the kernel').toBeGreaterThan(marginChunks * CHUNK.length);
	return written;
}

/** Wait until both sockets are in the predicted states, and check they are there together. */
async function reach(w: Watcher, keys: Record<Side, SocketKey>, predicted: Record<Side, State>) {
	await Promise.all([w.waitFor(keys.A, predicted.A, WAIT_MS), w.waitFor(keys.B, predicted.B, WAIT_MS)]);
	expect({ A: w.current(keys.A), B: w.current(keys.B) }).toEqual(predicted);
}

function expectSubsequence(side: string, observed: readonly State[], predicted: readonly State[]) {
	const seen = fold(observed);
	expect(
		isSubsequence(seen, predicted),
		`${side}: observed ${seen.join(' > ')} is not a subsequence of the machine's ${predicted.join(' > ')}`
	).toBe(true);
}

function report(name: string, observed: Record<string, State[]>) {
	const lines = Object.entries(observed).map(([k, v]) => `  ${k}: ${v.join(' > ')}`);
	console.info(`[kernel] ${name}\n${lines.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!HAS_PROC)(
	`the state machine agrees with the Linux kernel (${HAS_PROC ? 'via' : 'SKIPPED: no'} ${PROC_NET_TCP})`,
	() => {
		/** A watcher over the connection to `port` (both directions, not the listener itself). */
		async function watchConnection(port: number) {
			const w = await watch((r) => (r.localPort === port || r.remotePort === port) && r.remotePort !== 0);
			watchers.push(w);
			return w;
		}

		it(
			'active close: FIN_WAIT_2 / CLOSE_WAIT, then TIME_WAIT / CLOSED',
			async () => {
				const moves = SCENARIOS.client_closes_first;
				// handshake | A close, B ACKs, A gets the ACK | B close, A gets FIN, B gets the ACK | A's timer
				const phases = [moves.slice(0, 5), moves.slice(5, 8), moves.slice(8, 11), moves.slice(11)];
				expect(phases.flat()).toEqual(moves);
				const p = plan(phases);
				expect(p.after(1)).toEqual({ A: 'FIN_WAIT_2', B: 'CLOSE_WAIT' });
				expect(p.after(2)).toEqual({ A: 'TIME_WAIT', B: 'CLOSED' });

				const server = await listen({ allowHalfOpen: true });
				const w = await watchConnection(server.port);
				const a = await connect({ host: '127.0.0.1', port: server.port, allowHalfOpen: true }).connected;
				const b = await server.accepted;
				a.on('data', () => {});
				b.on('data', () => {});
				const keys = {
					A: { localPort: a.localPort!, remotePort: server.port },
					B: { localPort: server.port, remotePort: a.localPort! }
				};
				await reach(w, keys, p.after(0));

				a.end();
				await reach(w, keys, p.after(1));

				b.end();
				await reach(w, keys, p.after(2));

				const observed = { A: w.history(keys.A), B: w.history(keys.B) };
				report('active close', observed);
				expectSubsequence('A', observed.A, p.trace.A);
				expectSubsequence('B', observed.B, p.trace.B);
			},
			TEST_MS
		);

		it(
			'passive close held in LAST_ACK: B closes with its FIN queued behind unread data',
			async () => {
				const p = plan(LAST_ACK_PHASES);
				expect(p.after(2)).toEqual({ A: 'FIN_WAIT_2', B: 'CLOSE_WAIT' });
				expect(p.after(3)).toEqual({ A: 'FIN_WAIT_2', B: 'LAST_ACK' });

				const server = await listen({ allowHalfOpen: true });
				const w = await watchConnection(server.port);
				const a = await connect({ host: '127.0.0.1', port: server.port, allowHalfOpen: true, pause: true })
					.connected;
				const b = await server.accepted;
				b.on('data', () => {});
				const keys = {
					A: { localPort: a.localPort!, remotePort: server.port },
					B: { localPort: server.port, remotePort: a.localPort! }
				};
				await reach(w, keys, p.after(0));

				// B sends until A's window is shut: the rest waits in B's send queue.
				const sent = await fillUntilStuck(b, keys.B);
				await reach(w, keys, p.after(1));

				// A half-closes (shutdown, not destroy: unread data would make it an RST).
				a.end();
				await reach(w, keys, p.after(2));

				b.end();
				await reach(w, keys, p.after(3));
				await sleep(300);
				expect(w.current(keys.B), 'B must stay in LAST_ACK: its FIN cannot pass the data').toBe('LAST_ACK');
				expect(w.current(keys.A)).toBe(p.after(3).A);
				expect(w.row(keys.B)?.txQueue ?? 0).toBeGreaterThan(0);

				const observed = { A: w.history(keys.A), B: w.history(keys.B) };
				report(`LAST_ACK (B wrote ${sent} bytes)`, observed);
				expectSubsequence('A', observed.A, p.trace.A);
				expectSubsequence('B', observed.B, p.trace.B);
			},
			TEST_MS
		);

		it(
			'simultaneous close held in CLOSING: B\u2019s FIN crosses A\u2019s FIN stuck behind data',
			async () => {
				const p = plan(CLOSING_PHASES);
				expect(p.after(2)).toEqual({ A: 'FIN_WAIT_1', B: 'ESTABLISHED' });
				expect(p.after(3)).toEqual({ A: 'CLOSING', B: 'FIN_WAIT_2' });

				const server = await listen({ allowHalfOpen: true, pauseOnConnect: true });
				const w = await watchConnection(server.port);
				const a = await connect({ host: '127.0.0.1', port: server.port, allowHalfOpen: true }).connected;
				const b = await server.accepted; // paused: Node never reads from it
				a.on('data', () => {});
				const keys = {
					A: { localPort: a.localPort!, remotePort: server.port },
					B: { localPort: server.port, remotePort: a.localPort! }
				};
				await reach(w, keys, p.after(0));

				const sent = await fillUntilStuck(a, keys.A);
				await reach(w, keys, p.after(1));

				a.end(); // A's FIN queues behind the unsent data
				await reach(w, keys, p.after(2));
				await sleep(50);
				expect(w.current(keys.A), "A's FIN must not get out").toBe('FIN_WAIT_1');

				b.end(); // B's FIN reaches A while A's own FIN is unacknowledged (unsent, even)
				await reach(w, keys, p.after(3));
				await sleep(300);
				expect({ A: w.current(keys.A), B: w.current(keys.B) }).toEqual(p.after(3));
				expect(w.row(keys.A)?.txQueue ?? 0).toBeGreaterThan(0);

				const observed = { A: w.history(keys.A), B: w.history(keys.B) };
				report(`CLOSING (A wrote ${sent} bytes)`, observed);
				recordedClosing = observed.A;
				expectSubsequence('A', observed.A, p.trace.A);
				expectSubsequence('B', observed.B, p.trace.B);
			},
			TEST_MS
		);

		it(
			'self-connect is a simultaneous open, and its close a simultaneous close',
			async () => {
				const openTrace = stateTrace(simulate(SCENARIOS.simultaneous_open), 'A');
				const p = plan(SELF_CONNECT_PHASES);
				expect(p.after(0)).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
				expect(p.after(1)).toEqual({ A: 'TIME_WAIT', B: 'TIME_WAIT' });

				// A port that is free right now.
				const probe = net.createServer();
				await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
				const port = (probe.address() as net.AddressInfo).port;
				await new Promise<void>((r) => probe.close(() => r()));

				const key = { localPort: port, remotePort: port };
				const w = await watch((r) => r.localPort === port && r.remotePort === port);
				watchers.push(w);
				const { connected } = connect({
					host: '127.0.0.1',
					port,
					localAddress: '127.0.0.1',
					localPort: port,
					allowHalfOpen: true
				});
				const s = await connected.catch((err: Error) => {
					throw new Error(
						`Linux refused a self-connect on 127.0.0.1:${port} (needed for the simultaneous open): ${err.message}`
					);
				});
				s.on('data', () => {});
				await w.waitFor(key, p.after(0).A, WAIT_MS);
				const opened = w.history(key);
				expectSubsequence('self (open)', opened, openTrace);

				s.end();
				await w.waitFor(key, p.after(1).A, WAIT_MS);
				const observed = w.history(key);
				report('self-connect', { [`${port}->${port}`]: observed });
				expectSubsequence('self (open and close)', observed, p.trace.A);
			},
			TEST_MS
		);
	}
);

describe('the kernel check can fail', () => {
	it('rejects a machine whose FIN_WAIT_1 on a FIN skips CLOSING', () => {
		// What the CLOSING test records for A (a constant when /proc/net/tcp is unavailable).
		const observed = recordedClosing ?? ['CLOSED', 'SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'CLOSING'];
		const corrupted = TRANSITIONS.map((t) =>
			t.from === 'FIN_WAIT_1' && t.event === 'recv_fin' ? { ...t, to: 'TIME_WAIT' as const } : t
		);
		expect(corrupted).not.toEqual(TRANSITIONS);

		const good = plan(CLOSING_PHASES);
		const bad = plan(CLOSING_PHASES, createMachine(corrupted));
		expect(bad.after(3).A).toBe('TIME_WAIT');
		expect(bad.after(3).A).not.toBe(good.after(3).A);

		expect(isSubsequence(fold(observed), good.trace.A)).toBe(true);
		expect(
			isSubsequence(fold(observed), bad.trace.A),
			`corrupted prediction ${bad.trace.A.join(' > ')} must not explain ${observed.join(' > ')}`
		).toBe(false);
	});
});
