/**
 * Each scenario played with Node sockets on 127.0.0.1. A is the client (it connects), B the
 * server side. A play reports the app calls whose segment never reached the wire (a FIN held
 * behind unread data), because a capture cannot show them; everything else shows on the wire.
 */
import net from 'node:net';
import type { Packet } from '../../src/lib/core/capture/packet';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Long enough for delayed ACKs (40 ms minimum on Linux) to go out before the next step. */
const SETTLE_MS = 150;
const CHUNK = Buffer.alloc(16 * 1024, 0x61);

export interface PlayContext {
	port: number;
	server?: net.Server;
	/** How many packets the capture holds so far. */
	packets(): number;
	/** An app call whose segment stays in the kernel: the replay is told it happened before packet `packets()`. */
	hidden(side: 'A' | 'B', event: 'close'): void;
	/**
	 * Drop segments matching an nft expression on arrival until `stop` runs; `test` says the same
	 * in code, so the packets dropped can be marked lost in the capture's provenance.
	 */
	drop(match: string, test: (p: Packet) => boolean): { stop(): void };
}

const quiet = (s: net.Socket) => {
	s.on('error', () => {});
	return s;
};

export async function listen(options: net.ServerOpts = {}): Promise<net.Server> {
	const server = net.createServer({ allowHalfOpen: true, ...options });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	return server;
}

export async function freePort(): Promise<number> {
	const s = await listen();
	const port = (s.address() as net.AddressInfo).port;
	await new Promise<void>((r) => s.close(() => r()));
	return port;
}

function accepted(server: net.Server): Promise<net.Socket> {
	return new Promise((resolve) => server.once('connection', (s) => resolve(quiet(s))));
}

function connect(port: number, pause = false, extra: Partial<net.TcpNetConnectOpts> = {}): Promise<net.Socket> {
	const s = quiet(net.connect({ host: '127.0.0.1', port, allowHalfOpen: true, ...extra }));
	if (pause) s.pause();
	return new Promise((resolve, reject) => {
		s.once('connect', () => resolve(s));
		s.once('error', reject);
	});
}

const ended = (s: net.Socket) => new Promise<void>((r) => (s.readableEnded ? r() : s.once('end', () => r())));
const closed = (s: net.Socket) => new Promise<void>((r) => (s.closed ? r() : s.once('close', () => r())));

async function pair(ctx: PlayContext, opts: { pauseA?: boolean } = {}) {
	const b = accepted(ctx.server!);
	const a = await connect(ctx.port, opts.pauseA);
	const bs = await b;
	await sleep(SETTLE_MS);
	return { a, b: bs };
}

/** Request and response: A writes a line, B answers. */
async function exchange(a: net.Socket, b: net.Socket) {
	a.on('data', () => {});
	b.on('data', () => {});
	const got = new Promise<void>((r) => b.once('data', () => r()));
	a.write('GET /\n');
	await got;
	const back = new Promise<void>((r) => a.once('data', () => r()));
	b.write('200 OK\n');
	await back;
	await sleep(SETTLE_MS);
}

/** Write until the peer's window is shut, then a few chunks more: they wait in the kernel. */
async function fillUntilStuck(s: net.Socket) {
	for (let total = 0; total < 64 * 1024 * 1024; total += CHUNK.length) {
		const flushed = await Promise.race([
			new Promise<boolean>((r) => s.write(CHUNK, () => r(true))),
			sleep(300).then(() => false)
		]);
		if (!flushed) return;
	}
	throw new Error('64 MiB written, the window never shut');
}

export type Play = (ctx: PlayContext) => Promise<void>;

export interface ScenarioPlay {
	/** The recorder listens on a port before capturing; false for scenarios without a listener. */
	listens: boolean;
	/** Needs nftables to drop a segment. */
	drops?: boolean;
	play: Play;
}

export const PLAYS: Record<string, ScenarioPlay> = {
	client_closes_first: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			await exchange(a, b);
			a.end();
			await ended(b);
			await sleep(SETTLE_MS); // B's ACK of A's FIN goes out alone: four segments
			b.end();
			await closed(a);
		}
	},
	server_closes_first: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			await exchange(a, b);
			b.end();
			await ended(a);
			await sleep(SETTLE_MS);
			a.end();
			await closed(b);
		}
	},
	three_segment_close: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			await exchange(a, b);
			b.once('end', () => b.end()); // before the delayed ACK: the FIN carries it
			a.end();
			await closed(a);
		}
	},
	half_close: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			a.on('data', () => {});
			b.on('data', () => {});
			a.end('GET /\n'); // the request, then A shuts its sending side
			await ended(b);
			await sleep(SETTLE_MS);
			for (const line of ['200 OK\n', 'part 1\n', 'part 2\n']) {
				b.write(line);
				await sleep(SETTLE_MS); // A, half-closed, still receives and ACKs
			}
			b.end();
			await closed(a);
		}
	},
	simultaneous_close_closing: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			b.pause(); // B never reads: A's data fills its window
			a.on('data', () => {});
			await fillUntilStuck(a);
			await sleep(SETTLE_MS);
			ctx.hidden('A', 'close');
			a.end(); // A's FIN waits behind the unsent data
			await sleep(SETTLE_MS);
			b.end(); // B's FIN reaches A while A's own FIN is unacknowledged: CLOSING
			await sleep(500);
			a.destroy();
			b.destroy();
		}
	},
	passive_close_last_ack: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx, { pauseA: true });
			b.on('data', () => {});
			await fillUntilStuck(b); // A never reads: B's data fills A's window
			await sleep(SETTLE_MS);
			a.end(); // A half-closes; B ACKs, CLOSE_WAIT
			await sleep(SETTLE_MS);
			ctx.hidden('B', 'close');
			b.end(); // B's FIN waits behind its unsent data: LAST_ACK, held
			await sleep(500);
			a.destroy();
			b.destroy();
		}
	},
	self_connect: {
		listens: false,
		play: async (ctx) => {
			const s = await connect(ctx.port, false, { localAddress: '127.0.0.1', localPort: ctx.port });
			s.on('data', () => {});
			await sleep(SETTLE_MS);
			s.end();
			await closed(s);
		}
	},
	connection_refused: {
		listens: false,
		play: async (ctx) => {
			await connect(ctx.port).then(
				() => Promise.reject(new Error(`port ${ctx.port} accepted a connection`)),
				() => undefined
			);
		}
	},
	abortive_close: {
		listens: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			await exchange(a, b);
			a.resetAndDestroy(); // SO_LINGER 0, then close(): a RST instead of a FIN
			await closed(b);
		}
	},
	lost_syn_ack: {
		listens: true,
		drops: true,
		play: async (ctx) => {
			const rule = ctx.drop(`tcp sport ${ctx.port} tcp flags & (syn | ack) == syn | ack`, (p) => p.src.port === ctx.port && p.flags.syn && p.flags.ack);
			const b = accepted(ctx.server!);
			const a = connect(ctx.port);
			await sleep(300);
			rule.stop(); // the retransmissions (one second later) get through
			const [as, bs] = await Promise.all([a, b]);
			await sleep(SETTLE_MS);
			as.destroy();
			bs.destroy();
		}
	},
	lost_fin: {
		listens: true,
		drops: true,
		play: async (ctx) => {
			const { a, b } = await pair(ctx);
			b.on('data', () => {});
			const rule = ctx.drop(`tcp dport ${ctx.port} tcp flags & fin == fin`, (p) => p.dst.port === ctx.port && p.flags.fin);
			a.end();
			await sleep(100);
			rule.stop(); // the retransmitted FIN gets through
			await ended(b);
			await sleep(SETTLE_MS);
			b.end();
			await closed(a);
		}
	}
};
