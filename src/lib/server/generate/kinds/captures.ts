import {
	APP_HOLDS_SOCKET,
	deliveries,
	firstResend,
	listingOf,
	readCapture,
	retryCounter,
	rstMeaning,
	stateAfter,
	unexpectedBefore,
	whoClosedFirst,
	type Closer,
	type ReadCapture,
	type RstMeaning
} from '../../../core/capture/reading';
import { RFC_NAME, type Side, type State } from '../../../core/fsm';
import { familyId, questionId, stateFamily, transitionFamily } from '../../../core/ids';
import { choice, topicOf, type Context } from '../context';
import type { Option, Question } from '../../../features/quiz/types';
import { rankedStates } from './fsm';
import { CLOSER_LABEL, RETRY_PARAMS, RST_LABEL, RST_NEVER, SIMULTANEOUS_LABEL, captureSetting, hostLabel, packetLabel } from './capture-labels';

/**
 * Questions about the committed captures (static/captures/), read from their tcpdump text at
 * build time: a host's state after a packet, who closed first, whether the close was
 * simultaneous, what a RST means, which packet was dropped and which counter governs its
 * retransmissions. Every prompt states what the text cannot show (calls whose segment never left,
 * the packet the recorder dropped, how the application closed).
 */
export function captureQuestions(ctx: Context): Question[] {
	return (ctx.deck.captures ?? []).flatMap((src) => {
		const r = readCapture(src);
		if (r.replay.selfConnect) return [];
		return [...stateQuestions(ctx, r), ...closeQuestions(ctx, r), ...rstQuestions(ctx, r), ...lossQuestions(ctx, r)];
	});
}

const source = (r: ReadCapture, more: string) => `static/captures/${r.info.id}.txt (${r.info.kernel}, ${r.info.tcpdump}); ${more}`;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const stateOption = (s: State): Option => ({ id: s, label: { zh: RFC_NAME[s], en: RFC_NAME[s] } });

/** The state after a packet that moved its receiver, for a few packets past the handshake. */
function stateQuestions(ctx: Context, r: ReadCapture): Question[] {
	const moved = r.byPacket.filter(
		(s) => s.transition && s.transition.from !== s.transition.to && !s.odd.includes('lost') && !unexpectedBefore(r, s.index)
	);
	const late = moved.filter((s) => s.index > 2);
	const pool = late.length > 0 ? late : moved;
	const picked = [...new Set([pool[0], pool[Math.floor(pool.length / 2)], pool.at(-1)])].filter((s) => s !== undefined);
	return picked.map((s) => {
		const side = s.to;
		const state = stateAfter(r, s.index, side);
		const n = s.index + 1;
		const who = hostLabel(r, side);
		return choice(ctx, {
			id: questionId('capture', r.info.id, 'state', String(n), side),
			kind: 'capture',
			topic: topicOf(ctx, ['LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED'].includes(state) ? 'handshake' : 'teardown'),
			family: transitionFamily(s.transition!),
			prompt: {
				zh: `下面是一段真实抓包。${captureSetting(r).zh}第 ${n} 个报文之后，${who.zh}处于哪个状态？`,
				en: `A real capture follows. ${captureSetting(r).en} After packet ${n}, which state is ${who.en} in?`
			},
			right: [stateOption(state)],
			// The server's listener stays in LISTEN on the same port: never a wrong answer about the server.
			wrong: rankedStates(ctx, [s.transition!.from, state], new Set<State>(side === 'B' ? [state, 'LISTEN'] : [state])),
			explanation: {
				zh: `第 ${n} 个报文是${packetLabel(s.packet).zh}，${who.zh}在 ${RFC_NAME[s.transition!.from]} 收到它，按状态机进入 ${RFC_NAME[state]}。`,
				en: `Packet ${n} is ${packetLabel(s.packet).en}; ${who.en} receives it in ${RFC_NAME[s.transition!.from]} and the machine takes it to ${RFC_NAME[state]}.`
			},
			source: source(r, s.transition!.source),
			listing: listingOf(r.text),
			subject: { capture: r.info.id, aspect: 'state', packet: s.index, side }
		});
	});
}

/** Who closed first, and whether the close was simultaneous. */
function closeQuestions(ctx: Context, r: ReadCapture): Question[] {
	const closer = whoClosedFirst(r);
	const option = (c: Closer): Option => ({ id: c, label: CLOSER_LABEL(r, c) });
	const listing = listingOf(r.text);
	const subject = { capture: r.info.id, aspect: 'closer' };
	const closing = r.replay.steps.some((s) => s.kind === 'call' && s.event === 'close');
	const out = [
		choice(ctx, {
			id: questionId('capture', r.info.id, 'closer'),
			kind: 'capture',
			topic: topicOf(ctx, 'teardown'),
			family: stateFamily('FIN_WAIT_1'),
			prompt: {
				zh: `下面是一段真实抓包。${captureSetting(r).zh}是谁先关闭了连接？`,
				en: `A real capture follows. ${captureSetting(r).en} Who closed the connection first?`
			},
			right: [option(closer)],
			wrong: [(['client', 'server', 'simultaneous', 'none'] as const).filter((c) => c !== closer).map(option)],
			explanation: CLOSER_LABEL(r, closer, true),
			source: source(r, 'RFC 9293 §3.6'),
			listing,
			subject
		})
	];
	if (closing)
		out.push(
			choice(ctx, {
				id: questionId('capture', r.info.id, 'simultaneous'),
				kind: 'capture',
				topic: topicOf(ctx, 'closing'),
				family: stateFamily('CLOSING'),
				prompt: {
					zh: `下面是一段真实抓包。${captureSetting(r).zh}这是一次同时关闭吗？`,
					en: `A real capture follows. ${captureSetting(r).en} Is this close a simultaneous close?`
				},
				right: [SIMULTANEOUS_LABEL[closer === 'simultaneous' ? 'yes' : 'no']],
				wrong: [[SIMULTANEOUS_LABEL[closer === 'simultaneous' ? 'no' : 'yes']]],
				total: 2,
				explanation: CLOSER_LABEL(r, closer, true),
				source: source(r, 'RFC 9293 §3.6 (simultaneous close)'),
				listing,
				subject: { ...subject, aspect: 'simultaneous' }
			})
		);
	return out;
}

function rstQuestions(ctx: Context, r: ReadCapture): Question[] {
	return r.byPacket.flatMap((s) => {
		const meaning = rstMeaning(r, s.index);
		if (!meaning) return [];
		const n = s.index + 1;
		const option = (m: RstMeaning | (typeof RST_NEVER)[number]): Option => ({ id: m, label: RST_LABEL[m] });
		const receiver = s.transition ? s.transition : undefined;
		return [
			choice(ctx, {
				id: questionId('capture', r.info.id, 'rst', String(n)),
				kind: 'capture',
				topic: topicOf(ctx, 'state-machine'),
				family: receiver ? transitionFamily(receiver) : stateFamily('CLOSED'),
				prompt: {
					zh: `下面是一段真实抓包。${captureSetting(r).zh}第 ${n} 个报文是${hostLabel(r, s.from).zh}发出的 RST。它说明了什么？`,
					en: `A real capture follows. ${captureSetting(r).en} Packet ${n} is a RST from ${hostLabel(r, s.from).en}. What does it mean?`
				},
				right: [option(meaning)],
				wrong: [[option(meaning === 'refused' ? 'abort' : 'refused')], RST_NEVER.map(option)],
				explanation: RST_LABEL[meaning],
				source: source(r, 'RFC 9293 §3.5.2, §3.10.7.1'),
				listing: listingOf(r.text),
				subject: { capture: r.info.id, aspect: 'rst', packet: s.index }
			})
		];
	});
}

/** Which packet the recorder dropped, and which counter decides how often it is sent again. */
function lossQuestions(ctx: Context, r: ReadCapture): Question[] {
	const { resentUnacknowledged, acknowledged } = deliveries(r.packets);
	if (r.info.lost.length !== 1 || resentUnacknowledged.join() !== r.info.lost.join()) return [];
	const lost = r.info.lost[0]!;
	const again = firstResend(r.packets, lost)!;
	const sender: Side = r.byPacket[lost]!.from;
	const state = r.byPacket[lost]!.states[sender];
	const counter = retryCounter(state, APP_HOLDS_SOCKET[r.info.id] ?? false);
	const listing = listingOf(r.text);
	const packetOption = (i: number): Option => ({ id: `p${i + 1}`, label: { zh: `第 ${i + 1} 个：${packetLabel(r.packets[i]!).zh}`, en: `#${i + 1}: ${packetLabel(r.packets[i]!).en}` } });
	const out = [
		choice(ctx, {
			id: questionId('capture', r.info.id, 'missing'),
			kind: 'capture',
			topic: topicOf(ctx, 'lost-segments'),
			family: transitionFamily({ from: state, event: 'retransmit' }),
			prompt: {
				zh: `下面是一段真实抓包。${captureSetting(r, false).zh}选项中恰有一个报文被 tcpdump 记录后、在到达对端之前被丢弃了。是哪一个？`,
				en: `A real capture follows. ${captureSetting(r, false).en} Exactly one of the packets offered was dropped after tcpdump saw it, before it reached its receiver. Which one?`
			},
			right: [packetOption(lost)],
			wrong: [acknowledged.map(packetOption)],
			explanation: {
				zh: `第 ${lost + 1} 个报文在对端确认之前，由同一端在 ${again.seconds} 秒后原样重发（第 ${again.index + 1} 个）；其余选项都在重发之前被对端确认过，说明已经送达。`,
				en: `Packet ${lost + 1} is sent again unchanged ${again.seconds} s later (#${again.index + 1}) before its receiver acknowledged it; every other option was acknowledged before any copy was sent again, so it arrived.`
			},
			source: source(r, 'RFC 9293 §3.8.1; RFC 6298'),
			listing,
			subject: { capture: r.info.id, aspect: 'missing' }
		})
	];
	if (counter) {
		const paramOption = (p: string): Option => ({ id: p, label: { zh: p, en: p } });
		out.push(
			choice(ctx, {
				id: questionId('capture', r.info.id, 'retry_setting'),
				kind: 'capture',
				topic: topicOf(ctx, 'retransmission'),
				family: familyId({ kind: 'param', param: counter.param }),
				prompt: {
					zh: `下面是一段真实抓包。${captureSetting(r).zh}${hostLabel(r, sender).zh}在 ${again.seconds} 秒后把第 ${lost + 1} 个报文原样重发（第 ${again.index + 1} 个）。如果一直收不到确认，它会继续重发、每次等待翻倍。哪个 sysctl 决定它何时放弃重发？`,
					en: `A real capture follows. ${captureSetting(r).en} ${cap(hostLabel(r, sender).en)} sent packet ${lost + 1} again ${again.seconds} s later (#${again.index + 1}). Were no acknowledgement to come, it would keep resending, each wait twice the last. Which sysctl decides when it gives up resending?`
				},
				right: [paramOption(counter.param)],
				wrong: [RETRY_PARAMS.filter((p) => p !== counter.param).map(paramOption)],
				explanation: {
					zh: `发送方此时处于 ${RFC_NAME[state]}，第一次重传等待约 ${counter.firstWait} 秒（抓包中为 ${again.seconds} 秒），何时放弃重发由 ${counter.param} 决定。`,
					en: `The sender is in ${RFC_NAME[state]}; its first retransmission waits about ${counter.firstWait} s (${again.seconds} s in the capture), and ${counter.param} decides when it gives up.`
				},
				source: source(r, `ip-sysctl.rst: ${counter.param}`),
				listing,
				subject: { capture: r.info.id, aspect: 'retry_setting', seconds: again.seconds }
			})
		);
	}
	return out;
}
