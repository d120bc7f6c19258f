import type { Condition, Event, Segment } from './events';
import type { State } from './states';

/**
 * One row of the TCP state machine: in `from`, on `event` (under `cond`, where the RFC's outcome
 * depends on one), the endpoint sends `send` and enters `to`.
 */
export interface Transition {
	from: State;
	event: Event;
	to: State;
	send: Segment;
	cond?: Condition;
	/** Where RFC 9293 says so, e.g. "RFC 9293 §3.10.7.4". */
	source: string;
}

const FIG5 = 'RFC 9293 §3.3.2 (Figure 5)';
const OPEN = 'RFC 9293 §3.10.1';
const SEND = 'RFC 9293 §3.10.2';
const CLOSE = 'RFC 9293 §3.10.4';
const ABORT = 'RFC 9293 §3.10.5';
const ON_CLOSED = 'RFC 9293 §3.10.7.1';
const ON_LISTEN = 'RFC 9293 §3.10.7.2';
const ON_SYN_SENT = 'RFC 9293 §3.10.7.3';
const ON_OTHER = 'RFC 9293 §3.10.7.4';
const SIM_OPEN = 'RFC 9293 §3.5 (Figure 7)';
const SYN_BIT = 'RFC 9293 §3.10.7.4 (fourth, check the SYN bit)';
const USER_TIMEOUT = 'RFC 9293 §3.10.8 (user timeout)';
/** The user timeout covers data submitted to TCP: it runs only while some is unacknowledged. */
const DATA_TIMEOUT = 'RFC 9293 §3.9.1.1, §3.10.8 (user timeout)';
const RETRANSMISSION = 'RFC 9293 §3.10.8 (retransmission timeout)';
const TIME_WAIT_TIMEOUT = 'RFC 9293 §3.10.8 (time-wait timeout)';

type Row = [State, Event, State, Segment, string, Condition?];

/**
 * The table, read as: from, event, to, segment sent, source, condition.
 * It covers Figure 5 and the parts of §3.10 a student meets: RSTs, retransmitted FINs, the three
 * timers and the application's CLOSE and ABORT in every state. Arriving segments that do not change
 * the state and need no reply (duplicate ACKs, data) are left out. The retransmission timer resends
 * only what the state has outstanding (SYN, SYN-ACK or FIN); the user timeout drops a connection
 * only where something of ours is unacknowledged, so idle ESTABLISHED, CLOSE_WAIT and FIN_WAIT_2
 * have no timer that ends them (Linux's tcp_fin_timeout for orphans is outside the RFC's machine).
 */
const ROWS: Row[] = [
	// CLOSED: no TCB exists.
	['CLOSED', 'passive_open', 'LISTEN', 'none', OPEN],
	['CLOSED', 'active_open', 'SYN_SENT', 'SYN', OPEN],
	['CLOSED', 'close', 'CLOSED', 'none', CLOSE], // "error: connection does not exist"
	['CLOSED', 'abort', 'CLOSED', 'none', ABORT],
	['CLOSED', 'recv_syn', 'CLOSED', 'RST', ON_CLOSED],
	['CLOSED', 'recv_syn_ack', 'CLOSED', 'RST', ON_CLOSED],
	['CLOSED', 'recv_ack', 'CLOSED', 'RST', ON_CLOSED],
	['CLOSED', 'recv_fin', 'CLOSED', 'RST', ON_CLOSED],
	['CLOSED', 'recv_fin_ack', 'CLOSED', 'RST', ON_CLOSED],
	['CLOSED', 'recv_rst', 'CLOSED', 'none', ON_CLOSED],

	// LISTEN: waiting for a SYN from anyone.
	['LISTEN', 'recv_syn', 'SYN_RECEIVED', 'SYN_ACK', ON_LISTEN],
	['LISTEN', 'send', 'SYN_SENT', 'SYN', SEND],
	['LISTEN', 'close', 'CLOSED', 'none', CLOSE],
	['LISTEN', 'abort', 'CLOSED', 'none', ABORT],
	['LISTEN', 'recv_rst', 'LISTEN', 'none', ON_LISTEN],
	['LISTEN', 'recv_ack', 'LISTEN', 'RST', ON_LISTEN],
	['LISTEN', 'recv_syn_ack', 'LISTEN', 'RST', ON_LISTEN],
	['LISTEN', 'recv_fin_ack', 'LISTEN', 'RST', ON_LISTEN],

	// SYN_SENT: our SYN is out; waiting for the peer's SYN (and the ACK of ours).
	['SYN_SENT', 'recv_syn_ack', 'ESTABLISHED', 'ACK', ON_SYN_SENT, 'ack_acceptable'],
	['SYN_SENT', 'recv_syn_ack', 'SYN_SENT', 'RST', ON_SYN_SENT, 'ack_unacceptable'],
	['SYN_SENT', 'recv_syn', 'SYN_RECEIVED', 'SYN_ACK', ON_SYN_SENT],
	['SYN_SENT', 'recv_rst', 'CLOSED', 'none', ON_SYN_SENT],
	['SYN_SENT', 'close', 'CLOSED', 'none', CLOSE],
	['SYN_SENT', 'abort', 'CLOSED', 'none', ABORT],
	['SYN_SENT', 'retransmit', 'SYN_SENT', 'SYN', RETRANSMISSION],
	['SYN_SENT', 'user_timeout', 'CLOSED', 'none', USER_TIMEOUT],

	// SYN_RECEIVED: SYN received and SYN-ACK sent; waiting for the ACK of our SYN.
	['SYN_RECEIVED', 'recv_ack', 'ESTABLISHED', 'none', ON_OTHER, 'ack_acceptable'],
	['SYN_RECEIVED', 'recv_ack', 'SYN_RECEIVED', 'RST', ON_OTHER, 'ack_unacceptable'],
	['SYN_RECEIVED', 'recv_syn_ack', 'ESTABLISHED', 'none', SIM_OPEN, 'from_syn_sent'],
	// "If the connection was initiated with a passive OPEN, then return this connection to the LISTEN state and return."
	['SYN_RECEIVED', 'recv_syn_ack', 'LISTEN', 'none', SYN_BIT, 'from_listen'],
	['SYN_RECEIVED', 'recv_rst', 'LISTEN', 'none', ON_OTHER, 'from_listen'],
	['SYN_RECEIVED', 'recv_rst', 'CLOSED', 'none', ON_OTHER, 'from_syn_sent'],
	['SYN_RECEIVED', 'recv_fin', 'CLOSE_WAIT', 'ACK', ON_OTHER],
	['SYN_RECEIVED', 'close', 'FIN_WAIT_1', 'FIN', FIG5],
	['SYN_RECEIVED', 'abort', 'CLOSED', 'RST', ABORT],
	['SYN_RECEIVED', 'retransmit', 'SYN_RECEIVED', 'SYN_ACK', RETRANSMISSION],
	['SYN_RECEIVED', 'user_timeout', 'CLOSED', 'none', USER_TIMEOUT],

	// ESTABLISHED: data flows both ways.
	['ESTABLISHED', 'close', 'FIN_WAIT_1', 'FIN', FIG5],
	['ESTABLISHED', 'recv_fin', 'CLOSE_WAIT', 'ACK', FIG5],
	['ESTABLISHED', 'send', 'ESTABLISHED', 'ACK', SEND], // data carries a piggybacked ACK
	// A challenge ACK (RFC 5961 §4), not RFC 793's RST: RFC 9293 §3.10.7.4, fourth, check the SYN bit.
	['ESTABLISHED', 'recv_syn', 'ESTABLISHED', 'ACK', `${SYN_BIT}; RFC 5961 §4 (challenge ACK)`],
	['ESTABLISHED', 'recv_rst', 'CLOSED', 'none', ON_OTHER],
	['ESTABLISHED', 'abort', 'CLOSED', 'RST', ABORT],
	['ESTABLISHED', 'user_timeout', 'CLOSED', 'none', DATA_TIMEOUT, 'data_unacked'],

	// FIN_WAIT_1: our FIN is out, not yet acknowledged.
	['FIN_WAIT_1', 'recv_ack', 'FIN_WAIT_2', 'none', FIG5],
	['FIN_WAIT_1', 'recv_fin', 'CLOSING', 'ACK', FIG5, 'own_fin_unacked'],
	['FIN_WAIT_1', 'recv_fin_ack', 'TIME_WAIT', 'ACK', ON_OTHER],
	['FIN_WAIT_1', 'recv_rst', 'CLOSED', 'none', ON_OTHER],
	['FIN_WAIT_1', 'close', 'FIN_WAIT_1', 'none', CLOSE], // "error: connection closing"
	['FIN_WAIT_1', 'abort', 'CLOSED', 'RST', ABORT],
	['FIN_WAIT_1', 'retransmit', 'FIN_WAIT_1', 'FIN', RETRANSMISSION],
	['FIN_WAIT_1', 'user_timeout', 'CLOSED', 'none', USER_TIMEOUT],

	// FIN_WAIT_2: our FIN is acknowledged; waiting for the peer's FIN.
	['FIN_WAIT_2', 'recv_fin', 'TIME_WAIT', 'ACK', FIG5],
	['FIN_WAIT_2', 'recv_rst', 'CLOSED', 'none', ON_OTHER],
	['FIN_WAIT_2', 'close', 'FIN_WAIT_2', 'none', CLOSE],
	['FIN_WAIT_2', 'abort', 'CLOSED', 'RST', ABORT],

	// CLOSE_WAIT: the peer has closed; waiting for our application to close.
	['CLOSE_WAIT', 'close', 'LAST_ACK', 'FIN', FIG5],
	['CLOSE_WAIT', 'send', 'CLOSE_WAIT', 'ACK', SEND],
	['CLOSE_WAIT', 'recv_fin', 'CLOSE_WAIT', 'ACK', ON_OTHER], // a retransmitted FIN
	['CLOSE_WAIT', 'recv_rst', 'CLOSED', 'none', ON_OTHER],
	['CLOSE_WAIT', 'abort', 'CLOSED', 'RST', ABORT],
	['CLOSE_WAIT', 'user_timeout', 'CLOSED', 'none', DATA_TIMEOUT, 'data_unacked'],

	// CLOSING: both FINs crossed; waiting for the ACK of ours.
	['CLOSING', 'recv_ack', 'TIME_WAIT', 'none', FIG5],
	['CLOSING', 'recv_fin', 'CLOSING', 'ACK', ON_OTHER],
	['CLOSING', 'recv_rst', 'CLOSED', 'none', ON_OTHER],
	['CLOSING', 'close', 'CLOSING', 'none', CLOSE],
	['CLOSING', 'abort', 'CLOSED', 'none', ABORT],
	['CLOSING', 'retransmit', 'CLOSING', 'FIN', RETRANSMISSION],
	['CLOSING', 'user_timeout', 'CLOSED', 'none', USER_TIMEOUT],

	// LAST_ACK: we closed second; waiting for the ACK of our FIN.
	['LAST_ACK', 'recv_ack', 'CLOSED', 'none', FIG5],
	['LAST_ACK', 'recv_fin', 'LAST_ACK', 'ACK', ON_OTHER],
	['LAST_ACK', 'recv_rst', 'CLOSED', 'none', ON_OTHER],
	['LAST_ACK', 'close', 'LAST_ACK', 'none', CLOSE],
	['LAST_ACK', 'abort', 'CLOSED', 'none', ABORT],
	['LAST_ACK', 'retransmit', 'LAST_ACK', 'FIN', RETRANSMISSION],
	['LAST_ACK', 'user_timeout', 'CLOSED', 'none', USER_TIMEOUT],

	// TIME_WAIT: both FINs acknowledged; waiting 2MSL for stray segments to die.
	['TIME_WAIT', 'timeout_2msl', 'CLOSED', 'none', TIME_WAIT_TIMEOUT],
	['TIME_WAIT', 'recv_fin', 'TIME_WAIT', 'ACK', ON_OTHER], // re-ACK and restart the 2MSL timer
	// RFC 9293 closes on a RST; RFC 1337 (and Linux with tcp_rfc1337 = 1) ignores it, so an old
	// RST cannot cut TIME-WAIT short. Linux's default is 0: it closes.
	['TIME_WAIT', 'recv_rst', 'CLOSED', 'none', `${ON_OTHER}; ip-sysctl.rst: tcp_rfc1337 (default 0)`, 'rfc1337_off'],
	['TIME_WAIT', 'recv_rst', 'TIME_WAIT', 'none', `${ON_OTHER}, overridden by RFC 1337 §3 (ignore a RST in TIME-WAIT); ip-sysctl.rst: tcp_rfc1337`, 'rfc1337_on'],
	['TIME_WAIT', 'close', 'TIME_WAIT', 'none', CLOSE],
	['TIME_WAIT', 'abort', 'CLOSED', 'none', ABORT]
];

export const TRANSITIONS: readonly Transition[] = ROWS.map(([from, event, to, send, source, cond]) =>
	cond ? { from, event, to, send, cond, source } : { from, event, to, send, source }
);
