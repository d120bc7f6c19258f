import { parseState, SS_NAME, STATES, type State } from '../../../core/fsm';
import { choice, citation, type Context } from '../context';
import { randomFor, type Random } from '../../../core/random';
import type { Option, Question } from '../../../features/quiz/types';
import { familyId, questionId } from '../../../core/ids';

/** How many listings to generate per diagnosis: each a different host and mix of sockets. */
export const LISTINGS_PER_DIAGNOSIS = 4;

/** Linux's default net.ipv4.ip_local_port_range. */
const EPHEMERAL = [32768, 60999] as const;

const between = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** connect() tries even ports first (Linux 4.2+), leaving odd ones to bind(). */
const ownEphemeral = (r: Random) => between(r, EPHEMERAL[0] / 2, EPHEMERAL[1] / 2 - 1) * 2;
const peerEphemeral = (r: Random) => between(r, EPHEMERAL[0], EPHEMERAL[1]);

/** Documentation ranges (RFC 5737): a spoofed flood comes from everywhere, from any port. */
function spoofed(r: Random): string {
	const nets = ['192.0.2', '198.51.100', '203.0.113'];
	return `${nets[Math.floor(r() * nets.length)]}.${between(r, 1, 254)}:${between(r, 1024, 65535)}`;
}

interface Host {
	/** The host's one address; listeners are bound to the wildcard. */
	ip: string;
	/** The service port its clients connect to. */
	port: number;
}

interface Pile {
	/** How many sockets of the state a busy host shows: hundreds or thousands, never a dozen. */
	count: [number, number];
	/** One row's local and peer address, for the host. */
	ends: (r: Random, h: Host) => [string, string];
	/** Recv-Q of a row (a CLOSE-WAIT socket usually holds the unread FIN: 1). */
	recvQ?: number;
}

/** Which end of the connection holds the pile-up decides whose ports are ephemeral. */
const PILE: Partial<Record<State, Pile>> = {
	SYN_RECEIVED: { count: [600, 4096], ends: (r, h) => [`${h.ip}:${h.port}`, spoofed(r)] },
	// The host is the client: its own ephemeral ports towards one database.
	TIME_WAIT: { count: [8000, 28000], ends: (r, h) => [`${h.ip}:${ownEphemeral(r)}`, '10.0.3.4:3306'] },
	CLOSE_WAIT: { count: [700, 6000], ends: (r, h) => [`${h.ip}:${h.port}`, `10.0.5.${between(r, 2, 250)}:${peerEphemeral(r)}`], recvQ: 1 },
	FIN_WAIT_2: { count: [500, 5000], ends: (r, h) => [`${h.ip}:${h.port}`, `10.0.6.${between(r, 2, 250)}:${peerEphemeral(r)}`] }
};

/** Everyday connections on any host: its clients on the service port. */
const normalEnds = (r: Random, h: Host): [string, string] => [`${h.ip}:${h.port}`, `10.0.9.${between(r, 2, 250)}:${peerEphemeral(r)}`];

const HEADER = 'State      Recv-Q Send-Q  Local Address:Port    Peer Address:Port';
const COUNT_COMMAND = "$ ss -tan | awk 'NR > 1 {print $1}' | sort | uniq -c | sort -rn";

function row(state: State, recvQ: number, sendQ: number, [local, peer]: [string, string]): string {
	return `${SS_NAME[state].padEnd(11)}${String(recvQ).padStart(6)} ${String(sendQ).padStart(6)}  ${local.padEnd(21)} ${peer}`;
}

const countLines = (counts: [State, number][]) =>
	[...counts].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${String(n).padStart(7)} ${SS_NAME[s]}`);

function hostFor(r: Random): Host {
	return { ip: `10.0.${between(r, 0, 2)}.${between(r, 5, 60)}`, port: [443, 8080, 8443][Math.floor(r() * 3)]! };
}

/** The listeners every listing starts with: the service, ssh; each Recv-Q well under its backlog. */
function listeners(h: Host, full?: { recvQ: number; backlog: number }): string[] {
	return [
		row('LISTEN', full?.recvQ ?? 0, full?.backlog ?? 4096, ['0.0.0.0:' + h.port, '0.0.0.0:*']),
		row('LISTEN', 0, 128, ['0.0.0.0:22', '0.0.0.0:*'])
	];
}

/**
 * What a sysadmin looks at first: the count of sockets per state (`ss -tan | … | uniq -c`), then the
 * top of `ss -tan` as a sample. `state` is the pile; LISTEN stands for a full accept queue.
 */
export function listing(state: State, random: Random): string {
	const h = hostFor(random);
	if (state === 'LISTEN') return acceptQueueListing(h, random);
	const pile = PILE[state]!;
	const piled = between(random, ...pile.count);
	const established = between(random, 40, 400);
	const sample: string[] = [];
	for (let i = 0; i < 7; i++) {
		const isPile = random() * (piled + established) < piled;
		sample.push(isPile ? row(state, pile.recvQ ?? 0, 0, pile.ends(random, h)) : row('ESTABLISHED', 0, 0, normalEnds(random, h)));
	}
	return [
		COUNT_COMMAND,
		...countLines([
			[state, piled],
			['ESTABLISHED', established],
			['LISTEN', 2]
		]),
		'$ ss -tan | head -10',
		HEADER,
		...listeners(h),
		...sample
	].join('\n');
}

/**
 * A full accept queue: the listener's Recv-Q (connections waiting for accept()) one past its
 * Send-Q (the backlog) — Linux lets the queue reach backlog + 1 — while handshakes the kernel could
 * not queue linger in SYN-RECV and connections wait in ESTAB.
 */
function acceptQueueListing(h: Host, random: Random): string {
	const backlog = [128, 511, 1024, 4096][Math.floor(random() * 4)]!;
	return [
		'$ ss -lnt',
		HEADER,
		...listeners(h, { recvQ: backlog + 1, backlog }),
		COUNT_COMMAND,
		...countLines([
			['ESTABLISHED', backlog + 1 + between(random, 200, 900)],
			['SYN_RECEIVED', between(random, 20, 120)],
			['LISTEN', 2]
		])
	].join('\n');
}

/** Socket rows: a state name followed by two numbers (the count lines and commands are not rows). */
function socketRows(text: string): { state: State; recvQ: number; sendQ: number }[] {
	return text.split('\n').flatMap((line) => {
		const [name, recvQ, sendQ] = line.trim().split(/\s+/);
		const state = parseState(name ?? '');
		return state && /^\d+$/.test(recvQ ?? '') && /^\d+$/.test(sendQ ?? '') ? [{ state, recvQ: Number(recvQ), sendQ: Number(sendQ) }] : [];
	});
}

/**
 * What a listing shows, as a validator recomputes it: a full accept queue (a listener whose Recv-Q
 * reached its Send-Q) is LISTEN; otherwise the state with the most sockets, from the count lines
 * (or the rows, where there are none).
 */
export function dominantState(text: string): State | undefined {
	const rows = socketRows(text);
	if (rows.some((r) => r.state === 'LISTEN' && r.recvQ > 0 && r.recvQ >= r.sendQ)) return 'LISTEN';
	const counts = new Map<State, number>();
	for (const [, n, name] of text.matchAll(/^\s*(\d+) ([A-Z][A-Z0-9-]+)$/gm)) {
		const s = parseState(name!);
		if (s) counts.set(s, (counts.get(s) ?? 0) + Number(n));
	}
	if (counts.size === 0) for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const diagnosable = (s: State) => s === 'LISTEN' || PILE[s] !== undefined;

function explain(state: State, listingText: string) {
	if (state === 'LISTEN') {
		const full = socketRows(listingText).find((r) => r.state === 'LISTEN' && r.recvQ >= r.sendQ)!;
		return {
			zh: `监听套接字的 Recv-Q（${full.recvQ}）超过了它的 Send-Q（${full.sendQ}）。`,
			en: `The listener’s Recv-Q (${full.recvQ}) is past its Send-Q (${full.sendQ}).`
		};
	}
	return { zh: `大多数套接字处于 ${SS_NAME[state]}。`, en: `Most sockets are in ${SS_NAME[state]}.` };
}

export function ssQuestions(ctx: Context): Question[] {
	const cards = ctx.cards.filter((c) => c.diagnoses && c.fix && diagnosable(c.diagnoses));
	return cards.flatMap((card) => {
		const state = card.diagnoses!;
		const others = cards.filter((c) => c.diagnoses !== state);
		const meaning = (c: (typeof cards)[number]): Option => ({ id: c.id, label: c.back });
		const fix = (c: (typeof cards)[number]): Option => ({ id: c.id, label: c.fix! });
		const source = citation(card, 'man 8 ss');
		return Array.from({ length: LISTINGS_PER_DIAGNOSIS }, (_, n) => {
			const text = listing(state, randomFor(ctx.seed, `ss:${state}:${n}`));
			const seen = explain(state, text);
			const common = { topic: card.topic, family: familyId({ kind: 'diagnosis', state }), source, listing: text, subject: { diagnoses: state, card: card.id } };
			return [
				choice(ctx, {
					...common,
					id: questionId('ss_diagnosis', state, String(n)),
					kind: 'ss_diagnosis',
					prompt: { zh: '一台主机上的 `ss` 输出如下。它说明了什么？', en: 'A host prints this `ss` output. What does it tell you?' },
					right: [meaning(card)],
					wrong: [others.map(meaning)],
					explanation: { zh: `${seen.zh}${card.back.zh}`, en: `${seen.en} ${card.back.en}` }
				}),
				choice(ctx, {
					...common,
					id: questionId('ss_fix', state, String(n)),
					kind: 'ss_fix',
					prompt: { zh: '一台主机上的 `ss` 输出如下。正确的处理办法是什么？', en: 'A host prints this `ss` output. What is the right fix?' },
					right: [fix(card)],
					wrong: [others.map(fix)],
					explanation: { zh: `${seen.zh}${card.fix!.zh}`, en: `${seen.en} ${card.fix!.en}` }
				})
			];
		}).flat();
	});
}

export const DIAGNOSABLE: readonly State[] = STATES.filter(diagnosable);
