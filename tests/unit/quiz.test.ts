import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/lib/content';
import { createMachine, machine, STATES, TRANSITIONS } from '../../src/lib/fsm';
import { generateBank, validateBank, type Question } from '../../src/lib/quiz';
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
