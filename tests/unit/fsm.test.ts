import { describe, expect, it } from 'vitest';
import {
	CONDITIONS,
	EVENTS,
	machine,
	parseState,
	RFC_NAME,
	roleOf,
	rolesOf,
	SCENARIOS,
	SS_NAME,
	simulate,
	stateTrace,
	STATES,
	TRANSITIONS,
	unreachableStates,
	type Condition,
	type Event,
	type Segment,
	type State
} from '../../src/lib/core/fsm';

type Expect = [State, Event, State, Segment, Condition?];

/** RFC 9293 §3.3.2 Figure 5 and §3.10, row by row. */
const RFC: Expect[] = [
	['CLOSED', 'passive_open', 'LISTEN', 'none'],
	['CLOSED', 'active_open', 'SYN_SENT', 'SYN'],
	['LISTEN', 'recv_syn', 'SYN_RECEIVED', 'SYN_ACK'],
	['LISTEN', 'send', 'SYN_SENT', 'SYN'],
	['LISTEN', 'close', 'CLOSED', 'none'],
	['SYN_SENT', 'recv_syn', 'SYN_RECEIVED', 'SYN_ACK'],
	['SYN_SENT', 'recv_syn_ack', 'ESTABLISHED', 'ACK', 'ack_acceptable'],
	['SYN_SENT', 'close', 'CLOSED', 'none'],
	['SYN_RECEIVED', 'recv_ack', 'ESTABLISHED', 'none', 'ack_acceptable'],
	['SYN_RECEIVED', 'close', 'FIN_WAIT_1', 'FIN'],
	['SYN_RECEIVED', 'recv_rst', 'LISTEN', 'none', 'from_listen'],
	['SYN_RECEIVED', 'recv_rst', 'CLOSED', 'none', 'from_syn_sent'],
	['ESTABLISHED', 'close', 'FIN_WAIT_1', 'FIN'],
	['ESTABLISHED', 'recv_fin', 'CLOSE_WAIT', 'ACK'],
	['ESTABLISHED', 'recv_rst', 'CLOSED', 'none'],
	['ESTABLISHED', 'abort', 'CLOSED', 'RST'],
	['FIN_WAIT_1', 'recv_ack', 'FIN_WAIT_2', 'none'],
	['FIN_WAIT_1', 'recv_fin', 'CLOSING', 'ACK', 'own_fin_unacked'],
	['FIN_WAIT_1', 'recv_fin_ack', 'TIME_WAIT', 'ACK'],
	['FIN_WAIT_2', 'recv_fin', 'TIME_WAIT', 'ACK'],
	['CLOSE_WAIT', 'close', 'LAST_ACK', 'FIN'],
	['CLOSING', 'recv_ack', 'TIME_WAIT', 'none'],
	['LAST_ACK', 'recv_ack', 'CLOSED', 'none'],
	['TIME_WAIT', 'timeout_2msl', 'CLOSED', 'none'],
	// The retransmission timer resends what is outstanding and keeps the state.
	['SYN_SENT', 'retransmit', 'SYN_SENT', 'SYN'],
	['SYN_RECEIVED', 'retransmit', 'SYN_RECEIVED', 'SYN_ACK'],
	['FIN_WAIT_1', 'retransmit', 'FIN_WAIT_1', 'FIN'],
	['CLOSING', 'retransmit', 'CLOSING', 'FIN'],
	['LAST_ACK', 'retransmit', 'LAST_ACK', 'FIN'],
	// SYN_RECEIVED on a SYN-ACK: ESTABLISHED only after a simultaneous open; after a passive open
	// RFC 9293 §3.10.7.4 ("fourth, check the SYN bit") returns it to LISTEN.
	['SYN_RECEIVED', 'recv_syn_ack', 'ESTABLISHED', 'none', 'from_syn_sent'],
	['SYN_RECEIVED', 'recv_syn_ack', 'LISTEN', 'none', 'from_listen'],
	// The user timeout needs something unacknowledged: never in an idle CLOSE_WAIT or FIN_WAIT_2.
	['CLOSE_WAIT', 'user_timeout', 'CLOSED', 'none', 'data_unacked'],
	// Retransmitted FINs are acknowledged again (and restart 2MSL in TIME_WAIT).
	['CLOSE_WAIT', 'recv_fin', 'CLOSE_WAIT', 'ACK'],
	['CLOSING', 'recv_fin', 'CLOSING', 'ACK'],
	['LAST_ACK', 'recv_fin', 'LAST_ACK', 'ACK'],
	['TIME_WAIT', 'recv_fin', 'TIME_WAIT', 'ACK'],
	// ABORT sends RST only where the peer still expects data (§3.10.5).
	['CLOSING', 'abort', 'CLOSED', 'none'],
	['LAST_ACK', 'abort', 'CLOSED', 'none'],
	['TIME_WAIT', 'abort', 'CLOSED', 'none'],
	['CLOSED', 'recv_syn', 'CLOSED', 'RST']
];

describe('the transition table', () => {
	it.each(RFC)('%s on %s goes to %s sending %s (%s)', (from, event, to, send, cond) => {
		expect(machine.next(from, event, cond)).toMatchObject({ to, send });
	});

	it('names all eleven states, and every one is reachable from CLOSED', () => {
		const named = new Set(TRANSITIONS.flatMap((t) => [t.from, t.to]));
		expect([...named].sort()).toEqual([...STATES].sort());
		expect(unreachableStates(machine)).toEqual([]);
	});

	it('has one row per state, event and condition, and conditions only where outcomes split', () => {
		const keys = TRANSITIONS.map((t) => `${t.from}/${t.event}/${t.cond ?? ''}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (const t of TRANSITIONS) {
			const rows = machine.outcomes(t.from, t.event);
			if (rows.length > 1) expect(rows.every((r) => r.cond)).toBe(true);
		}
	});

	it('lets the application close and abort in every state', () => {
		for (const s of STATES) {
			expect(machine.next(s, 'close'), `close in ${s}`).toBeDefined();
			expect(machine.next(s, 'abort'), `abort in ${s}`).toBeDefined();
		}
	});

	it('answers a RST in every synchronised state by closing', () => {
		for (const s of ['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK'] as const)
			expect(machine.next(s, 'recv_rst')?.to).toBe('CLOSED');
	});

	it('closes TIME_WAIT on a RST only with tcp_rfc1337 = 0 (Linux default); RFC 1337 ignores it', () => {
		expect(() => machine.next('TIME_WAIT', 'recv_rst')).toThrow(/depends on a condition/);
		expect(machine.next('TIME_WAIT', 'recv_rst', 'rfc1337_off')?.to).toBe('CLOSED');
		expect(machine.next('TIME_WAIT', 'recv_rst', 'rfc1337_on')).toMatchObject({ to: 'TIME_WAIT', send: 'none' });
	});

	it('answers a SYN on an established connection with a challenge ACK, not a RST', () => {
		expect(machine.next('ESTABLISHED', 'recv_syn')).toMatchObject({ to: 'ESTABLISHED', send: 'ACK' });
		expect(machine.outcomes('ESTABLISHED', 'recv_syn')[0]!.source).toMatch(/RFC 5961/);
	});

	it('refuses to guess a condition', () => {
		expect(() => machine.next('SYN_RECEIVED', 'recv_rst')).toThrow(/depends on a condition/);
		expect(machine.next('SYN_RECEIVED', 'recv_rst', 'from_listen')?.to).toBe('LISTEN');
	});

	it('cites RFC 9293 on every row, in the contract vocabulary', () => {
		for (const t of TRANSITIONS) {
			expect(t.source).toMatch(/^RFC 9293 §3\./);
			expect(EVENTS).toContain(t.event);
			if (t.cond) expect(CONDITIONS).toContain(t.cond);
		}
	});

	it('lists transitions into and out of a state', () => {
		expect(machine.into('CLOSING').map((t) => t.from)).toEqual(['FIN_WAIT_1']);
		expect(machine.from('CLOSING').map((t) => t.to)).toContain('TIME_WAIT');
	});

	it('finds shortest paths', () => {
		const path = (a: State, b: State) => machine.shortestPath(a, b)?.map((t) => t.to);
		expect(path('CLOSED', 'ESTABLISHED')).toEqual(['SYN_SENT', 'ESTABLISHED']);
		expect(path('ESTABLISHED', 'CLOSING')).toEqual(['FIN_WAIT_1', 'CLOSING']);
		expect(path('CLOSE_WAIT', 'CLOSED')).toEqual(['CLOSED']);
		expect(path('LISTEN', 'LISTEN')).toEqual([]);
	});
});

describe('names', () => {
	it('accepts the RFC, ss and the notes spellings', () => {
		expect(parseState('SYN-RECEIVED')).toBe('SYN_RECEIVED');
		expect(parseState('SYN-RECV')).toBe('SYN_RECEIVED');
		expect(parseState('SYN_RECVD')).toBe('SYN_RECEIVED');
		expect(parseState('FIN_WAIT1')).toBe('FIN_WAIT_1');
		expect(parseState('fin-wait-2')).toBe('FIN_WAIT_2');
		expect(parseState('ESTAB')).toBe('ESTABLISHED');
		expect(parseState('HALF_OPEN')).toBeUndefined();
	});
	it('shows the RFC and ss names', () => {
		expect(RFC_NAME.SYN_RECEIVED).toBe('SYN-RECEIVED');
		expect(SS_NAME.SYN_RECEIVED).toBe('SYN-RECV');
		expect(SS_NAME.ESTABLISHED).toBe('ESTAB');
	});
});

describe('the two-endpoint simulation', () => {
	const trace = (id: keyof typeof SCENARIOS, side: 'A' | 'B') => stateTrace(simulate(SCENARIOS[id]), side);

	it('opens with three segments', () => {
		const steps = simulate(SCENARIOS.three_way_handshake);
		expect(steps.flatMap((s) => (s.sent ? [`${s.sent.from}:${s.sent.flag}`] : []))).toEqual(['A:SYN', 'B:SYN_ACK', 'A:ACK']);
		expect(steps.at(-1)?.states).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
		const synAck = steps.find((s) => s.sent?.flag === 'SYN_ACK')!.sent!;
		expect(synAck.ack).toBe(101); // the SYN occupies one sequence number
	});

	it('closes from either side, the first closer waiting in TIME_WAIT', () => {
		expect(trace('client_closes_first', 'A')).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSED']);
		expect(trace('client_closes_first', 'B')).toEqual(['CLOSED', 'LISTEN', 'SYN_RECEIVED', 'ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
		expect(trace('server_closes_first', 'B')).toContain('TIME_WAIT');
		expect(trace('server_closes_first', 'A')).toContain('LAST_ACK');
	});

	it('passes both sides through CLOSING in a simultaneous close', () => {
		for (const side of ['A', 'B'] as const)
			expect(trace('simultaneous_close', side).slice(-4)).toEqual(['FIN_WAIT_1', 'CLOSING', 'TIME_WAIT', 'CLOSED']);
	});

	it('passes both sides through SYN_RECEIVED in a simultaneous open', () => {
		for (const side of ['A', 'B'] as const)
			expect(trace('simultaneous_open', side)).toEqual(['CLOSED', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED']);
	});

	it('resets and refuses', () => {
		expect(trace('reset', 'B').at(-1)).toBe('CLOSED');
		const refused = simulate(SCENARIOS.connection_refused);
		expect(refused[1]?.sent?.flag).toBe('RST');
		expect(refused.at(-1)?.states.A).toBe('CLOSED');
	});

	it('re-acknowledges a retransmitted FIN in TIME_WAIT', () => {
		const steps = simulate(SCENARIOS.lost_last_ack);
		const again = steps.findIndex((s) => s.note === 'retransmitted');
		expect(steps[again + 1]).toMatchObject({ event: 'recv_fin', states: { A: 'TIME_WAIT' } });
		expect(steps[again + 1]?.sent?.flag).toBe('ACK');
	});

	it('repairs a lost SYN-ACK by the server’s retransmission, and a lost FIN by the closer’s', () => {
		const synAck = simulate(SCENARIOS.lost_syn_ack);
		const again = synAck.find((s) => s.note === 'retransmitted')!;
		expect(again).toMatchObject({ side: 'B', states: { A: 'SYN_SENT', B: 'SYN_RECEIVED' } });
		expect(again.sent?.flag).toBe('SYN_ACK');
		expect(synAck.at(-1)?.states).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
		const fin = simulate(SCENARIOS.lost_fin);
		const resent = fin.find((s) => s.note === 'retransmitted')!;
		expect(resent).toMatchObject({ side: 'A', states: { A: 'FIN_WAIT_1', B: 'ESTABLISHED' } });
		expect(resent.sent?.flag).toBe('FIN');
		expect(fin.at(-1)?.states).toEqual({ A: 'CLOSED', B: 'CLOSED' });
	});

	it('completes the handshake with the client’s first data segment when the third ACK is lost', () => {
		const steps = simulate(SCENARIOS.lost_third_ack);
		const lost = steps.findIndex((s) => s.lost);
		expect(steps[lost]?.states).toEqual({ A: 'ESTABLISHED', B: 'SYN_RECEIVED' });
		const last = steps.at(-1)!;
		expect(last).toMatchObject({ event: 'recv_ack', cond: 'ack_acceptable', states: { A: 'ESTABLISHED', B: 'ESTABLISHED' } });
		expect(last.received?.len).toBeGreaterThan(0);
	});

	it('marks every role that passes through a state, simultaneous open and close included', () => {
		expect(rolesOf('SYN_RECEIVED')).toEqual(['passive_opener', 'simultaneous_open']);
		expect(rolesOf('TIME_WAIT')).toEqual(['active_closer', 'simultaneous_close']);
		expect(rolesOf('CLOSING')).toEqual(['simultaneous_close']);
		expect(rolesOf('LAST_ACK')).toEqual(['passive_closer']);
		expect(rolesOf('ESTABLISHED')).toEqual(['both']);
	});

	it('has no timer that ends an idle CLOSE_WAIT or FIN_WAIT_2, and one timer per kind', () => {
		expect(machine.outcomes('FIN_WAIT_2', 'user_timeout')).toEqual([]);
		expect(machine.outcomes('CLOSE_WAIT', 'user_timeout').every((t) => t.cond === 'data_unacked')).toBe(true);
		expect(machine.table.filter((t) => t.event === 'timeout_2msl').map((t) => t.from)).toEqual(['TIME_WAIT']);
		for (const t of machine.table.filter((r) => r.event === 'retransmit')) expect(t.to).toBe(t.from);
	});

	it('derives who passes through each state', () => {
		expect(roleOf('TIME_WAIT')).toBe('active_closer');
		expect(roleOf('CLOSE_WAIT')).toBe('passive_closer');
		expect(roleOf('LISTEN')).toBe('passive_opener');
		expect(roleOf('CLOSING')).toBe('simultaneous_close');
		expect(roleOf('ESTABLISHED')).toBe('both');
	});
});

describe('sequence numbers', () => {
	it('sends an abort RST at SND.NXT, which the peer expects', () => {
		const steps = simulate(SCENARIOS.reset);
		const rst = steps.find((s) => s.sent?.flag === 'RST')!.sent!;
		expect(rst.seq).toBe(101);
	});
});
