import { formatSeconds } from '../../content/claims';
import { computeDuration, durationArgs, retryKind, retryTimeline, RETRY_WAITS } from '../../../core/params';
import { choice, type Context } from '../context';
import type { Text } from '../../../core/text';
import type { Option, Question } from '../../../features/quiz/types';
import { familyId, questionId } from '../../../core/ids';
import { durationAsks, type DurationAsk } from './duration-asks';

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

