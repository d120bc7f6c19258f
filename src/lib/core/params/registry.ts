/**
 * The Linux TCP settings the app teaches, with their defaults as the kernel documents them today.
 * Content claims about a parameter are checked against this list; the sentences that explain a
 * parameter live in the content, not here.
 */
export type Unit = 'count' | 's' | 'ms' | 'bool' | 'mode' | 'sockets' | 'connections';

export interface Param {
	name: string;
	/** The sysctl path, e.g. net.ipv4.tcp_syn_retries. */
	sysctl: string;
	unit: Unit;
	/** A fixed default, or null where the default scales with memory (see `scales`). */
	default: number | null;
	/** What the kernel does with the default where it reads it as something else (tcp_orphan_retries: 0 means 8). */
	effectiveDefault?: number;
	/** How a memory-dependent default is computed, in words a sysadmin would use. */
	scales?: string;
	/** What the 2018 notes claimed, where facts.md says it is wrong or outdated. */
	notesSaid?: string;
	/** Earlier kernels' defaults: a confusion, not a giveaway, even one step from today's. */
	formerDefaults?: readonly number[];
	/**
	 * Values people mistake the default for, as a quiz offers them: a neighbouring setting's default,
	 * the total it is part of, the usual tuning advice. Never today's default ± 1.
	 */
	mixups?: readonly number[];
	/** Kernel version that introduced or removed the setting or changed its default. */
	since?: string;
	removedIn?: string;
	/** Topic of the notes' "common problems" it belongs to. */
	problems: readonly ('syn_flood' | 'time_wait' | 'keepalive' | 'retransmission')[];
	source: string;
}

const SYSCTL_DOC = 'Linux Documentation/networking/ip-sysctl.rst';
const ipv4 = (name: string) => `net.ipv4.${name}`;

export const PARAMS: readonly Param[] = [
	{ name: 'tcp_syn_retries', sysctl: ipv4('tcp_syn_retries'), unit: 'count', default: 6, notesSaid: '5 (≈180 s)', since: '3.7', formerDefaults: [5], mixups: [3, 15], problems: ['syn_flood', 'retransmission'], source: SYSCTL_DOC },
	{ name: 'tcp_syn_linear_timeouts', sysctl: ipv4('tcp_syn_linear_timeouts'), unit: 'count', default: 4, since: '6.5', mixups: [0, 6, 15], problems: ['retransmission'], source: SYSCTL_DOC },
	{ name: 'tcp_synack_retries', sysctl: ipv4('tcp_synack_retries'), unit: 'count', default: 5, notesSaid: '5 (≈180 s)', mixups: [2, 3, 15], problems: ['syn_flood', 'retransmission'], source: SYSCTL_DOC },
	{ name: 'tcp_retries1', sysctl: ipv4('tcp_retries1'), unit: 'count', default: 3, notesSaid: 'retries before giving up answering a connection request', mixups: [15, 6, 8], problems: ['retransmission'], source: SYSCTL_DOC },
	{ name: 'tcp_retries2', sysctl: ipv4('tcp_retries2'), unit: 'count', default: 15, mixups: [3, 8, 6], problems: ['retransmission'], source: SYSCTL_DOC },
	{ name: 'tcp_syncookies', sysctl: ipv4('tcp_syncookies'), unit: 'mode', default: 1, problems: ['syn_flood'], source: SYSCTL_DOC },
	{ name: 'tcp_max_syn_backlog', sysctl: ipv4('tcp_max_syn_backlog'), unit: 'connections', default: null, scales: 'max(128, ehash entries / 128)', notesSaid: '1024 (>128 MB RAM) or 128', since: '5.4', problems: ['syn_flood'], source: SYSCTL_DOC },
	{ name: 'tcp_abort_on_overflow', sysctl: ipv4('tcp_abort_on_overflow'), unit: 'bool', default: 0, problems: ['syn_flood'], source: SYSCTL_DOC },
	{ name: 'somaxconn', sysctl: 'net.core.somaxconn', unit: 'connections', default: 4096, since: '5.4', formerDefaults: [128], mixups: [1024, 65535], problems: ['syn_flood'], source: 'Linux Documentation/admin-guide/sysctl/net.rst' },
	{ name: 'tcp_max_tw_buckets', sysctl: ipv4('tcp_max_tw_buckets'), unit: 'sockets', default: null, scales: 'ehash entries / 2', notesSaid: 'a fixed number', problems: ['time_wait'], source: SYSCTL_DOC },
	{ name: 'tcp_tw_recycle', sysctl: ipv4('tcp_tw_recycle'), unit: 'bool', default: null, notesSaid: 'fast TIME_WAIT recycling, recommended for NAT', removedIn: '4.12', problems: ['time_wait'], source: 'Linux 4.12 (commit 4396e46187ca, "tcp: remove tcp_tw_recycle")' },
	{ name: 'tcp_tw_reuse', sysctl: ipv4('tcp_tw_reuse'), unit: 'mode', default: 2, notesSaid: 'a boolean', problems: ['time_wait'], source: SYSCTL_DOC },
	{ name: 'tcp_tw_reuse_delay', sysctl: ipv4('tcp_tw_reuse_delay'), unit: 'ms', default: 1000, since: '6.14', mixups: [200, 60000, 240000], problems: ['time_wait'], source: SYSCTL_DOC },
	{ name: 'tcp_timestamps', sysctl: ipv4('tcp_timestamps'), unit: 'mode', default: 1, problems: ['time_wait'], source: SYSCTL_DOC },
	{ name: 'tcp_max_orphans', sysctl: ipv4('tcp_max_orphans'), unit: 'sockets', default: null, scales: 'ehash entries / 2', notesSaid: 'a fixed number', problems: ['time_wait'], source: SYSCTL_DOC },
	{ name: 'tcp_fin_timeout', sysctl: ipv4('tcp_fin_timeout'), unit: 's', default: 60, notesSaid: 'time kept in FIN-WAIT-2 (for every socket)', mixups: [120, 240, 30], problems: ['time_wait'], source: SYSCTL_DOC },
	// Reads 0; tcp_orphan_retries() in net/ipv4/tcp_timer.c retries 8 times then, hence ip-sysctl's "default 8".
	// Mix-ups: the neighbouring retry counts tcp_retries1 (3), tcp_retries2 (15), tcp_synack_retries (5).
	{ name: 'tcp_orphan_retries', sysctl: ipv4('tcp_orphan_retries'), unit: 'count', default: 0, effectiveDefault: 8, mixups: [3, 15, 5], problems: ['time_wait', 'retransmission'], source: SYSCTL_DOC },
	{ name: 'tcp_rfc1337', sysctl: ipv4('tcp_rfc1337'), unit: 'bool', default: 0, problems: ['time_wait'], source: SYSCTL_DOC },
	// A bitmap: 0x1 client, 0x2 server, 0x4/0x200/0x400 extras; only 0x1 is on by default.
	{ name: 'tcp_fastopen', sysctl: ipv4('tcp_fastopen'), unit: 'mode', default: 1, problems: [], source: SYSCTL_DOC },
	{ name: 'tcp_keepalive_time', sysctl: ipv4('tcp_keepalive_time'), unit: 's', default: 7200, mixups: [7875, 75, 3600], problems: ['keepalive'], source: SYSCTL_DOC },
	{ name: 'tcp_keepalive_probes', sysctl: ipv4('tcp_keepalive_probes'), unit: 'count', default: 9, mixups: [5, 3, 15], problems: ['keepalive'], source: SYSCTL_DOC },
	{ name: 'tcp_keepalive_intvl', sysctl: ipv4('tcp_keepalive_intvl'), unit: 's', default: 75, notesSaid: 'dead connections dropped after about 11 minutes', mixups: [675, 15, 60, 7200], problems: ['keepalive'], source: SYSCTL_DOC }
];

export function findParam(name: string): Param | undefined {
	return PARAMS.find((p) => p.name === name || p.sysctl === name);
}

export function paramDefault(name: string): number {
	const p = findParam(name);
	if (!p || p.default === null) throw new Error(`${name} has no fixed default`);
	return p.default;
}
