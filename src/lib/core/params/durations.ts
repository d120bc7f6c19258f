import { paramDefault } from './registry';

/**
 * Durations that follow from the defaults. Linux backs off exponentially from an initial RTO:
 * 1 s for SYN and SYN-ACK since Linux 3.1 (RFC 6298; it was 3 s), 200 ms (TCP_RTO_MIN) on
 * established connections, and never more than 120 s (TCP_RTO_MAX) between two tries. Since
 * Linux 6.5 the first tcp_syn_linear_timeouts SYN retransmissions wait one RTO each before the
 * doubling starts (ip-sysctl.rst: "1, 1, 1, 1, 1, 2, 4, …").
 */
export const SYN_INITIAL_RTO_S = 1;
export const RTO_MIN_S = 0.2;
export const RTO_MAX_S = 120;
/** TIME_WAIT in Linux lasts a fixed TCP_TIMEWAIT_LEN, whatever tcp_fin_timeout says. */
export const LINUX_TIME_WAIT_S = 60;
/** RFC 9293 §3.4.2 (the "quiet time" discussion) takes MSL as 2 minutes. */
export const RFC_MSL_S = 120;

/** The waits between tries: `linear` waits of one RTO, then doubling, capped, `retries` more. */
function waits(retries: number, initialRto: number, linear = 0): number[] {
	const out: number[] = [];
	for (let i = 0; i <= retries + linear; i++) {
		const doubling = Math.max(0, i - linear);
		out.push(Math.min(initialRto * 2 ** doubling, RTO_MAX_S));
	}
	return out;
}

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1000) / 1000;

export interface RetryTimeline {
	/** Seconds after the first send at which each retransmission leaves. */
	retransmissionsAt: number[];
	/** Seconds after the first send at which the kernel gives up. */
	giveUpAt: number;
}

function timeline(w: number[]): RetryTimeline {
	const at: number[] = [];
	let t = 0;
	for (const wait of w.slice(0, -1)) at.push((t = sum([t, wait])));
	return { retransmissionsAt: at, giveUpAt: sum(w) };
}

/** connect() to a silent host: SYN retransmissions and when connect() fails. */
export function synTimeline(
	retries = paramDefault('tcp_syn_retries'),
	linear = paramDefault('tcp_syn_linear_timeouts'),
	initialRto = SYN_INITIAL_RTO_S
): RetryTimeline {
	return timeline(waits(retries, initialRto, linear));
}

/** A server's SYN-ACK retransmissions for a half-open connection, and when it drops it. */
export function synAckTimeline(retries = paramDefault('tcp_synack_retries')): RetryTimeline {
	return timeline(waits(retries, SYN_INITIAL_RTO_S));
}

/** An established connection whose peer vanished: when the kernel kills it (lower bound). */
export function retries2Timeline(retries = paramDefault('tcp_retries2')): RetryTimeline {
	return timeline(waits(retries, RTO_MIN_S));
}

/**
 * The retries an orphaned socket (closed by its application, FIN unacknowledged) gets.
 * tcp_orphan_retries() in net/ipv4/tcp_timer.c: a setting of 0, the default, means 8 while the
 * socket is still backing off ("8 corresponds to >100 seconds with minimal RTO of 200msec").
 */
export function orphanRetries(setting = paramDefault('tcp_orphan_retries')): number {
	return setting === 0 ? 8 : setting;
}

/** How long until keepalive declares an idle, dead peer gone. */
export function keepaliveDetection(
	time = paramDefault('tcp_keepalive_time'),
	probes = paramDefault('tcp_keepalive_probes'),
	interval = paramDefault('tcp_keepalive_intvl')
): number {
	return time + probes * interval;
}

/** The waits between tries behind each retry-based duration (one more wait than retransmissions). */
export const RETRY_WAITS: Record<string, (args: Record<string, number>) => number[]> = {
	// initial_rto=3 gives the pre-3.1 figures that older guides quote.
	syn: (a) => waits(a.tcp_syn_retries!, a.initial_rto ?? SYN_INITIAL_RTO_S, a.tcp_syn_linear_timeouts ?? 0),
	synack: (a) => waits(a.tcp_synack_retries!, SYN_INITIAL_RTO_S),
	retries2: (a) => waits(a.tcp_retries2!, RTO_MIN_S),
	// Orphans are timed like tcp_retries2, with their own count (tcp_write_timeout()).
	orphan: (a) => waits(orphanRetries(a.tcp_orphan_retries), RTO_MIN_S)
};

/** The retry family a duration belongs to, and whether it asks for the give-up or the last retransmission. */
export function retryKind(name: string): { family: string; at: 'give_up' | 'last_retransmission' } | undefined {
	const m = /^(syn|synack|retries2|orphan)_(give_up|last_retransmission)$/.exec(name);
	return m ? { family: m[1]!, at: m[2] as 'give_up' | 'last_retransmission' } : undefined;
}

/** A retry-based duration's timeline from the same waits its answer comes from. */
export function retryTimeline(name: string, given: Record<string, number> = {}): RetryTimeline | undefined {
	const kind = retryKind(name);
	return kind ? timeline(RETRY_WAITS[kind.family]!(durationArgs(name, given))) : undefined;
}

const fromTimeline = (name: string) => (a: Record<string, number>) => {
	const t = retryTimeline(name, a)!;
	return retryKind(name)!.at === 'give_up' ? t.giveUpAt : (t.retransmissionsAt.at(-1) ?? 0);
};

/** Named computations that content may cite, e.g. {{duration syn_give_up = 131 s}}. */
export const DURATIONS: Record<string, (args: Record<string, number>) => number> = {
	syn_give_up: fromTimeline('syn_give_up'),
	syn_last_retransmission: fromTimeline('syn_last_retransmission'),
	synack_give_up: fromTimeline('synack_give_up'),
	synack_last_retransmission: fromTimeline('synack_last_retransmission'),
	retries2_give_up: fromTimeline('retries2_give_up'),
	orphan_give_up: fromTimeline('orphan_give_up'),
	keepalive_detection: (a) => keepaliveDetection(a.tcp_keepalive_time, a.tcp_keepalive_probes, a.tcp_keepalive_intvl),
	rfc_time_wait: () => 2 * RFC_MSL_S,
	linux_time_wait: () => LINUX_TIME_WAIT_S
};

/** Which parameters each duration reads, with the defaults filled in when content names none. */
export const DURATION_INPUTS: Record<string, readonly string[]> = {
	syn_give_up: ['tcp_syn_retries', 'tcp_syn_linear_timeouts'],
	syn_last_retransmission: ['tcp_syn_retries', 'tcp_syn_linear_timeouts'],
	synack_give_up: ['tcp_synack_retries'],
	synack_last_retransmission: ['tcp_synack_retries'],
	retries2_give_up: ['tcp_retries2'],
	orphan_give_up: ['tcp_orphan_retries'],
	keepalive_detection: ['tcp_keepalive_time', 'tcp_keepalive_probes', 'tcp_keepalive_intvl'],
	rfc_time_wait: [],
	linux_time_wait: []
};

/** A duration's inputs with the defaults filled in for those not given. */
export function durationArgs(name: string, given: Record<string, number> = {}): Record<string, number> {
	const args: Record<string, number> = {};
	for (const input of DURATION_INPUTS[name] ?? []) args[input] = given[input] ?? paramDefault(input);
	return { ...args, ...given };
}

export function computeDuration(name: string, given: Record<string, number> = {}): number {
	const fn = DURATIONS[name];
	if (!fn) throw new Error(`unknown duration ${name}`);
	return fn(durationArgs(name, given));
}

/**
 * Every number the working of a duration may show: its inputs, constants and intermediate steps,
 * all from the same functions as the answer. An explanation that prints any other number is wrong.
 */
export function durationNumbers(name: string, given: Record<string, number> = {}): number[] {
	const args = durationArgs(name, given);
	const seconds = computeDuration(name, given);
	const inputs = Object.values(args);
	const kind = retryKind(name);
	if (kind) {
		const w = RETRY_WAITS[kind.family]!(args);
		const t = timeline(w);
		const retries = kind.family === 'orphan' ? [orphanRetries(args.tcp_orphan_retries)] : [];
		return [...inputs, ...retries, ...w, ...t.retransmissionsAt, t.giveUpAt, w[0]!, RTO_MAX_S, seconds];
	}
	if (name === 'keepalive_detection') return [...inputs, args.tcp_keepalive_probes! * args.tcp_keepalive_intvl!, seconds];
	if (name === 'rfc_time_wait') return [2, RFC_MSL_S, seconds];
	return [seconds];
}
