/**
 * Reading Linux's view of TCP sockets from /proc/net/tcp (IPv4 only), and watching it change.
 *
 * Each line after the header looks like
 *   `0: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000 1000 0 12345 ...`
 * i.e. sl, local address:port, remote address:port, st, tx_queue:rx_queue, tr:tm->when, ...
 * all in hex.
 * The `st` codes are those of include/net/tcp_states.h (PROC_CODE in src/lib/core/fsm/states.ts).
 */
import { readFileSync } from 'node:fs';
import { stateFromProcCode, type State } from '$lib/core/fsm/states';

export const PROC_NET_TCP = '/proc/net/tcp';

export interface ProcRow {
	localAddress: string;
	localPort: number;
	remoteAddress: string;
	remotePort: number;
	state: State;
	/** Bytes in the send queue (written but not yet acknowledged); for LISTEN, the accept backlog. */
	txQueue: number;
	/** Bytes received but not yet read by the application. */
	rxQueue: number;
	/**
	 * The `tr` column: which timer is pending. 1 retransmission, 2 keepalive, 3 TIME_WAIT,
	 * 4 zero-window probe (data waits because the peer advertises a zero window), 0 none.
	 */
	timer: number;
}

/** `tr` value of a socket whose unsent data waits on the peer's zero window. */
export const TIMER_ZERO_WINDOW_PROBE = 4;

/** One socket, as the kernel keys it for our purposes (everything here runs on 127.0.0.1). */
export interface SocketKey {
	localPort: number;
	remotePort: number;
}

export const keyString = (k: SocketKey): string => `${k.localPort}->${k.remotePort}`;

/** "0100007F:1F90" → ["127.0.0.1", 8080]. The address is the raw 32-bit word, little-endian here. */
function parseEndpoint(field: string): [string, number] {
	const [addr, port] = field.split(':');
	if (addr === undefined || port === undefined || addr.length !== 8) throw new Error(`bad endpoint ${field}`);
	const bytes = [6, 4, 2, 0].map((i) => parseInt(addr.slice(i, i + 2), 16));
	return [bytes.join('.'), parseInt(port, 16)];
}

/** Parse the text of /proc/net/tcp. Unknown state codes are an error, not a silent skip. */
export function parseProcNetTcp(text: string): ProcRow[] {
	const rows: ProcRow[] = [];
	for (const line of text.split('\n').slice(1)) {
		const f = line.trim().split(/\s+/);
		if (f.length < 5 || !f[0]!.endsWith(':')) continue;
		const [localAddress, localPort] = parseEndpoint(f[1]!);
		const [remoteAddress, remotePort] = parseEndpoint(f[2]!);
		const code = parseInt(f[3]!, 16);
		const state = stateFromProcCode(code);
		if (!state) throw new Error(`unknown st code ${f[3]} in /proc/net/tcp line: ${line}`);
		const [tx, rx] = f[4]!.split(':');
		const [tr] = (f[5] ?? '0').split(':');
		rows.push({
			localAddress,
			localPort,
			remoteAddress,
			remotePort,
			state,
			txQueue: parseInt(tx ?? '0', 16),
			rxQueue: parseInt(rx ?? '0', 16),
			timer: parseInt(tr ?? '0', 16)
		});
	}
	return rows;
}

export function readProcNetTcp(path = PROC_NET_TCP): ProcRow[] {
	return parseProcNetTcp(readFileSync(path, 'utf8'));
}

/** The current row of one socket, or undefined when the kernel lists none (CLOSED). */
export function findRow(key: SocketKey, rows: readonly ProcRow[] = readProcNetTcp()): ProcRow | undefined {
	// A torn read can in principle list a socket twice; the later line is the newer one.
	return rows.findLast((r) => r.localPort === key.localPort && r.remotePort === key.remotePort);
}

/** Consecutive duplicates folded: [A, A, B, A] → [A, B, A]. */
export function fold<T>(seq: readonly T[]): T[] {
	return seq.filter((s, i) => i === 0 || s !== seq[i - 1]);
}

/** Whether `needle` appears in `haystack` in order (not necessarily contiguously). */
export function isSubsequence<T>(needle: readonly T[], haystack: readonly T[]): boolean {
	let i = 0;
	for (const h of haystack) if (i < needle.length && needle[i] === h) i++;
	return i === needle.length;
}

export interface Watcher {
	/** Distinct states seen for this socket, in order, starting with CLOSED (no row yet). */
	history(key: SocketKey): State[];
	/** The socket's state at the latest poll (CLOSED when it has no row). */
	current(key: SocketKey): State;
	/** The socket's row at the latest poll. */
	row(key: SocketKey): ProcRow | undefined;
	/** Resolve once the socket is in `state`; reject naming the states seen after `timeoutMs`. */
	waitFor(key: SocketKey, state: State, timeoutMs?: number): Promise<void>;
	/** Number of polls so far. */
	readonly polls: number;
	stop(): void;
}

export interface WatchOptions {
	intervalMs?: number;
	path?: string;
	/**
	 * Polls in a row a known socket must be missing before it counts as CLOSED. The kernel hands
	 * /proc/net/tcp out a page per read() and resumes by position, so a socket can in principle
	 * be skipped by one read while other sockets come and go; a real close stays closed.
	 */
	missingPolls?: number;
}

/**
 * Poll /proc/net/tcp every `intervalMs` (about 2 ms) and record, for every socket the filter
 * accepts (and every key asked about), the sequence of distinct states. A socket first seen in
 * state S is recorded as [CLOSED, S]: start the watcher before the socket exists.
 */
export async function watch(filter: (row: ProcRow) => boolean, options: WatchOptions = {}): Promise<Watcher> {
	const { intervalMs = 2, path = PROC_NET_TCP, missingPolls = 2 } = options;
	const histories = new Map<string, State[]>();
	const missing = new Map<string, number>();
	let latest = new Map<string, ProcRow>();
	const waiters = new Set<() => void>();
	let polls = 0;

	const historyOf = (id: string): State[] => {
		let h = histories.get(id);
		if (!h) histories.set(id, (h = ['CLOSED']));
		return h;
	};

	function poll() {
		const rows = readProcNetTcp(path).filter(filter);
		polls++;
		latest = new Map(rows.map((r) => [keyString(r), r]));
		for (const [id, row] of latest) {
			missing.delete(id);
			const h = historyOf(id);
			if (h.at(-1) !== row.state) h.push(row.state);
		}
		for (const [id, h] of histories) {
			if (latest.has(id) || h.at(-1) === 'CLOSED') continue;
			const n = (missing.get(id) ?? 0) + 1;
			missing.set(id, n);
			if (n >= missingPolls) h.push('CLOSED');
		}
		for (const w of [...waiters]) w();
	}

	const current = (key: SocketKey): State => historyOf(keyString(key)).at(-1)!;

	poll();
	const timer = setInterval(poll, intervalMs);

	return {
		history: (key) => [...historyOf(keyString(key))],
		current,
		row: (key) => latest.get(keyString(key)),
		get polls() {
			return polls;
		},
		waitFor(key, state, timeoutMs = 5000) {
			return new Promise<void>((resolve, reject) => {
				const check = () => {
					if (current(key) !== state) return;
					finish();
					resolve();
				};
				const timeout = setTimeout(() => {
					finish();
					const seen = historyOf(keyString(key)).join(' > ');
					reject(
						new Error(
							`socket ${keyString(key)} did not reach ${state} within ${timeoutMs} ms; ` +
								`states seen in /proc/net/tcp: ${seen}`
						)
					);
				}, timeoutMs);
				const finish = () => {
					clearTimeout(timeout);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		stop() {
			clearInterval(timer);
			waiters.clear();
		}
	};
}
