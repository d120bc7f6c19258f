/** The retry and TIME-WAIT sums the duration questions ask, each with its prompt and plausible mix-ups. */

export interface DurationAsk {
	name: string;
	args: Record<string, number>;
	prompt: { zh: string; en: string };
	/** Other computations whose results make plausible wrong answers. */
	near: { name: string; args: Record<string, number> }[];
	/** Wrong answers people actually give: a figure the notes quoted, the RFC's minimum. */
	believed?: number[];
	/** A sentence after the working, with numbers only from the prompt or the working. */
	after?: { zh: string; en: string };
	/**
	 * Where no input parameter files the question, the parameter whose card's topic it belongs to:
	 * the TIME-WAIT lengths go with the TIME-WAIT parameters, as every duration goes with its inputs.
	 */
	filedWith?: string;
}

const syn = (retries: number, linear: number, extra: Record<string, number> = {}) => ({
	name: 'syn_give_up',
	args: { tcp_syn_retries: retries, tcp_syn_linear_timeouts: linear, ...extra }
});
const synLast = (retries: number, linear: number) => ({ name: 'syn_last_retransmission', args: { tcp_syn_retries: retries, tcp_syn_linear_timeouts: linear } });
/**
 * SYN-ACK questions say the SYN queue is less than half full: past that the kernel retries young
 * requests fewer times (reqsk_timer_handler), and under a flood an entry lives only seconds.
 */
const synack = (retries: number, at = 'give_up') => ({ name: `synack_${at}`, args: { tcp_synack_retries: retries } });

/**
 * The duration questions: a few retry sums, each asked from a different angle (today's default
 * against the RFC's minimum, an old kernel, a tuned value, the last retransmission rather than the
 * give-up), not the same doubling sum with n = 1…8.
 */
export function durationAsks(): DurationAsk[] {
	const asks: DurationAsk[] = [
		{
			...syn(6, 4),
			prompt: {
				zh: 'RFC 9293 要求 SYN 的重传至少持续 3 分钟（180 秒，MUST-23）。Linux 6.5 起的默认值是 tcp_syn_retries = 6、tcp_syn_linear_timeouts = 4，初始 RTO 为 1 秒。connect() 连接一个毫无回应的主机，多少秒后失败？',
				en: 'RFC 9293 requires a SYN to be retransmitted for at least 3 minutes (180 s, MUST-23). Linux’s defaults since 6.5 are tcp_syn_retries = 6 and tcp_syn_linear_timeouts = 4, with a 1 s initial RTO. How long until connect() to a silent host fails?'
			},
			near: [syn(6, 0), synLast(6, 4), syn(5, 0, { initial_rto: 3 })],
			believed: [180],
			after: { zh: 'Linux 的默认值达不到 RFC 要求的 180 秒。', en: 'Linux’s default falls short of the 180 s the RFC asks for.' }
		},
		{
			...syn(6, 0),
			prompt: {
				zh: 'Linux 6.5 之前没有 tcp_syn_linear_timeouts（等于 0：纯指数退避）。tcp_syn_retries = 6、初始 RTO 为 1 秒时，connect() 连接一个毫无回应的主机，多少秒后失败？',
				en: 'Before Linux 6.5 there was no tcp_syn_linear_timeouts (as if 0: pure doubling). With tcp_syn_retries = 6 and a 1 s initial RTO, how long until connect() to a silent host fails?'
			},
			near: [syn(6, 4), synLast(6, 0), syn(7, 0), syn(5, 0, { initial_rto: 3 })]
		},
		{
			...syn(5, 0, { initial_rto: 3 }),
			prompt: {
				zh: 'Linux 3.1 之前初始 RTO 是 3 秒，3.7 之前 tcp_syn_retries 默认为 5，也没有线性重传（tcp_syn_linear_timeouts = 0）。那时 connect() 连接一个毫无回应的主机，多少秒后失败？',
				en: 'Before Linux 3.1 the initial RTO was 3 s, before 3.7 tcp_syn_retries defaulted to 5, and there were no linear retries (tcp_syn_linear_timeouts = 0). How long did connect() to a silent host take to fail?'
			},
			near: [syn(5, 0), syn(6, 0), { name: 'syn_last_retransmission', args: { tcp_syn_retries: 5, tcp_syn_linear_timeouts: 0, initial_rto: 3 } }],
			// The notes' "≈180 s" for 5 retries.
			believed: [180]
		},
		{
			...syn(2, 0),
			prompt: {
				zh: '一台客户端把 tcp_syn_retries 调低到 2，tcp_syn_linear_timeouts = 0，初始 RTO 为 1 秒。connect() 连接一个毫无回应的主机，多少秒后失败？',
				en: 'A client lowers tcp_syn_retries to 2, with tcp_syn_linear_timeouts = 0 and a 1 s initial RTO. How long until connect() to a silent host fails?'
			},
			near: [syn(2, 4), synLast(2, 0), syn(6, 0)]
		},
		{
			...syn(2, 4),
			prompt: {
				zh: '在 Linux 6.5 以后的内核上把 tcp_syn_retries 调低到 2，tcp_syn_linear_timeouts 保持默认的 4，初始 RTO 为 1 秒。connect() 连接一个毫无回应的主机，多少秒后失败？',
				en: 'On Linux 6.5 or later, tcp_syn_retries is lowered to 2 and tcp_syn_linear_timeouts stays at its default of 4, with a 1 s initial RTO. How long until connect() to a silent host fails?'
			},
			near: [syn(2, 0), syn(6, 4), syn(3, 0), synLast(2, 4)]
		}
	];
	for (const [n, linear] of [
		[5, 0],
		[6, 4]
	] as const)
		asks.push({
			...synLast(n, linear),
			prompt: {
				zh: `tcp_syn_retries = ${n}、tcp_syn_linear_timeouts = ${linear}，初始 RTO 为 1 秒时，最后一次 SYN 重传发生在第一次发送后的第几秒？`,
				en: `With tcp_syn_retries = ${n}, tcp_syn_linear_timeouts = ${linear} and a 1 s initial RTO, how many seconds after the first SYN does the last retransmission leave?`
			},
			near: [syn(n, linear), synLast(n, linear === 0 ? 4 : 0), synLast(n - 1, linear)]
		});
	asks.push(
		{
			...synack(5),
			prompt: {
				zh: 'tcp_synack_retries 为默认的 5、初始 RTO 为 1 秒，半连接队列不到一半满。服务端从第一次发出 SYN+ACK 起，多久后放弃一个始终等不到 ACK 的半连接？',
				en: 'With tcp_synack_retries at its default of 5, a 1 s initial RTO and a SYN queue less than half full, how long after its first SYN-ACK does a server give up on a half-open connection that never answers?'
			},
			near: [synack(5, 'last_retransmission'), syn(6, 0)],
			// The notes' "5 (≈180 s)".
			believed: [180]
		},
		{
			...synack(2),
			prompt: {
				zh: '管理员把 tcp_synack_retries 调低到 2（初始 RTO 1 秒），半连接队列不到一半满。服务端从第一次发出 SYN+ACK 起，多久后放弃一个等不到 ACK 的半连接？',
				en: 'An admin lowers tcp_synack_retries to 2 (1 s initial RTO); the SYN queue is less than half full. How long after its first SYN-ACK does a server give up on a half-open connection that never answers?'
			},
			near: [synack(5), synack(2, 'last_retransmission'), synack(3)]
		},
		{
			...synack(5, 'last_retransmission'),
			prompt: {
				zh: 'tcp_synack_retries = 5、初始 RTO 为 1 秒、半连接队列不到一半满时，服务端最后一次重传 SYN+ACK 发生在第一次发出后的第几秒？',
				en: 'With tcp_synack_retries = 5, a 1 s initial RTO and a SYN queue less than half full, how many seconds after the first SYN-ACK does the server send it for the last time?'
			},
			near: [synack(5), synack(3), synLast(6, 4)]
		}
	);
	for (const n of [15, 8])
		asks.push({
			name: 'retries2_give_up',
			args: { tcp_retries2: n },
			prompt: {
				zh: `tcp_retries2 = ${n}，RTO 从 200 毫秒起翻倍、上限 120 秒时，对端消失后一个已建立的连接至少多少秒后被内核终止？`,
				en: `With tcp_retries2 = ${n}, an RTO that starts at 200 ms and doubles up to 120 s, at least how long until the kernel kills an established connection whose peer vanished?`
			},
			near: [
				{ name: 'retries2_give_up', args: { tcp_retries2: n - 1 } },
				{ name: 'retries2_give_up', args: { tcp_retries2: n + 1 } },
				{ name: 'retries2_give_up', args: { tcp_retries2: n - 3 } }
			]
		});
	const keepalives: [number, number, number][] = [
		[7200, 9, 75],
		[7200, 9, 15],
		[600, 5, 15],
		[60, 4, 15]
	];
	const keepalive = (time: number, probes: number, intvl: number) => ({
		name: 'keepalive_detection',
		args: { tcp_keepalive_time: time, tcp_keepalive_probes: probes, tcp_keepalive_intvl: intvl }
	});
	for (const [time, probes, intvl] of keepalives)
		asks.push({
			...keepalive(time, probes, intvl),
			prompt: {
				zh: `启用了 SO_KEEPALIVE 的空闲连接，tcp_keepalive_time = ${time}、tcp_keepalive_probes = ${probes}、tcp_keepalive_intvl = ${intvl}。对端主机已断电，内核多久后判定连接失效？`,
				en: `An idle connection with SO_KEEPALIVE on; tcp_keepalive_time = ${time}, tcp_keepalive_probes = ${probes}, tcp_keepalive_intvl = ${intvl}. The peer host lost power. When does the kernel declare the connection dead?`
			},
			// Forgetting the idle time (the notes' "about 11 minutes"), forgetting the probes, counting
			// one probe, or forgetting that the change touched only one setting.
			near: [keepalive(0, probes, intvl), keepalive(time, 0, intvl), keepalive(7200, 9, 75), keepalive(time, probes, 75), keepalive(7200, probes, intvl), keepalive(time, 1, intvl)]
		});
	asks.push({
		name: 'rfc_time_wait',
		args: {},
		prompt: { zh: 'RFC 9293 取 MSL 为 2 分钟。按 RFC，TIME-WAIT 持续多久？', en: 'RFC 9293 takes MSL as 2 minutes. By the RFC, how long does TIME-WAIT last?' },
		near: [],
		filedWith: 'tcp_max_tw_buckets'
	});
	asks.push({
		name: 'linux_time_wait',
		args: {},
		prompt: { zh: '在 Linux 上，一个套接字在 TIME-WAIT 中停留多久？', en: 'On Linux, how long does a socket stay in TIME-WAIT?' },
		near: [],
		filedWith: 'tcp_max_tw_buckets'
	});
	return asks;
}
