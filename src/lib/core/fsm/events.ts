/** Events and segments of the state-machine contract (design.md). The names are fixed. */
export const EVENTS = [
	'passive_open',
	'active_open',
	'send',
	'close',
	'abort',
	'recv_syn',
	'recv_syn_ack',
	'recv_ack',
	'recv_fin',
	'recv_fin_ack',
	'recv_rst',
	'timeout_2msl',
	'retransmit',
	'user_timeout'
] as const;
export type Event = (typeof EVENTS)[number];

/** Events raised by the local application, as opposed to arriving segments and timers. */
export const APP_EVENTS: readonly Event[] = ['passive_open', 'active_open', 'send', 'close', 'abort'];

/**
 * Three timers that are never one event: the 2MSL timer (TIME_WAIT only), the retransmission timer
 * (same state, the unacknowledged segment sent again) and the user timeout (retries exhausted: the
 * connection is dropped).
 */
export const TIMER_EVENTS: readonly Event[] = ['timeout_2msl', 'retransmit', 'user_timeout'];

/**
 * Review logs written before the timers were split name one `timeout` event: in TIME_WAIT it was
 * the 2MSL timer, everywhere else the give-up timer.
 */
export function upgradeEvent(from: string, event: string): string {
	if (event !== 'timeout') return event;
	return from === 'TIME_WAIT' ? 'timeout_2msl' : 'user_timeout';
}

export const SEGMENTS = ['SYN', 'SYN_ACK', 'ACK', 'FIN', 'RST', 'none'] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Conditions that split one (state, event) pair into several outcomes. The machine never guesses
 * them: a caller that knows the connection's history passes the one that holds.
 */
export const CONDITIONS = [
	/** SYN_RECEIVED was entered from LISTEN (a passive open). */
	'from_listen',
	/** SYN_RECEIVED was entered from SYN_SENT (a simultaneous open). */
	'from_syn_sent',
	/** The segment's ACK acknowledges exactly what we sent (SND.UNA < SEG.ACK =< SND.NXT). */
	'ack_acceptable',
	/** The segment's ACK acknowledges something we never sent. */
	'ack_unacceptable',
	/** Our own FIN has not been acknowledged yet. */
	'own_fin_unacked',
	/** Data we sent is still unacknowledged (the user timeout only runs while it is, RFC 9293 §3.9.1.1). */
	'data_unacked',
	/** net.ipv4.tcp_rfc1337 = 0, Linux's default: a RST ends TIME_WAIT, as RFC 9293 §3.10.7.4 says. */
	'rfc1337_off',
	/** net.ipv4.tcp_rfc1337 = 1: a RST in TIME_WAIT is ignored, RFC 1337's fix for TIME-WAIT assassination. */
	'rfc1337_on'
] as const;
export type Condition = (typeof CONDITIONS)[number];

export function isEvent(value: string): value is Event {
	return (EVENTS as readonly string[]).includes(value);
}
export function isSegment(value: string): value is Segment {
	return (SEGMENTS as readonly string[]).includes(value);
}
export function isCondition(value: string): value is Condition {
	return (CONDITIONS as readonly string[]).includes(value);
}
