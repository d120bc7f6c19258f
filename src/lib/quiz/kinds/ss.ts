import { parseState, SS_NAME, STATES, type State } from '../../fsm';
import { choice, citation, type Context } from '../context';
import { randomFor, type Random } from '../random';
import type { Option, Question } from '../types';

/** How many listings to generate per diagnosis: each a different host and mix of sockets. */
export const LISTINGS_PER_DIAGNOSIS = 4;

interface Endpoints {
	local: string;
	peer: string;
}

/** Which end of the connection holds the pile-up decides whose ports are ephemeral. */
const PILE: Partial<Record<State, (r: Random, i: number) => Endpoints>> = {
	SYN_RECEIVED: (r) => ({ local: '10.0.0.7:443', peer: `${octets(r)}:${port(r)}` }),
	TIME_WAIT: (r, i) => ({ local: `10.0.0.12:${40000 + i * 7 + Math.floor(r() * 5)}`, peer: '10.0.3.4:3306' }),
	CLOSE_WAIT: (r) => ({ local: '10.0.0.9:8080', peer: `10.0.5.${2 + Math.floor(r() * 200)}:${port(r)}` }),
	FIN_WAIT_2: (r) => ({ local: '10.0.0.9:8080', peer: `10.0.6.${2 + Math.floor(r() * 200)}:${port(r)}` }),
	LAST_ACK: (r) => ({ local: '10.0.0.9:8080', peer: `10.0.7.${2 + Math.floor(r() * 200)}:${port(r)}` })
};

function octets(r: Random): string {
	// Documentation ranges (RFC 5737): a spoofed flood comes from everywhere.
	const nets = ['192.0.2', '198.51.100', '203.0.113'];
	return `${nets[Math.floor(r() * nets.length)]}.${1 + Math.floor(r() * 254)}`;
}
const port = (r: Random) => 32768 + Math.floor(r() * 28000);

function row(state: State, recvQ: number, sendQ: number, e: Endpoints): string {
	return `${SS_NAME[state].padEnd(11)}${String(recvQ).padStart(6)} ${String(sendQ).padStart(6)}  ${e.local.padEnd(21)} ${e.peer}`;
}

/** A realistic `ss -tan` listing in which `state` clearly dominates. */
export function listing(state: State, random: Random): string {
	const make = PILE[state]!;
	const lines = ['State      Recv-Q Send-Q  Local Address:Port    Peer Address:Port'];
	lines.push(row('LISTEN', 0, 4096, { local: '0.0.0.0:443', peer: '0.0.0.0:*' }));
	lines.push(row('LISTEN', 0, 4096, { local: '0.0.0.0:8080', peer: '0.0.0.0:*' }));
	const pile = 9 + Math.floor(random() * 6);
	const normal = 2 + Math.floor(random() * 3);
	for (let i = 0; i < pile + normal; i++) {
		const isPile = i < pile;
		const e = isPile ? make(random, i) : { local: '10.0.0.9:22', peer: `10.0.9.${10 + i}:${port(random)}` };
		lines.push(row(isPile ? state : 'ESTABLISHED', isPile && state === 'CLOSE_WAIT' ? 1 : 0, 0, e));
	}
	return lines.join('\n');
}

/** The state most rows of a listing are in: what a validator recomputes. */
export function dominantState(text: string): State | undefined {
	const counts = new Map<State, number>();
	for (const line of text.split('\n').slice(1)) {
		const s = parseState(line.split(/\s+/)[0] ?? '');
		if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function ssQuestions(ctx: Context): Question[] {
	const cards = ctx.cards.filter((c) => c.diagnoses && c.fix && PILE[c.diagnoses]);
	return cards.flatMap((card) => {
		const state = card.diagnoses!;
		const others = cards.filter((c) => c.diagnoses !== state);
		const meaning = (c: (typeof cards)[number]): Option => ({ id: c.id, label: c.back });
		const fix = (c: (typeof cards)[number]): Option => ({ id: c.id, label: c.fix! });
		const source = citation(card, 'man 8 ss');
		return Array.from({ length: LISTINGS_PER_DIAGNOSIS }, (_, n) => {
			const text = listing(state, randomFor(ctx.seed, `ss:${state}:${n}`));
			const common = { topic: card.topic, family: `diag:${state}`, source, listing: text, subject: { diagnoses: state, card: card.id } };
			return [
				choice(ctx, {
					...common,
					id: `ss_diagnosis:${state}:${n}`,
					kind: 'ss_diagnosis',
					prompt: { zh: '一台服务器上 `ss -tan` 的输出如下。它说明了什么？', en: 'A host prints this `ss -tan` listing. What does it tell you?' },
					right: [meaning(card)],
					wrong: [others.map(meaning)],
					explanation: { zh: `大多数套接字处于 ${SS_NAME[state]}。${card.back.zh}`, en: `Most sockets are in ${SS_NAME[state]}. ${card.back.en}` }
				}),
				choice(ctx, {
					...common,
					id: `ss_fix:${state}:${n}`,
					kind: 'ss_fix',
					prompt: { zh: '一台服务器上 `ss -tan` 的输出如下。正确的处理办法是什么？', en: 'A host prints this `ss -tan` listing. What is the right fix?' },
					right: [fix(card)],
					wrong: [others.map(fix)],
					explanation: { zh: `大多数套接字处于 ${SS_NAME[state]}：${card.fix!.zh}`, en: `Most sockets are in ${SS_NAME[state]}: ${card.fix!.en}` }
				})
			];
		}).flat();
	});
}

export const DIAGNOSABLE: readonly State[] = STATES.filter((s) => PILE[s]);
