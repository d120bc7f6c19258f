import { formatSeconds } from '../../content/claims';
import { computeDuration, durationArgs, PARAMS, retryKind, retryTimeline, RETRY_WAITS, type Param } from '../../params';
import { choice, citation, type Context } from '../context';
import type { Option, Question } from '../types';

const paramCards = (ctx: Context) => ctx.cards.filter((c) => c.param && c.meaning);
const paramOf = (name: string) => PARAMS.find((p) => p.name === name)!;

/** Parameters that share a problem are the plausible mix-ups. */
function byKinship(p: Param, others: Param[]): Param[][] {
	const near = others.filter((o) => o.problems.some((x) => p.problems.includes(x)));
	return [near, others];
}

export function paramMeaningQuestions(ctx: Context): Question[] {
	const cards = paramCards(ctx);
	return cards.flatMap((card) => {
		const p = paramOf(card.param!);
		const others = cards.filter((c) => c !== card).map((c) => paramOf(c.param!));
		const meaningOption = (q: Param): Option => ({ id: q.name, label: cards.find((c) => c.param === q.name)!.meaning! });
		const nameOption = (q: Param): Option => ({ id: q.name, label: { zh: q.name, en: q.name } });
		const source = citation(card, p.source);
		const common = { topic: card.topic, family: `param:${p.name}`, source, subject: { param: p.name } };
		return [
			choice(ctx, {
				...common,
				id: `param_meaning:${p.name}`,
				kind: 'param_meaning',
				prompt: { zh: `${p.sysctl} 控制什么？`, en: `What does ${p.sysctl} control?` },
				right: [meaningOption(p)],
				wrong: byKinship(p, others).map((tier) => tier.map(meaningOption)),
				explanation: card.back
			}),
			choice(ctx, {
				...common,
				id: `param_from_meaning:${p.name}`,
				kind: 'param_from_meaning',
				prompt: { zh: `哪个内核参数符合这个描述？“${card.meaning!.zh}”`, en: `Which kernel setting is this? “${card.meaning!.en}”` },
				right: [nameOption(p)],
				wrong: byKinship(p, others).map((tier) => tier.map(nameOption)),
				explanation: card.back
			})
		];
	});
}

const UNIT: Record<string, { zh: string; en: string }> = { s: { zh: ' 秒', en: ' s' }, ms: { zh: ' 毫秒', en: ' ms' } };

/** Plausible wrong defaults: what the notes said, neighbours, and the values other settings use. */
function wrongDefaults(p: Param): number[] {
	const d = p.default!;
	const noted = Number(/^\d+/.exec(p.notesSaid ?? '')?.[0]);
	if (p.unit === 'bool' || p.unit === 'mode') return [0, 1, 2].filter((v) => v !== d && (p.unit === 'mode' || v < 2));
	const candidates = [noted, d - 1, d + 1, d * 2, Math.round(d / 2), 3, 5, 15, 60, 75, 120, 128, 1024, 7200];
	return [...new Set(candidates.filter((v) => Number.isFinite(v) && v > 0 && v !== d))];
}

export function paramDefaultQuestions(ctx: Context): Question[] {
	return paramCards(ctx).flatMap((card) => {
		const p = paramOf(card.param!);
		if (p.default === null) return [];
		const label = (v: number): Option => ({
			id: `v${v}`,
			label: { zh: `${v}${UNIT[p.unit]?.zh ?? ''}`, en: `${v}${UNIT[p.unit]?.en ?? ''}` }
		});
		// Where the kernel reads the default as another number (tcp_orphan_retries: 0 means 8), the
		// question asks for the value sysctl shows, and the number it stands for is no distractor.
		const wrong = wrongDefaults(p).filter((v) => v !== p.effectiveDefault);
		const prompt =
			p.effectiveDefault === undefined
				? { zh: `在当前的 Linux 内核中，${p.name} 的默认值是多少？`, en: `In current Linux kernels, what is the default of ${p.name}?` }
				: {
						zh: `在当前的 Linux 内核上，sysctl ${p.sysctl} 默认显示的值是多少？`,
						en: `On a current Linux kernel, what value does sysctl ${p.sysctl} show by default?`
					};
		const noted = wrong.filter((v) => p.notesSaid?.startsWith(String(v)));
		return [
			choice(ctx, {
				id: `param_default:${p.name}`,
				kind: 'param_default',
				topic: card.topic,
				family: `param:${p.name}`,
				prompt,
				right: [label(p.default)],
				wrong: [noted.map(label), wrong.slice(0, 4).map(label), wrong.map(label)],
				total: Math.min(4, wrong.length + 1),
				explanation: p.notesSaid
					? { zh: `${card.back.zh}（常见的学习笔记写的是：${card.notesSaid?.zh ?? p.notesSaid}）`, en: `${card.back.en} (Common study notes say: ${card.notesSaid?.en ?? p.notesSaid}.)` }
					: card.back,
				source: citation(card, p.source),
				subject: { param: p.name }
			})
		];
	});
}

interface DurationAsk {
	name: string;
	args: Record<string, number>;
	prompt: { zh: string; en: string };
	/** Other computations whose results make plausible wrong answers. */
	near: { name: string; args: Record<string, number> }[];
	/** A card tag that names the topic, where no parameter does. */
	tag?: string;
}

function durationAsks(): DurationAsk[] {
	const asks: DurationAsk[] = [];
	for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
		const exp = { tcp_syn_linear_timeouts: 0 };
		asks.push({
			name: 'syn_give_up',
			args: { tcp_syn_retries: n, ...exp },
			prompt: {
				zh: `tcp_syn_retries = ${n}，初始 RTO 为 1 秒、tcp_syn_linear_timeouts = 0（Linux 6.5 之前的纯指数退避）时，connect() 连接一个毫无回应的主机，多少秒后失败？`,
				en: `With tcp_syn_retries = ${n}, a 1 s initial RTO and tcp_syn_linear_timeouts = 0 (pure doubling, as before Linux 6.5), how long until connect() to a silent host fails?`
			},
			near: [
				{ name: 'syn_give_up', args: { tcp_syn_retries: n - 1, ...exp } },
				{ name: 'syn_give_up', args: { tcp_syn_retries: n + 1, ...exp } },
				{ name: 'syn_last_retransmission', args: { tcp_syn_retries: n, ...exp } },
				{ name: 'syn_give_up', args: { tcp_syn_retries: n, ...exp, initial_rto: 3 } }
			]
		});
	}
	for (const [n, linear] of [
		[5, 0],
		[6, 4]
	] as const)
		asks.push({
			name: 'syn_last_retransmission',
			args: { tcp_syn_retries: n, tcp_syn_linear_timeouts: linear },
			prompt: {
				zh: `tcp_syn_retries = ${n}、tcp_syn_linear_timeouts = ${linear}，初始 RTO 为 1 秒时，最后一次 SYN 重传发生在第一次发送后的第几秒？`,
				en: `With tcp_syn_retries = ${n}, tcp_syn_linear_timeouts = ${linear} and a 1 s initial RTO, how many seconds after the first SYN does the last retransmission leave?`
			},
			near: [
				{ name: 'syn_give_up', args: { tcp_syn_retries: n, tcp_syn_linear_timeouts: linear } },
				{ name: 'syn_last_retransmission', args: { tcp_syn_retries: n, tcp_syn_linear_timeouts: linear === 0 ? 4 : 0 } },
				{ name: 'syn_last_retransmission', args: { tcp_syn_retries: n - 1, tcp_syn_linear_timeouts: linear } }
			]
		});
	asks.push({
		name: 'syn_give_up',
		args: { tcp_syn_retries: 6, tcp_syn_linear_timeouts: 4 },
		prompt: {
			zh: 'Linux 6.5 起，tcp_syn_retries = 6、tcp_syn_linear_timeouts = 4 时，connect() 连接毫无回应的主机大约多少秒后失败？',
			en: 'Since Linux 6.5, with tcp_syn_retries = 6 and tcp_syn_linear_timeouts = 4, about how long until connect() to a silent host fails?'
		},
		near: [
			{ name: 'syn_give_up', args: { tcp_syn_retries: 6, tcp_syn_linear_timeouts: 0 } },
			{ name: 'syn_give_up', args: { tcp_syn_retries: 7, tcp_syn_linear_timeouts: 0 } },
			{ name: 'syn_give_up', args: { tcp_syn_retries: 5, tcp_syn_linear_timeouts: 0, initial_rto: 3 } }
		]
	});
	for (const n of [2, 3, 4, 5, 6])
		asks.push({
			name: 'synack_give_up',
			args: { tcp_synack_retries: n },
			prompt: {
				zh: `tcp_synack_retries = ${n}（初始 RTO 1 秒）时，服务端在放弃一个得不到 ACK 的半连接前，从第一次发出 SYN+ACK 起要等多少秒？`,
				en: `With tcp_synack_retries = ${n} (1 s initial RTO), how long after its first SYN-ACK does a server give up on a half-open connection that never answers?`
			},
			near: [
				{ name: 'synack_give_up', args: { tcp_synack_retries: n - 1 } },
				{ name: 'synack_give_up', args: { tcp_synack_retries: n + 1 } },
				{ name: 'synack_last_retransmission', args: { tcp_synack_retries: n } }
			]
		});
	for (const n of [8, 15])
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
		[600, 5, 15],
		[1800, 3, 30],
		[7200, 9, 15],
		[60, 3, 10]
	];
	for (const [time, probes, intvl] of keepalives)
		asks.push({
			name: 'keepalive_detection',
			args: { tcp_keepalive_time: time, tcp_keepalive_probes: probes, tcp_keepalive_intvl: intvl },
			prompt: {
				zh: `启用了 SO_KEEPALIVE 的空闲连接，tcp_keepalive_time = ${time}、tcp_keepalive_probes = ${probes}、tcp_keepalive_intvl = ${intvl}。对端主机已断电，内核多久后判定连接失效？`,
				en: `An idle connection with SO_KEEPALIVE on; tcp_keepalive_time = ${time}, tcp_keepalive_probes = ${probes}, tcp_keepalive_intvl = ${intvl}. The peer host lost power. When does the kernel declare the connection dead?`
			},
			near: [
				{ name: 'keepalive_detection', args: { tcp_keepalive_time: 0, tcp_keepalive_probes: probes, tcp_keepalive_intvl: intvl } },
				{ name: 'keepalive_detection', args: { tcp_keepalive_time: time, tcp_keepalive_probes: 0, tcp_keepalive_intvl: intvl } },
				{ name: 'keepalive_detection', args: { tcp_keepalive_time: time, tcp_keepalive_probes: probes + 1, tcp_keepalive_intvl: intvl } },
				{ name: 'keepalive_detection', args: { tcp_keepalive_time: time * 2, tcp_keepalive_probes: probes, tcp_keepalive_intvl: intvl } }
			]
		});
	asks.push({
		name: 'rfc_time_wait',
		args: {},
		prompt: { zh: 'RFC 9293 取 MSL 为 2 分钟。按 RFC，TIME-WAIT 持续多久？', en: 'RFC 9293 takes MSL as 2 minutes. By the RFC, how long does TIME-WAIT last?' },
		near: [],
		tag: 'time_wait'
	});
	asks.push({
		name: 'linux_time_wait',
		args: {},
		prompt: { zh: '在 Linux 上，一个套接字在 TIME-WAIT 中停留多久？', en: 'On Linux, how long does a socket stay in TIME-WAIT?' },
		near: [],
		tag: 'time_wait'
	});
	return asks;
}

/** Fixed wrong answers for the two TIME-WAIT questions: each excludes the other's right answer. */
const TIME_WAIT_WRONG: Record<string, number[]> = { rfc_time_wait: [120, 30, 480], linux_time_wait: [120, 30, 2] };

export function durationQuestions(ctx: Context): Question[] {
	const topicFor = (ask: DurationAsk) => {
		const param = Object.keys(ask.args)[0];
		if (param) return ctx.cards.find((c) => c.param === param)?.topic;
		return ctx.cards.find((c) => ask.tag !== undefined && c.tags.includes(ask.tag))?.topic;
	};
	return durationAsks().map((ask) => {
		const seconds = computeDuration(ask.name, ask.args);
		const option = (v: number): Option => ({ id: `s${v}`, label: { zh: formatSeconds(v, 'zh'), en: formatSeconds(v, 'en') } });
		const near =
			TIME_WAIT_WRONG[ask.name] ??
			ask.near.filter((n) => Object.values(n.args).every((v) => v >= 0)).map((n) => computeDuration(n.name, n.args));
		const wrong = [...new Set(near)].filter((v) => v !== seconds && v > 0);
		const argText = Object.entries(ask.args).map(([k, v]) => `${k}=${v}`).join(' ');
		return choice(ctx, {
			id: `duration:${ask.name}${argText ? `:${argText.replace(/ /g, ',')}` : ''}`,
			kind: 'duration',
			topic: topicFor(ask) ?? ctx.deck.topics[0]!.id,
			family: `dur:${ask.name}`,
			prompt: ask.prompt,
			right: [option(seconds)],
			wrong: [wrong.map(option)],
			explanation: explainDuration(ask.name, ask.args, seconds),
			source: ask.name.includes('time_wait') ? 'RFC 9293 §3.4.2; Linux include/net/tcp.h (TCP_TIMEWAIT_LEN)' : 'Linux Documentation/networking/ip-sysctl.rst; include/net/tcp.h',
			subject: { duration: ask.name, args: JSON.stringify(ask.args) }
		});
	});
}

function explainDuration(name: string, args: Record<string, number>, seconds: number): { zh: string; en: string } {
	const total = { zh: formatSeconds(seconds, 'zh'), en: formatSeconds(seconds, 'en') };
	if (name === 'keepalive_detection') {
		const { tcp_keepalive_time: t, tcp_keepalive_probes: p, tcp_keepalive_intvl: i } = args;
		return { zh: `先空闲 ${t} 秒才开始探测，再发 ${p} 个间隔 ${i} 秒的探测：${t} + ${p} × ${i} = ${total.zh}。`, en: `Probing starts only after ${t} s idle, then ${p} probes ${i} s apart: ${t} + ${p} × ${i} = ${total.en}.` };
	}
	if (name === 'rfc_time_wait') return { zh: `2 × MSL = 2 × 120 秒 = ${total.zh}。`, en: `2 × MSL = 2 × 120 s = ${total.en}.` };
	if (name === 'linux_time_wait') return { zh: `Linux 的 TIME-WAIT 固定为 TCP_TIMEWAIT_LEN = ${total.zh}，不受 tcp_fin_timeout 影响。`, en: `Linux fixes TIME-WAIT at TCP_TIMEWAIT_LEN = ${total.en}; tcp_fin_timeout does not change it.` };
	return explainRetries(name, args, total);
}

/** The schedule printed from the same waits the answer is summed from. */
function explainRetries(name: string, args: Record<string, number>, total: { zh: string; en: string }): { zh: string; en: string } {
	const kind = retryKind(name)!;
	const inputs = durationArgs(name, args);
	const waits = RETRY_WAITS[kind.family]!(inputs);
	const t = retryTimeline(name, args)!;
	const rto = waits[0]!;
	const linear = inputs.tcp_syn_linear_timeouts ?? 0;
	const rule = {
		zh: `${linear ? `前 ${linear} 次重传各等 ${rto} 秒，之后` : ''}每次等待从 ${rto} 秒起翻倍（上限 120 秒）`,
		en: `${linear ? `the first ${linear} retransmissions wait ${rto} s each, then ` : ''}each wait doubles from ${rto} s (capped at 120 s)`
	};
	const zhUnit = (v: number) => formatSeconds(v, 'zh');
	if (kind.at === 'last_retransmission') {
		const before = waits.slice(0, -1).join(' + ');
		return {
			zh: `${rule.zh}，重传依次在第 ${t.retransmissionsAt.join('、')} 秒发出，之后再等一次、在 ${zhUnit(t.giveUpAt)}放弃。最后一次重传：${before} = ${total.zh}。`,
			en: `${cap(rule.en)}: retransmissions leave at ${t.retransmissionsAt.join(', ')} s, and the kernel gives up one wait later, at ${formatSeconds(t.giveUpAt, 'en')}. The last retransmission: ${before} = ${total.en}.`
		};
	}
	const sum = waits.join(' + ');
	return {
		zh: `${rule.zh}；最后一次重传后还要再等一次才放弃：${sum} = ${total.zh}。`,
		en: `${cap(rule.en)}; after the last retransmission the kernel waits once more before it gives up: ${sum} = ${total.en}.`
	};
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

