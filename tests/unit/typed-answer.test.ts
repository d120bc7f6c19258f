import { beforeAll, describe, expect, it } from 'vitest';
import { RFC_NAME, SEGMENTS, SS_NAME, STATES, type State } from '../../src/lib/core/fsm';
import { PARAMS } from '../../src/lib/core/params';
import { generateBank, type Question } from '../../src/lib/server/generate';
import { matchTyped, readQuantity, typedTarget, type TypedTarget } from '../../src/lib/features/quiz/typed';
import { loadDeck } from '../../src/lib/server/deck';

let bank: Question[];
beforeAll(() => {
	bank = generateBank(loadDeck());
});

const stateTarget = (state: State): TypedTarget => ({ concept: { kind: 'state', state }, shown: { zh: RFC_NAME[state], en: RFC_NAME[state] } });
const accepts = (input: string, target: TypedTarget) => matchTyped(input, target).ok;

describe('typed answers: states', () => {
	it('accepts every spelling of every state the app knows, in any case and with - _ or space', () => {
		for (const s of STATES) {
			const spellings = [s, RFC_NAME[s], SS_NAME[s]];
			for (const spelled of spellings)
				for (const variant of [spelled, spelled.toLowerCase(), spelled.replace(/[-_]/g, ' '), spelled.replace(/_/g, '-')])
					expect(accepts(variant, stateTarget(s)), `${variant} for ${s}`).toBe(true);
		}
	});

	it('accepts the netstat, BSD and notes spellings of SYN-RECEIVED and the Chinese name the content teaches', () => {
		for (const spelled of ['SYN-RECEIVED', 'SYN_RECV', 'SYN_RCVD', 'SYN_RECVD', 'syn-recv', 'Syn Received', '半连接', '半连接状态', 'ＳＹＮ－ＲＥＣＶ'])
			expect(accepts(spelled, stateTarget('SYN_RECEIVED')), spelled).toBe(true);
		expect(accepts('FIN_WAIT2', stateTarget('FIN_WAIT_2'))).toBe(true);
		expect(accepts('半关闭', stateTarget('FIN_WAIT_2'))).toBe(true);
	});

	it('refuses near misses and other states, saying why', () => {
		for (const miss of ['SYN_RECEIVE', 'SYN-RECIEVED', 'SYN_RCV', 'SYN', 'RECEIVED', '半连接队列', 'SYN-SENT', ''])
			expect(accepts(miss, stateTarget('SYN_RECEIVED')), miss).toBe(false);
		expect(accepts('FIN-WAIT-1', stateTarget('FIN_WAIT_2'))).toBe(false);
		expect(accepts('FIN_WAIT_3', stateTarget('FIN_WAIT_2'))).toBe(false);
		expect(accepts('ESTAB', stateTarget('CLOSE_WAIT'))).toBe(false);
		expect(matchTyped('SYN-RECIEVED', stateTarget('SYN_RECEIVED')).why.en).toMatch(/misspelt/);
		expect(matchTyped('LISTEN', stateTarget('SYN_RECEIVED')).why.en).toMatch(/reads as LISTEN/);
		expect(matchTyped('LISTEN', stateTarget('SYN_RECEIVED')).why.zh).toMatch(/读作 LISTEN/);
	});

	it('says what it accepted and why, in both languages', () => {
		const verdict = matchTyped('syn_rcvd', stateTarget('SYN_RECEIVED'));
		expect(verdict).toMatchObject({ ok: true, accepted: { en: 'SYN-RECEIVED' } });
		expect(verdict.why.en).toContain('netstat');
		expect(verdict.why.zh).toContain('netstat');
		expect(matchTyped('SYN-RECV', stateTarget('SYN_RECEIVED')).why.en).toContain('`ss`');
		expect(matchTyped('半连接状态', stateTarget('SYN_RECEIVED')).why.zh).toContain('中文名');
	});
});

describe('typed answers: segments and parameters', () => {
	const seg = (segment: (typeof SEGMENTS)[number]): TypedTarget => ({ concept: { kind: 'segment', segment }, shown: { zh: segment, en: segment } });
	const param = (name: string): TypedTarget => ({ concept: { kind: 'param', name }, shown: { zh: name, en: name } });

	it('accepts the spellings of each segment and refuses the others', () => {
		for (const s of ['SYN+ACK', 'SYN-ACK', 'syn/ack', 'SYNACK', 'syn ack']) expect(accepts(s, seg('SYN_ACK')), s).toBe(true);
		for (const s of ['none', 'nothing', '不发送', '不发送任何报文']) expect(accepts(s, seg('none')), s).toBe(true);
		expect(accepts('reset', seg('RST'))).toBe(true);
		for (const s of ['SYN', 'ACK', 'FIN-ACK', 'SYNN']) expect(accepts(s, seg('SYN_ACK')), s).toBe(false);
	});

	it('accepts a parameter by name, sysctl name or /proc path, and refuses its neighbours', () => {
		for (const p of PARAMS) {
			expect(accepts(p.name, param(p.name)), p.name).toBe(true);
			expect(accepts(p.sysctl, param(p.name)), p.sysctl).toBe(true);
			expect(accepts(`/proc/sys/${p.sysctl.replace(/\./g, '/')}`, param(p.name)), p.sysctl).toBe(true);
		}
		for (const miss of ['tcp_syn_retry', 'tcp_synack_retries', 'syn_retries', 'tcp_syn_retries2'])
			expect(accepts(miss, param('tcp_syn_retries')), miss).toBe(false);
	});
});

describe('typed answers: numbers with units', () => {
	it('reads durations in any unit, in both languages', () => {
		for (const s of ['131 s', '131s', '2 min 11 s', '2m11s', '2 分钟 11 秒', '2分11秒', '131 秒', '131 seconds', '131000 ms'])
			expect(readQuantity(s), s).toEqual({ kind: 'quantity', value: 131, timed: true });
		expect(readQuantity('2 h 11 min 15 s')).toEqual({ kind: 'quantity', value: 7875, timed: true });
		expect(readQuantity('6')).toEqual({ kind: 'quantity', value: 6, timed: false });
		expect(readQuantity('6 次')).toEqual({ kind: 'quantity', value: 6, timed: false });
		for (const bad of ['', 's', '2 fortnights', '6 s 6', '1..2 s', 'abc']) expect(readQuantity(bad), bad).toBeNull();
	});

	it('takes the answer of a duration question in any unit, a bare number in the answer’s unit, and nothing else', () => {
		const q = bank.find((x) => x.kind === 'duration' && x.answer[0] === 's131')!;
		const target = typedTarget(q)!;
		for (const s of ['2 min 11 s', '131', '131 秒', '2 分钟 11 秒', '131 s']) expect(accepts(s, target), s).toBe(true);
		for (const s of ['130 s', '131 ms', '2 min', '131 min', '2 min 12 s']) expect(accepts(s, target), s).toBe(false);
		const bare = matchTyped('131', target);
		expect(bare.ok && bare.why.en).toMatch(/without a unit/);
	});

	it('reads a bare number in milliseconds where the answer is given in ms', () => {
		const q = bank.find((x) => x.kind === 'param_default' && x.subject?.param === 'tcp_tw_reuse_delay')!;
		const target = typedTarget(q)!;
		for (const s of ['1000 ms', '1 s', '1000', '1000 毫秒']) expect(accepts(s, target), s).toBe(true);
		for (const s of ['1', '1000 s', '100 ms']) expect(accepts(s, target), s).toBe(false);
	});

	it('keeps counts apart from durations', () => {
		const q = bank.find((x) => x.kind === 'param_default' && x.subject?.param === 'tcp_syn_retries')!;
		const target = typedTarget(q)!;
		expect(accepts('6', target)).toBe(true);
		expect(accepts('6 次', target)).toBe(true);
		expect(accepts('6 s', target)).toBe(false);
		expect(accepts('5', target)).toBe(false);
	});
});

describe('which questions can be typed', () => {
	it('is read from the data: every qualifying question’s own right label is accepted, every other option refused', () => {
		let typeable = 0;
		for (const q of bank) {
			const target = typedTarget(q);
			if (!target) continue;
			typeable++;
			const right = q.options.find((o) => o.id === q.answer[0])!;
			expect(accepts(right.label.en.replace(/\s*\(.*\)$/, ''), target), q.id).toBe(true);
			expect(accepts(right.label.zh.replace(/\s*（.*）$/, ''), target), q.id).toBe(true);
			for (const o of q.options.filter((o) => o.id !== q.answer[0]))
				expect(accepts(o.label.en.replace(/\s*\(.*\)$/, ''), target), `${q.id}: ${o.id}`).toBe(false);
		}
		expect(typeable).toBeGreaterThan(200);
	});

	it('leaves out descriptions, orders, several answers, and prompts that already show the answer', () => {
		const kindsTyped = new Set(bank.filter((q) => typedTarget(q)).map((q) => q.kind));
		for (const k of ['next_state', 'segment_sent', 'proc_code', 'state_from_description', 'param_from_meaning', 'param_default', 'duration']) expect(kindsTyped, k).toContain(k);
		for (const q of bank.filter((q) => ['order_steps', 'event_between', 'param_meaning', 'state_side', 'ss_diagnosis'].includes(q.kind))) expect(typedTarget(q), q.id).toBeNull();
		for (const q of bank.filter((q) => q.multi)) expect(typedTarget(q), q.id).toBeNull();
		// `ss` shows SYN-RECV: which state? Typing SYN-RECV back would only copy the prompt.
		const ss = bank.find((q) => q.kind === 'ss_name' && q.answer[0] === 'SYN_RECEIVED')!;
		expect(typedTarget(ss)).toBeNull();
	});

	it('reads a question that carries one language, as a session’s slice of the bank does', () => {
		const only = (q: Question, lang: 'zh' | 'en'): Question => {
			const keep = <T extends { zh: string; en: string }>(t: T) => ({ [lang]: t[lang] }) as unknown as T;
			return { ...q, prompt: keep(q.prompt), options: q.options.map((o) => ({ ...o, label: keep(o.label) })) };
		};
		for (const q of bank.filter((q) => typedTarget(q))) {
			for (const lang of ['zh', 'en'] as const) expect(typedTarget(only(q, lang))?.concept, `${q.id} (${lang})`).toEqual(typedTarget(q)!.concept);
		}
	});
});
