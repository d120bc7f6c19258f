import { paramDefault } from './registry';

/**
 * Durations that follow from the defaults. Linux backs off exponentially from an initial RTO:
 * 1 s for SYN and SYN-ACK since Linux 3.7 (RFC 6298), 200 ms (TCP_RTO_MIN) on established
 * connections, and never more than 120 s (TCP_RTO_MAX) between two tries.
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
	linear = 0,
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

/** How long until keepalive declares an idle, dead peer gone. */
export function keepaliveDetection(
	time = paramDefault('tcp_keepalive_time'),
	probes = paramDefault('tcp_keepalive_probes'),
	interval = paramDefault('tcp_keepalive_intvl')
): number {
	return time + probes * interval;
}

/** Named computations that content may cite, e.g. {{duration syn_give_up = 127 s}}. */
export const DURATIONS: Record<string, (args: Record<string, number>) => number> = {
	// initial_rto=3 gives the pre-3.7 figures that older guides quote.
	syn_give_up: (a) => synTimeline(a.tcp_syn_retries, a.tcp_syn_linear_timeouts ?? 0, a.initial_rto).giveUpAt,
	syn_last_retransmission: (a) =>
		synTimeline(a.tcp_syn_retries, a.tcp_syn_linear_timeouts ?? 0, a.initial_rto).retransmissionsAt.at(-1) ?? 0,
	synack_give_up: (a) => synAckTimeline(a.tcp_synack_retries).giveUpAt,
	synack_last_retransmission: (a) => synAckTimeline(a.tcp_synack_retries).retransmissionsAt.at(-1) ?? 0,
	retries2_give_up: (a) => retries2Timeline(a.tcp_retries2).giveUpAt,
	keepalive_detection: (a) => keepaliveDetection(a.tcp_keepalive_time, a.tcp_keepalive_probes, a.tcp_keepalive_intvl),
	rfc_time_wait: () => 2 * RFC_MSL_S,
	linux_time_wait: () => LINUX_TIME_WAIT_S
};

/** Which parameters each duration reads, with the defaults filled in when content names none. */
export const DURATION_INPUTS: Record<string, readonly string[]> = {
	syn_give_up: ['tcp_syn_retries'],
	syn_last_retransmission: ['tcp_syn_retries'],
	synack_give_up: ['tcp_synack_retries'],
	synack_last_retransmission: ['tcp_synack_retries'],
	retries2_give_up: ['tcp_retries2'],
	keepalive_detection: ['tcp_keepalive_time', 'tcp_keepalive_probes', 'tcp_keepalive_intvl'],
	rfc_time_wait: [],
	linux_time_wait: []
};

export function computeDuration(name: string, given: Record<string, number> = {}): number {
	const fn = DURATIONS[name];
	if (!fn) throw new Error(`unknown duration ${name}`);
	const args: Record<string, number> = {};
	for (const input of DURATION_INPUTS[name] ?? []) args[input] = given[input] ?? paramDefault(input);
	return fn({ ...args, ...given });
}
