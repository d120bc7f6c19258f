/**
 * The eleven states of a TCP connection (RFC 9293 §3.3.2) and the names people meet them by.
 * Machine names are a fixed contract (see design.md); display names follow the RFC and `ss`.
 */
export const STATES = [
	'CLOSED',
	'LISTEN',
	'SYN_SENT',
	'SYN_RECEIVED',
	'ESTABLISHED',
	'FIN_WAIT_1',
	'FIN_WAIT_2',
	'CLOSE_WAIT',
	'CLOSING',
	'LAST_ACK',
	'TIME_WAIT'
] as const;

export type State = (typeof STATES)[number];

/** How RFC 9293 spells each state. */
/** Names that are easy to confuse: a wrong answer among them teaches something (quiz and predict mode). */
export const LOOKALIKES: readonly (readonly State[])[] = [
	['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT', 'CLOSE_WAIT'],
	['CLOSE_WAIT', 'CLOSING', 'CLOSED', 'LAST_ACK'],
	['SYN_SENT', 'SYN_RECEIVED', 'LISTEN', 'ESTABLISHED']
];

export const RFC_NAME: Record<State, string> = {
	CLOSED: 'CLOSED',
	LISTEN: 'LISTEN',
	SYN_SENT: 'SYN-SENT',
	SYN_RECEIVED: 'SYN-RECEIVED',
	ESTABLISHED: 'ESTABLISHED',
	FIN_WAIT_1: 'FIN-WAIT-1',
	FIN_WAIT_2: 'FIN-WAIT-2',
	CLOSE_WAIT: 'CLOSE-WAIT',
	CLOSING: 'CLOSING',
	LAST_ACK: 'LAST-ACK',
	TIME_WAIT: 'TIME-WAIT'
};

/** How Linux `ss -tan` prints each state (iproute2's sstate_name); a closed socket shows as UNCONN. */
export const SS_NAME: Record<State, string> = {
	CLOSED: 'UNCONN',
	LISTEN: 'LISTEN',
	SYN_SENT: 'SYN-SENT',
	SYN_RECEIVED: 'SYN-RECV',
	ESTABLISHED: 'ESTAB',
	FIN_WAIT_1: 'FIN-WAIT-1',
	FIN_WAIT_2: 'FIN-WAIT-2',
	CLOSE_WAIT: 'CLOSE-WAIT',
	CLOSING: 'CLOSING',
	LAST_ACK: 'LAST-ACK',
	TIME_WAIT: 'TIME-WAIT'
};

/** Codes of the `st` column of /proc/net/tcp (include/net/tcp_states.h). */
export const PROC_CODE: Partial<Record<State, number>> = {
	ESTABLISHED: 0x01,
	SYN_SENT: 0x02,
	SYN_RECEIVED: 0x03,
	FIN_WAIT_1: 0x04,
	FIN_WAIT_2: 0x05,
	TIME_WAIT: 0x06,
	CLOSED: 0x07,
	CLOSE_WAIT: 0x08,
	LAST_ACK: 0x09,
	LISTEN: 0x0a,
	CLOSING: 0x0b
};

export function stateFromProcCode(code: number): State | undefined {
	return STATES.find((s) => PROC_CODE[s] === code);
}

/** Spellings other than the machine name that content and users write (the notes, netstat, ss). */
const EXTRA_ALIASES: Record<string, State> = {
	SYN_RECVD: 'SYN_RECEIVED',
	SYN_RCVD: 'SYN_RECEIVED',
	SYN_RECV: 'SYN_RECEIVED',
	ESTAB: 'ESTABLISHED',
	UNCONN: 'CLOSED',
	FIN_WAIT1: 'FIN_WAIT_1',
	FIN_WAIT2: 'FIN_WAIT_2',
	TIMEWAIT: 'TIME_WAIT',
	CLOSEWAIT: 'CLOSE_WAIT',
	LASTACK: 'LAST_ACK'
};

function normalise(name: string): string {
	return name.trim().toUpperCase().replace(/[-\s]/g, '_');
}

/** Resolve any accepted spelling (machine, RFC, ss, the notes') to the machine name. */
export function parseState(name: string): State | undefined {
	const key = normalise(name);
	if ((STATES as readonly string[]).includes(key)) return key as State;
	return EXTRA_ALIASES[key];
}

export function isState(value: string): value is State {
	return (STATES as readonly string[]).includes(value);
}
