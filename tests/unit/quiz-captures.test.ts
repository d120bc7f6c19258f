/**
 * Questions from the committed captures: made at build time from their tcpdump text, validated by
 * replaying that text. Each test below breaks one question the way a careless generator would and
 * expects the validator to refuse it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/lib/server/content';
import { deliveries, listingOf, readCapture } from '../../src/lib/core/capture/reading';
import { machine } from '../../src/lib/core/fsm';
import { generateBank, validateBank, type Question } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';

let deck: Deck;
let bank: Question[];
let captures: Question[];
beforeAll(() => {
	deck = loadDeck();
	bank = generateBank(deck);
	captures = bank.filter((q) => q.kind === 'capture');
});

const byId = (id: string) => structuredClone(captures.find((q) => q.id === id)!);
const problems = (...qs: Question[]) => validateBank(qs, deck, machine);
const swapAnswer = (q: Question) => {
	const other = q.options.find((o) => !q.answer.includes(o.id))!.id;
	return { ...q, answer: [other] };
};

describe('capture questions', () => {
	it('are made from every committed capture but the self-connect, in every aspect, and all pass', () => {
		const ids = new Set(captures.map((q) => String(q.subject?.capture)));
		for (const c of deck.captures!) if (c.info.id !== 'self_connect') expect(ids, c.info.id).toContain(c.info.id);
		const aspects = new Set(captures.map((q) => String(q.subject?.aspect)));
		expect([...aspects].sort()).toEqual(['closer', 'missing', 'retry_setting', 'rst', 'simultaneous', 'state']);
		expect(problems(...captures)).toEqual([]);
	});

	it('come after every other question, which stays exactly as it was without captures (follow-ups included)', () => {
		const without = generateBank({ topics: deck.topics });
		expect(bank.slice(0, without.length)).toEqual(without);
		expect(bank.slice(without.length).every((q) => q.kind === 'capture')).toBe(true);
	});

	it('speak both languages, show the capture numbered from 1, and join families and topics the bank already has', () => {
		const families = new Set(bank.filter((q) => q.kind !== 'capture').map((q) => q.family));
		for (const q of captures) {
			expect(q.prompt.zh).toMatch(/[\u4e00-\u9fff]/);
			expect(q.prompt.en).not.toMatch(/[\u4e00-\u9fff]/);
			expect(q.listing!.split('\n')[0]).toMatch(/^ ?1 00:00:00\.000000 IP /);
			expect(families, `${q.id} ${q.family}`).toContain(q.family);
		}
	});

	it('answer the real exchanges as an engineer reads them', () => {
		expect(byId('capture:client_closes_first:closer').answer).toEqual(['client']);
		expect(byId('capture:server_closes_first:closer').answer).toEqual(['server']);
		expect(byId('capture:simultaneous_close_closing:simultaneous').answer).toEqual(['yes']);
		expect(byId('capture:three_segment_close:simultaneous').answer).toEqual(['no']);
		expect(byId('capture:abortive_close:closer').answer).toEqual(['none']);
		expect(byId('capture:connection_refused:rst:2').answer).toEqual(['refused']);
		expect(byId('capture:abortive_close:rst:8').answer).toEqual(['abort']);
		expect(byId('capture:simultaneous_close_closing:state:14:A').answer).toEqual(['CLOSING']);
		expect(byId('capture:three_segment_close:state:9:A').answer).toEqual(['TIME_WAIT']);
		expect(byId('capture:lost_syn_ack:missing').answer).toEqual(['p2']);
		expect(byId('capture:lost_syn_ack:retry_setting').answer).toEqual(['tcp_synack_retries']);
		// The client only shut down its sending side: the FIN is retried as an open connection's.
		expect(byId('capture:lost_fin:retry_setting').answer).toEqual(['tcp_retries2']);
		expect(byId('capture:lost_fin:retry_setting').prompt.en).toContain('0.21 s');
	});
});

describe('the validator refuses a capture question that', () => {
	it('marks a wrong state, closer, RST meaning, packet or setting', () => {
		for (const id of ['capture:client_closes_first:state:10:A', 'capture:half_close:closer', 'capture:abortive_close:rst:8', 'capture:lost_fin:missing', 'capture:lost_syn_ack:retry_setting'])
			expect(problems(swapAnswer(byId(id))).join(), id).toMatch(/is wrong/);
	});

	it('leaves out a call the wire cannot show, or the dropped packet', () => {
		const q = byId('capture:simultaneous_close_closing:state:14:A');
		q.prompt = { zh: q.prompt.zh.replace(/[^。]*调用了 close\(\)[^。]*。/, ''), en: q.prompt.en.replace(/The application of [^.]*\. /, '') };
		expect(problems(q).join()).toMatch(/does not state how the capture was made/);
		const lost = byId('capture:lost_fin:state:5:B');
		lost.prompt = { zh: lost.prompt.zh.replace(/第 4 个报文被[^。]*。/, ''), en: lost.prompt.en.replace(/Packet 4 was dropped[^.]*\. /, '') };
		expect(problems(lost).join()).toMatch(/does not state how the capture was made/);
	});

	it('offers LISTEN as wrong about the server, whose listener stays in LISTEN on that port', () => {
		const q = byId('capture:client_closes_first:state:11:B');
		const i = q.options.findIndex((o) => !q.answer.includes(o.id));
		q.options[i] = { id: 'LISTEN', label: { zh: 'LISTEN', en: 'LISTEN' } };
		expect(problems(q).join()).toMatch(/distractor LISTEN/);
	});

	it('offers as "delivered" a copy the text cannot prove arrived (a resent segment)', () => {
		const q = byId('capture:lost_fin:missing');
		const i = q.options.findIndex((o) => !q.answer.includes(o.id));
		q.options[i] = { id: 'p5', label: { zh: '第 5 个', en: '#5' } };
		expect(problems(q).join()).toMatch(/option p5 is not proved delivered/);
		// The rule itself: a resent copy is never among the packets proved delivered.
		const r = readCapture(deck.captures!.find((c) => c.info.id === 'lost_syn_ack')!);
		expect(deliveries(r.packets)).toEqual({ resentUnacknowledged: [1], acknowledged: [0, 7, 8] });
	});

	it('quotes a retransmission time the capture does not show, or one the counter cannot explain', () => {
		const q = byId('capture:lost_syn_ack:retry_setting');
		expect(problems({ ...q, subject: { ...q.subject, seconds: 2 } }).join()).toMatch(/not 2 s/);
		const slow = structuredClone(deck);
		const src = slow.captures!.find((c) => c.info.id === 'lost_syn_ack')!;
		// The same capture with the resend three seconds late: no longer the SYN-ACK timer's first 1 s.
		src.text = src.text.replace(/00:00:01\.03/g, '00:00:03.03');
		const moved = generateBank(slow).find((x) => x.id === q.id)!;
		expect(validateBank([moved], slow, machine).join()).toMatch(/does not fit tcp_synack_retries/);
	});

	it("shows another capture's listing, or a capture whose recorder and text disagree about the loss", () => {
		const q = byId('capture:half_close:closer');
		q.listing = listingOf(deck.captures!.find((c) => c.info.id === 'client_closes_first')!.text);
		expect(problems(q).join()).toMatch(/listing is not the capture/);
		const lying = structuredClone(deck);
		lying.captures!.find((c) => c.info.id === 'lost_fin')!.info.lost = [6];
		expect(validateBank([byId('capture:lost_fin:missing')], lying, machine).join()).toMatch(/the text shows 4 unanswered resend, the recorder dropped 7/);
	});
});
