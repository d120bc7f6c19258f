import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/lib/server/content';
import { createMachine, machine, STATES, TRANSITIONS } from '../../src/lib/core/fsm';
import { generateBank, validateBank, type Question } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';

let deck: Deck;
let bank: Question[];
beforeAll(() => {
	deck = loadDeck();
	bank = generateBank(deck);
});

const byId = (id: string) => bank.find((q) => q.id === id)!;
const clone = (q: Question): Question => structuredClone(q);

describe('the question bank', () => {
	it('is valid, large and varied', () => {
		expect(validateBank(bank, deck, machine)).toEqual([]);
		expect(bank.length).toBeGreaterThanOrEqual(400);
		expect(new Set(bank.map((q) => q.kind)).size).toBeGreaterThanOrEqual(10);
	});

	it('covers every topic and all eleven states', () => {
		const topics = new Set(bank.map((q) => q.topic));
		for (const t of deck.topics) expect(topics, t.id).toContain(t.id);
		const asked = new Set(bank.flatMap((q) => (q.fsm ? [q.fsm.from] : [])));
		for (const s of STATES) expect(asked, s).toContain(s);
		for (const s of STATES) expect(bank.some((q) => q.id === `state_from_description:${s}`), s).toBe(true);
	});

	it('is deterministic for a seed, with ids that do not depend on it', () => {
		expect(generateBank(deck)).toEqual(bank);
		const other = generateBank(deck, 'another seed');
		expect(other.map((q) => q.id)).toEqual(bank.map((q) => q.id));
		expect(other.map((q) => q.options.map((o) => o.id).join())).not.toEqual(bank.map((q) => q.options.map((o) => o.id).join()));
		expect(validateBank(other, deck, machine)).toEqual([]);
	});

	it('asks what follows FIN_WAIT_1 on a FIN, with CLOSING as the answer and no other outcome offered', () => {
		const q = byId('next_state:FIN_WAIT_1:recv_fin:own_fin_unacked');
		expect(q.answer).toEqual(['CLOSING']);
		expect(q.options.map((o) => o.id)).not.toContain('TIME_WAIT');
		expect(q.prompt.en).toMatch(/FIN-WAIT-1/);
		expect(q.explanation.en).toMatch(/RFC 9293/);
	});

	it('explains an ordering question as numbered steps, one per line, with "A → B" that cannot break', () => {
		const ordering = bank.filter((q) => q.kind === 'order_steps');
		expect(ordering.length).toBeGreaterThan(5);
		for (const q of ordering)
			for (const lang of ['zh', 'en'] as const) {
				const lines = q.explanation[lang].split('\n');
				const steps = lines.filter((l) => /^\d+\. /.test(l));
				expect(steps.map((l) => Number.parseInt(l)), q.id).toEqual(q.answer.map((_, i) => i + 1));
				// "→" only ever joins the two ends of one segment, never two steps.
				for (const line of lines) expect(line.split('→').length, `${q.id}: ${line}`).toBeLessThanOrEqual(2);
				for (const o of q.options) expect(o.label[lang], q.id).not.toMatch(/ →|→ /);
			}
	});

	it('schedules an interview card that repeats another card as that card: one family, not two', () => {
		const repeats = deck.topics.flatMap((t) => t.cards).filter((c) => c.sameAs);
		expect(repeats.length).toBeGreaterThanOrEqual(9);
		for (const c of repeats) expect(byId(`flashcard:${c.id}`).family, c.id).toBe(byId(`flashcard:${c.sameAs}`).family);
		expect(byId('flashcard:interview-close-wait-pile').family).toBe('diag:CLOSE_WAIT');
	});

	it('asks what sysctl shows for tcp_orphan_retries, 0, and never offers the 8 it stands for', () => {
		const q = byId('param_default:tcp_orphan_retries');
		expect(q.answer).toEqual(['v0']);
		expect(q.options.map((o) => o.id)).not.toContain('v8');
		expect(q.prompt.en).toMatch(/sysctl net\.ipv4\.tcp_orphan_retries/);
		expect(q.explanation.en).toMatch(/treats as 8/);
	});

	it('has an explanation with its source in both languages for every answer', () => {
		for (const q of bank) {
			expect(q.explanation.en, q.id).toMatch(/Source: /);
			expect(q.explanation.zh, q.id).toMatch(/来源：/);
		}
	});
});

describe('the validator rejects', () => {
	const rejects = (q: Question, message: RegExp) => {
		const broken = bank.map((x) => (x.id === q.id ? q : x));
		expect(validateBank(broken, deck, machine).join('\n')).toMatch(message);
	};

	it('a wrong answer', () => {
		const q = clone(byId('next_state:FIN_WAIT_1:recv_fin:own_fin_unacked'));
		q.answer = [q.options.find((o) => o.id !== 'CLOSING')!.id];
		rejects(q, /answer \w+ is wrong: expected CLOSING/);
	});

	it('a distractor that is right under another condition', () => {
		const q = clone(byId('next_state:SYN_RECEIVED:recv_rst:from_listen'));
		q.options[q.options.findIndex((o) => !q.answer.includes(o.id))] = { id: 'CLOSED', label: { zh: 'CLOSED', en: 'CLOSED' } };
		rejects(q, /distractor CLOSED is a right answer under some condition/);
	});

	it('a duplicate option', () => {
		const q = clone(byId('segment_sent:CLOSE_WAIT:close'));
		q.options.push(q.options[0]!);
		rejects(q, /duplicate option id/);
	});

	it('an answer missing from its options', () => {
		const q = clone(byId('param_default:tcp_syn_retries'));
		q.options = q.options.filter((o) => o.id !== 'v6');
		rejects(q, /answer v6 is not among the options/);
	});

	it('a role question that leaves a right role unmarked (SYN-RECEIVED in a simultaneous open)', () => {
		const q = clone(byId('state_side:SYN_RECEIVED'));
		q.answer = ['passive_opener'];
		delete q.multi;
		rejects(q, /distractor simultaneous_open is a right answer|expected all of passive_opener, simultaneous_open/);
		q.options = q.options.filter((o) => o.id !== 'simultaneous_open');
		rejects(q, /expected all of passive_opener, simultaneous_open/);
	});

	it('a question that leaves the condition of its answer unstated', () => {
		const between = clone(byId('event_between:SYN_RECEIVED:LISTEN'));
		between.prompt = { zh: '哪些事件会让端点从 SYN-RECEIVED 进入 LISTEN？', en: 'Which events take an endpoint from SYN-RECEIVED to LISTEN?' };
		rejects(between, /does not state the condition from_listen/);
		delete between.subject;
		rejects(between, /recv_rst reaches LISTEN only under a condition the prompt does not state/);
		const next = clone(byId('next_state:SYN_RECEIVED:recv_rst:from_listen'));
		next.prompt = { zh: '端点处于 SYN-RECEIVED，此时收到 RST。接下来它处于哪个状态？', en: 'An endpoint is in SYN-RECEIVED and a RST arrives. Which state is it in next?' };
		rejects(next, /en prompt does not state the condition from_listen/);
	});

	it('an impossible premise: the ACK of our FIN in a state where nothing of ours is outstanding', () => {
		const q = clone(byId('next_state:CLOSED:recv_ack'));
		q.prompt = { zh: '端点处于 CLOSED，此时收到对本端 SYN/FIN 的 ACK。接下来它处于哪个状态？', en: 'An endpoint is in CLOSED and the ACK of our SYN or FIN arrives. Which state is it in next?' };
		rejects(q, /impossible premise in CLOSED/);
		const listen = clone(byId('event_between:LISTEN:SYN_RECEIVED'));
		listen.options[listen.options.findIndex((o) => !listen.answer.includes(o.id))]!.label = { zh: '收到同时确认了本端 FIN 的 FIN', en: 'a FIN that also acknowledges our FIN arrives' };
		rejects(listen, /impossible premise in LISTEN/);
	});

	it('an explanation whose numbers differ from its answer', () => {
		const last = clone(byId('duration:syn_last_retransmission:tcp_syn_retries=5,tcp_syn_linear_timeouts=0'));
		last.explanation = {
			zh: `每次等待从初始 RTO 起翻倍，最后一次重传后再等一个 RTO：共 63秒（1分3秒）。（来源：${last.source}）`,
			en: `Each wait doubles from the initial RTO, and after the last retransmission the kernel waits one more RTO: 63 s (1 min 3 s) in all. (Source: ${last.source})`
		};
		rejects(last, /does not arrive at the answer 31 s/);
		const linear = clone(byId('duration:syn_give_up:tcp_syn_retries=6,tcp_syn_linear_timeouts=4'));
		linear.explanation = {
			zh: `每次等待翻倍：1 + 2 + 4 + 8 + 16 + 32 + 64 = 131秒。（来源：${linear.source}）`,
			en: `Each wait doubles: 1 + 2 + 4 + 8 + 16 + 32 + 64 = 131 s. (Source: ${linear.source})`
		};
		rejects(linear, /1 \+ 2 \+ 4 \+ 8 \+ 16 \+ 32 \+ 64 = 131 does not add up/);
		const stray = clone(byId('duration:syn_give_up:tcp_syn_retries=6,tcp_syn_linear_timeouts=4'));
		stray.explanation = { zh: stray.explanation.zh.replace('131秒', '131秒，约 127 秒'), en: stray.explanation.en.replace('131 s', '131 s, about 127 s') };
		rejects(stray, /shows 127, which its answer's computation never produces/);
	});

	it('a statement card without statements: an authored quiz card as a flashcard that shows no options', () => {
		const card = clone(byId('flashcard:handshake-quiz'));
		card.options = [];
		card.answer = [];
		delete card.multi;
		rejects(card, /flashcard:handshake-quiz: a statement card without statements/);
		// Any flashcard that asks which statements are true must show them.
		const other = clone(byId('flashcard:handshake-why-three'));
		other.prompt = { zh: '关于三次握手，下列哪些说法是正确的？', en: 'Which statements about the three-way handshake are true?' };
		rejects(other, /flashcard:handshake-why-three: a statement card without statements/);
	});

	it('a statement card that marks the wrong statements true', () => {
		const card = clone(byId('flashcard:handshake-quiz'));
		card.answer = card.options.filter((o) => !card.answer.includes(o.id)).map((o) => o.id);
		rejects(card, /flashcard:handshake-quiz: answer \S+ is wrong/);
	});

	it('a numeric distractor within ±1 or ±1% of the answer', () => {
		const somaxconn = clone(byId('param_default:somaxconn'));
		somaxconn.options[somaxconn.options.findIndex((o) => !somaxconn.answer.includes(o.id))] = { id: 'v4095', label: { zh: '4095', en: '4095' } };
		rejects(somaxconn, /distractor v4095 is within ±1 \(or ±1%\) of the answer 4096/);
		const keepalive = clone(byId('duration:keepalive_detection:tcp_keepalive_time=7200,tcp_keepalive_probes=9,tcp_keepalive_intvl=75'));
		keepalive.options[keepalive.options.findIndex((o) => !keepalive.answer.includes(o.id))] = { id: 's7950', label: { zh: '7950 秒', en: '7950 s' } };
		rejects(keepalive, /distractor s7950 is within ±1 \(or ±1%\) of the answer 7875/);
	});

	it('an answer that is the only option with a telltale word', () => {
		// The prompt of a removed setting says so; an option alone must not.
		expect(byId('param_meaning:tcp_tw_recycle').prompt.en).toMatch(/removed/);
		const q = clone(byId('param_meaning:tcp_tw_reuse'));
		const right = q.options.find((o) => q.answer.includes(o.id))!;
		right.label = { zh: `${right.label.zh}（已从内核中移除）`, en: `${right.label.en} (since removed from Linux)` };
		rejects(q, /the answer is the only option that says “removed”/);
	});

	it('two questions with the same id', () => {
		expect(validateBank([...bank, bank[0]!], deck, machine).join()).toMatch(/duplicate question id/);
	});

	it('a bank built from the real machine when a transition is corrupted', () => {
		const corrupted = createMachine(
			TRANSITIONS.map((t) => (t.from === 'FIN_WAIT_1' && t.event === 'recv_fin' ? { ...t, to: 'TIME_WAIT' as const } : t))
		);
		const problems = validateBank(bank, deck, corrupted);
		expect(problems.join('\n')).toMatch(/next_state:FIN_WAIT_1:recv_fin:own_fin_unacked: answer CLOSING is wrong/);
	});
});
