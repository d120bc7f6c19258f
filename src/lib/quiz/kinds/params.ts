import { formatSeconds } from '../../content/claims';
import { computeDuration, durationArgs, PARAMS, retryKind, retryTimeline, RETRY_WAITS, type Param } from '../../params';
import { choice, citation, type Context } from '../context';
import type { Card } from '../../content/types';
import type { Text } from '../../i18n/lang';
import type { Option, Question } from '../types';
import { familyId, questionId } from '../../ids';

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
		const common = { topic: card.topic, family: familyId({ kind: 'param', param: p.name }), source, subject: { param: p.name } };
		return [
			choice(ctx, {
				...common,
				id: questionId('param_meaning', p.name),
				kind: 'param_meaning',
				// A removed setting says so in the prompt, never in one option only.
				prompt: p.removedIn
					? { zh: `Linux ${p.removedIn} 移除 ${p.sysctl} 之前，它控制什么？`, en: `What did ${p.sysctl} control before Linux ${p.removedIn} removed it?` }
					: { zh: `${p.sysctl} 控制什么？`, en: `What does ${p.sysctl} control?` },
				right: [meaningOption(p)],
				wrong: byKinship(p, others).map((tier) => tier.map(meaningOption)),
				explanation: card.back
			}),
			choice(ctx, {
				...common,
				id: questionId('param_from_meaning', p.name),
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

/**
 * Wrong defaults people actually believe: what the notes said, earlier kernels' defaults, and the
 * values the registry lists as mix-ups (a neighbouring setting's default, the total it is part of,
 * common tuning advice) — never the default ± 1, which gives the answer away.
 */
function wrongDefaults(p: Param): number[] {
	const d = p.default!;
	if (p.unit === 'bool' || p.unit === 'mode') return [0, 1, 2].filter((v) => v !== d && (p.unit === 'mode' || v < 2));
	const noted = Number(/^\d+/.exec(p.notesSaid ?? '')?.[0]);
	const candidates = [noted, ...(p.formerDefaults ?? []), ...(p.mixups ?? [])];
	return [...new Set(candidates.filter((v) => Number.isFinite(v) && v >= 0 && v !== d))];
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
				id: questionId('param_default', p.name),
				kind: 'param_default',
				topic: card.topic,
				family: familyId({ kind: 'param', param: p.name }),
				prompt,
				right: [label(p.default)],
				wrong: [noted.map(label), wrong.slice(0, 4).map(label), wrong.map(label)],
				total: Math.min(4, wrong.length + 1),
				explanation: explainDefault(p, card),
				source: citation(card, p.source),
				subject: { param: p.name }
			})
		];
	});
}

/** The card's answer, what the notes said, and the default before it changed, where either is offered. */
function explainDefault(p: Param, card: Card): Text {
	// Said once: only where the card's own answer does not already give the earlier default.
	const told = p.formerDefaults?.every((v) => new RegExp(`\\b${v}\\b`).test(card.back.en));
	const former = p.formerDefaults?.length && p.since && !told
		? { zh: `Linux ${p.since} 之前默认为 ${p.formerDefaults.join('、')}。`, en: ` Before Linux ${p.since} the default was ${p.formerDefaults.join(', ')}.` }
		: { zh: '', en: '' };
	const noted = p.notesSaid
		? { zh: `（常见的学习笔记写的是：${card.notesSaid?.zh ?? p.notesSaid}）`, en: ` (Common study notes say: ${card.notesSaid?.en ?? p.notesSaid}.)` }
		: { zh: '', en: '' };
	return { zh: `${card.back.zh}${noted.zh}${former.zh}`, en: `${card.back.en}${noted.en}${former.en}` };
}

interface DurationAsk {
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
function durationAsks(): DurationAsk[] {
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

/** A wrong number within ±1 or ±1% of the right one gives the answer away (the validator rejects it). */
export const nearMiss = (value: number, answer: number) => Math.abs(value - answer) <= Math.max(1, answer / 100);

/**
 * Fixed wrong answers for the two TIME-WAIT questions, the usual confusions: one MSL instead of two,
 * the other rule's figure (the prompt names which rule it asks about), a lowered tcp_fin_timeout.
 */
const TIME_WAIT_WRONG: Record<string, number[]> = { rfc_time_wait: [120, 60, 480], linux_time_wait: [120, 30, 240] };

export function durationQuestions(ctx: Context): Question[] {
	const topicFor = (ask: DurationAsk) => {
		const param = ask.filedWith ?? Object.keys(ask.args)[0];
		return ctx.cards.find((c) => c.param === param)?.topic;
	};
	return durationAsks().map((ask) => {
		const seconds = computeDuration(ask.name, ask.args);
		const option = (v: number): Option => ({ id: `s${v}`, label: { zh: formatSeconds(v, 'zh'), en: formatSeconds(v, 'en') } });
		const near =
			TIME_WAIT_WRONG[ask.name] ??
			ask.near.filter((n) => Object.values(n.args).every((v) => v >= 0)).map((n) => computeDuration(n.name, n.args));
		const fits = (v: number) => v > 0 && !nearMiss(v, seconds);
		const believed = (ask.believed ?? []).filter(fits);
		const wrong = [...new Set(near)].filter((v) => fits(v) && !believed.includes(v));
		const argText = Object.entries(ask.args).map(([k, v]) => `${k}=${v}`).join(' ');
		return choice(ctx, {
			id: questionId('duration', ask.name, ...(argText ? [argText.replace(/ /g, ',')] : [])),
			kind: 'duration',
			topic: topicFor(ask) ?? ctx.deck.topics[0]!.id,
			family: familyId({ kind: 'duration', name: ask.name }),
			prompt: ask.prompt,
			right: [option(seconds)],
			wrong: [believed.map(option), wrong.map(option)],
			explanation: withAfter(explainDuration(ask.name, ask.args, seconds), ask.after),
			source: ask.name.includes('time_wait') ? 'RFC 9293 §3.4.2; Linux include/net/tcp.h (TCP_TIMEWAIT_LEN)' : 'Linux Documentation/networking/ip-sysctl.rst; include/net/tcp.h',
			subject: { duration: ask.name, args: JSON.stringify(ask.args) }
		});
	});
}

const withAfter = (t: Text, after?: Text): Text => (after ? { zh: `${t.zh}${after.zh}`, en: `${t.en} ${after.en}` } : t);

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

