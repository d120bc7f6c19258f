import { findParam } from '../../core/params';

/** Outside documents content may cite with {{src ID}}. */
const RFCS: Record<string, string> = {
	'793': 'Transmission Control Protocol (1981, obsoleted by RFC 9293)',
	'1337': 'TIME-WAIT Assassination Hazards in TCP',
	'4987': 'TCP SYN Flooding Attacks and Common Mitigations',
	'5961': "Improving TCP's Robustness to Blind In-Window Attacks",
	'6191': 'Reducing the TIME-WAIT State Using TCP Timestamps',
	'6298': "Computing TCP's Retransmission Timer",
	'7323': 'TCP Extensions for High Performance (timestamps)',
	'7413': 'TCP Fast Open',
	'9112': 'HTTP/1.1 (persistent connections)',
	'9293': 'Transmission Control Protocol (TCP)'
};

const OTHER: Record<string, { label: string; url: string }> = {
	'man:tcp.7': { label: 'man 7 tcp', url: 'https://man7.org/linux/man-pages/man7/tcp.7.html' },
	'man:ss.8': { label: 'man 8 ss', url: 'https://man7.org/linux/man-pages/man8/ss.8.html' },
	'man:socket.7': { label: 'man 7 socket', url: 'https://man7.org/linux/man-pages/man7/socket.7.html' },
	'man:listen.2': { label: 'man 2 listen', url: 'https://man7.org/linux/man-pages/man2/listen.2.html' },
	'man:shutdown.2': { label: 'man 2 shutdown', url: 'https://man7.org/linux/man-pages/man2/shutdown.2.html' },
	'kernel:tcp_states.h': {
		label: 'Linux include/net/tcp_states.h',
		url: 'https://github.com/torvalds/linux/blob/master/include/net/tcp_states.h'
	},
	'kernel:tcp.h': {
		label: 'Linux include/net/tcp.h (TCP_TIMEWAIT_LEN, TCP_RTO_MIN/MAX)',
		url: 'https://github.com/torvalds/linux/blob/master/include/net/tcp.h'
	},
	'kernel:tcp_input.c': {
		label: 'Linux net/ipv4/tcp_input.c (tcp_rcv_state_process(): an orphan reaching FIN-WAIT-2 becomes a timewait mini-socket; tcp_conn_request(): SYNs dropped while the accept queue is full)',
		url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_input.c'
	},
	'kernel:tcp_minisocks.c': {
		label: 'Linux net/ipv4/tcp_minisocks.c (tcp_time_wait(): timewait mini-sockets, bounded by tcp_max_tw_buckets; tcp_check_req(), tcp_timewait_state_process())',
		url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_minisocks.c'
	},
	'kernel:inet_connection_sock.c': {
		label: 'Linux net/ipv4/inet_connection_sock.c (reqsk_timer_handler: fewer SYN-ACK retries once the SYN queue is half full)',
		url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/inet_connection_sock.c'
	},
	'kernel:4.12-tw-recycle': {
		label: 'Linux 4.12: "tcp: remove tcp_tw_recycle" (commit 4396e46187ca)',
		url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=4396e46187ca5070219b81773c4e65088dac50cc'
	},
	'kernel:3.1-initial-rto': {
		label: 'Linux 3.1: initial RTO lowered from 3 s to 1 s, RFC 6298 (commit 9ad7c049f0f7)',
		url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=9ad7c049f0f79c418e293b1b68cf10d68f54fcdb'
	},
	'kernel:3.7-syn-retries': {
		label: 'Linux 3.7: tcp_syn_retries raised from 5 to 6 to keep connect() near 2 minutes (commit 6c9ff979d192)',
		url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=6c9ff979d1921e9fd05d89e1383121c2503759b9'
	},
	'kernel:tcp_timer.c': {
		label: 'Linux net/ipv4/tcp_timer.c (tcp_orphan_retries(), tcp_write_timeout())',
		url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_timer.c'
	},
	'kernel:tcp_diag.c': {
		label: 'Linux net/ipv4/tcp_diag.c (Recv-Q and Send-Q of a listening socket)',
		url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_diag.c'
	},
	'kernel:proc.c': {
		label: 'Linux net/ipv4/proc.c (TcpExt counters such as ListenOverflows)',
		url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/proc.c'
	},
	notes: { label: '常见的学习笔记 / common study notes', url: '' }
};

export interface Source {
	id: string;
	label: string;
	url: string;
}

/** Resolve a source id, or explain what ids exist. */
export function resolveSource(id: string): Source | string {
	const rfc = /^rfc(\d+)(?::([\d.]+))?$/.exec(id);
	if (rfc) {
		const [, number, section] = rfc;
		if (!RFCS[number!]) return `unknown RFC ${number}; known: ${Object.keys(RFCS).join(', ')}`;
		const url = `https://www.rfc-editor.org/rfc/rfc${number}${section ? `#section-${section}` : ''}`;
		return { id, label: `RFC ${number}${section ? ` §${section}` : ''}`, url };
	}
	const sysctl = /^sysctl:(\w+)$/.exec(id);
	if (sysctl) {
		const param = findParam(sysctl[1]!);
		if (!param) return `unknown parameter ${sysctl[1]} in source ${id}`;
		const core = param.sysctl.startsWith('net.core.');
		return {
			id,
			label: `${core ? 'sysctl/net.rst' : 'ip-sysctl.rst'}: ${param.name}`,
			url: core
				? 'https://docs.kernel.org/admin-guide/sysctl/net.html'
				: 'https://docs.kernel.org/networking/ip-sysctl.html'
		};
	}
	const other = OTHER[id];
	if (other) return { id, ...other };
	return `unknown source "${id}"; use rfcNNNN[:section], sysctl:NAME or one of ${Object.keys(OTHER).join(', ')}`;
}

/** A link to the RFC section a label cites, e.g. "RFC 9293 §3.10.7.4" → rfc-editor.org. */
export function rfcUrl(label: string): string | undefined {
	const m = /RFC (\d+)(?: §([\d.]+\d))?/.exec(label);
	if (!m) return undefined;
	return `https://www.rfc-editor.org/rfc/rfc${m[1]}${m[2] ? `#section-${m[2]}` : ''}`;
}
