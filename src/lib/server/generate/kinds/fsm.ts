import { LOOKALIKES, RFC_NAME, SCENARIOS, SEGMENTS, simulate, stateTrace, STATES, type Condition, type Event, type ScenarioId, type Side, type State, type Transition } from '../../../core/fsm';
import { CONDITION_LABEL, eventLabel, SEGMENT_LABEL } from '../../../core/fsm/labels';
import type { Lang, Text } from '../../../core/text';
import { choice, stateCard, topicOf, withSource, type ChoiceSpec, type Context } from '../context';
import { randomFor, shuffle } from '../../../core/random';
import type { Option, Question } from '../../../features/quiz/types';
import { familyId, questionId, rowQuestionId, transitionFamily } from '../../../core/ids';

const stateOption = (s: State): Option => ({ id: s, label: { zh: RFC_NAME[s], en: RFC_NAME[s] } });

/** Wrong states for a question about `from`: neighbours first, then look-alikes, then the rest. */
export function rankedStates(ctx: Context, near: State[], exclude: Set<State>): Option[][] {
	const neighbours = new Set<State>();
	for (const s of near) for (const t of ctx.machine.from(s)) neighbours.add(t.to);
	const alike = new Set(LOOKALIKES.filter((g) => near.some((s) => g.includes(s))).flat());
	const ok = (s: State) => !exclude.has(s);
	return [
		STATES.filter((s) => ok(s) && neighbours.has(s)),
		STATES.filter((s) => ok(s) && alike.has(s)),
		STATES.filter(ok)
	].map((tier) => tier.map(stateOption));
}

function situation(t: Transition): Text {
	const cond = t.cond ? CONDITION_LABEL[t.cond] : undefined;
	return {
		zh: `端点处于 ${RFC_NAME[t.from]}，此时${eventLabel(t.event, t.from).zh}${cond ? `（条件：${cond.zh}）` : ''}。`,
		en: `An endpoint is in ${RFC_NAME[t.from]} and ${eventLabel(t.event, t.from).en}${cond ? ` (${cond.en})` : ''}.`
	};
}

/** What the endpoint does, where the bare segment name would mislead: a SYN on a live connection gets a challenge ACK. */
/** Keyed by the row's family. */
const SENT_AS: Record<string, Text> = {
	't:ESTABLISHED:recv_syn': { zh: '发送挑战 ACK（challenge ACK，RFC 5961），而不是 RFC 793 的 RST', en: 'sends a challenge ACK (RFC 5961), not RFC 793’s RST' },
	't:TIME_WAIT:recv_rst:rfc1337_on': { zh: '不发送报文，也不理会这个 RST（RFC 1337：旧 RST 不应提前结束 TIME-WAIT）', en: 'sends nothing and ignores the RST (RFC 1337: an old RST must not cut TIME-WAIT short)' }
};

function because(t: Transition): Text {
	const note = SENT_AS[transitionFamily(t)];
	const sendsZh = note ? note.zh : t.send === 'none' ? '不发送报文' : `发送 ${SEGMENT_LABEL[t.send].zh}`;
	const sendsEn = note ? note.en : t.send === 'none' ? 'sends nothing' : `sends ${SEGMENT_LABEL[t.send].en}`;
	const stay = t.from === t.to;
	return {
		zh: `${situation(t).zh}它${sendsZh}，${stay ? '并停留在' : '并进入'} ${RFC_NAME[t.to]}。`,
		en: `${situation(t).en.replace(/\.$/, ':')} it ${sendsEn} and ${stay ? 'stays in' : 'enters'} ${RFC_NAME[t.to]}.`
	};
}

/** "Assume: …" for the conditions a question relies on (empty when there are none). */
function assumptions(conds: Condition[]): Text {
	if (conds.length === 0) return { zh: '', en: '' };
	const zh = conds.map((c) => CONDITION_LABEL[c].zh).join('；');
	const en = conds.map((c) => CONDITION_LABEL[c].en).join('; ');
	return { zh: `假设：${zh}。`, en: `Assume ${en}. ` };
}

const fsmTopic = (ctx: Context, s: State) => topicOf(ctx, stateCard(ctx, s)?.topic, 'state-machine');

/** The next-state question about one transition, before its distractors are drawn. */
export function nextStateSpec(ctx: Context, t: Transition): ChoiceSpec {
	const outcomes = new Set(ctx.machine.outcomes(t.from, t.event).map((r) => r.to));
	return {
		id: rowQuestionId('next_state', t),
		kind: 'next_state',
		topic: fsmTopic(ctx, t.from),
		family: transitionFamily(t),
		prompt: {
			zh: `${situation(t).zh}接下来它处于哪个状态？`,
			en: `${situation(t).en} Which state is it in next?`
		},
		right: [stateOption(t.to)],
		wrong: rankedStates(ctx, [t.from, t.to], outcomes),
		explanation: because(t),
		source: t.source,
		fsm: t.cond ? { from: t.from, event: t.event, cond: t.cond } : { from: t.from, event: t.event }
	};
}

export function nextStateQuestions(ctx: Context): Question[] {
	return ctx.machine.table.map((t) => choice(ctx, nextStateSpec(ctx, t)));
}

export function segmentQuestions(ctx: Context): Question[] {
	return ctx.machine.table
		.filter((t) => t.event !== 'send')
		.map((t) => {
			const sent = new Set(ctx.machine.outcomes(t.from, t.event).map((r) => r.send));
			const option = (s: (typeof SEGMENTS)[number]): Option => ({ id: s, label: SEGMENT_LABEL[s] });
			return choice(ctx, {
				id: rowQuestionId('segment_sent', t),
				kind: 'segment_sent',
				topic: fsmTopic(ctx, t.from),
				family: transitionFamily(t),
				prompt: { zh: `${situation(t).zh}它发送什么报文？`, en: `${situation(t).en} What does it send?` },
				right: [option(t.send)],
				wrong: [SEGMENTS.filter((s) => !sent.has(s)).map(option)],
				explanation: because(t),
				source: t.source,
				fsm: t.cond ? { from: t.from, event: t.event, cond: t.cond } : { from: t.from, event: t.event }
			});
		});
}

export function eventBetweenQuestions(ctx: Context): Question[] {
	const pairs = new Map<string, Transition[]>();
	for (const t of ctx.machine.table) {
		if (t.from === t.to) continue;
		const key = `${t.from}>${t.to}`;
		pairs.set(key, [...(pairs.get(key) ?? []), t]);
	}
	return [...pairs.values()].map((rows) => {
		const { from, to } = rows[0]!;
		const eventOption = (e: Event): Option => ({ id: e, label: eventLabel(e, from) });
		const events = [...new Set(rows.map((r) => r.event))];
		// The conditions the right answers rely on are stated as assumptions (SYN-RECEIVED on a RST
		// goes to LISTEN or to CLOSED, depending on how it was reached).
		const conds = [...new Set(rows.flatMap((r) => (r.cond ? [r.cond] : [])))];
		const anyPath = new Set(ctx.machine.from(from).filter((t) => t.to === to).map((t) => t.event));
		const fromHere = [...new Set(ctx.machine.from(from).map((t) => t.event))];
		const elsewhere = fromHere.filter((e) => !anyPath.has(e));
		const rest = [...new Set(ctx.machine.table.map((t) => t.event))].filter((e) => !anyPath.has(e));
		const list = rows.map((r) => because(r));
		const assume = assumptions(conds);
		return choice(ctx, {
			id: questionId('event_between', from, to),
			kind: 'event_between',
			topic: fsmTopic(ctx, from),
			family: familyId({ kind: 'pair', from, to }),
			prompt:
				events.length > 1
					? { zh: `${assume.zh}哪些事件会让端点从 ${RFC_NAME[from]} 进入 ${RFC_NAME[to]}？（选出所有正确项）`, en: `${assume.en}Which events take an endpoint from ${RFC_NAME[from]} to ${RFC_NAME[to]}? (Pick all that apply.)` }
					: { zh: `${assume.zh}哪个事件会让端点从 ${RFC_NAME[from]} 进入 ${RFC_NAME[to]}？`, en: `${assume.en}Which event takes an endpoint from ${RFC_NAME[from]} to ${RFC_NAME[to]}?` },
			right: events.map(eventOption),
			wrong: [elsewhere.map(eventOption), rest.map(eventOption)],
			total: Math.max(4, events.length + 2),
			explanation: { zh: list.map((t) => t.zh).join(' '), en: list.map((t) => t.en).join(' ') },
			source: [...new Set(rows.map((r) => r.source))].join('; '),
			subject: { from, to, conds: conds.join(',') }
		});
	});
}

interface OrderSpec {
	scenario: ScenarioId;
	/** Order the segments exchanged (after `skip` steps), or the states one side passes through. */
	what: 'segments' | Side;
	skip?: number;
	topic: string;
	title: Text;
}

const ORDERS: OrderSpec[] = [
	{ scenario: 'three_way_handshake', what: 'segments', topic: 'handshake', title: { zh: '三次握手的报文', en: 'the segments of the three-way handshake' } },
	{ scenario: 'client_closes_first', what: 'segments', skip: 5, topic: 'teardown', title: { zh: '客户端先关闭时四次挥手的报文', en: 'the segments of the teardown when the client closes first' } },
	{ scenario: 'lost_last_ack', what: 'segments', skip: 5, topic: 'teardown', title: { zh: '最后一个 ACK 丢失时的报文', en: 'the segments when the last ACK is lost' } },
	{ scenario: 'simultaneous_open', what: 'segments', topic: 'handshake', title: { zh: '同时打开时的报文（A 先发）', en: 'the segments of a simultaneous open (A sends first)' } },
	{ scenario: 'three_way_handshake', what: 'A', topic: 'handshake', title: { zh: '客户端在三次握手中经过的状态', en: "the client's states during the handshake" } },
	{ scenario: 'three_way_handshake', what: 'B', topic: 'handshake', title: { zh: '服务端在三次握手中经过的状态', en: "the server's states during the handshake" } },
	{ scenario: 'client_closes_first', what: 'A', topic: 'teardown', title: { zh: '主动关闭方经过的状态', en: 'the states of the side that closes first' } },
	{ scenario: 'client_closes_first', what: 'B', topic: 'teardown', title: { zh: '被动关闭方经过的状态', en: 'the states of the side that closes second' } },
	{ scenario: 'simultaneous_close', what: 'A', topic: 'closing', title: { zh: '同时关闭时一方经过的状态', en: 'the states of one side in a simultaneous close' } },
	{ scenario: 'simultaneous_open', what: 'A', topic: 'handshake', title: { zh: '同时打开时一方经过的状态', en: 'the states of one side in a simultaneous open' } }
];

/** "A → B", the direction of one segment, with no-break spaces so a line never ends inside it. */
const ONE_WAY = '\u00a0→\u00a0';

/** "1. A → B: SYN seq=100", one step a line: "→" is kept for a segment's direction, never the order. */
const numbered = (steps: Option[], lang: Lang) => steps.map((s, i) => `${i + 1}. ${s.label[lang]}`).join('\n');

/** The steps an ordering question asks for, recomputed from the simulation. */
export function orderedSteps(scenario: ScenarioId, what: 'segments' | Side, skip = 0): Option[] {
	const steps = simulate(SCENARIOS[scenario]);
	if (what !== 'segments') {
		const trace = stateTrace(steps, what);
		const from = trace.indexOf(trace.includes('FIN_WAIT_1') || trace.includes('CLOSE_WAIT') ? 'ESTABLISHED' : 'CLOSED');
		return trace.slice(from).filter((s, i, all) => all.indexOf(s) === i).map(stateOption);
	}
	// A segment sent twice (a retransmission, a repeated ACK) gets its own id and says so.
	const lost = new Set(steps.flatMap((s) => (s.lost ? [s.lost.id] : [])));
	const seen = new Map<string, number>();
	return steps.slice(skip).flatMap((step) => {
		const w = step.sent;
		if (!w) return [];
		const base = `${w.from}-${w.flag}-${w.seq}-${w.ack ?? 0}`.toLowerCase();
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		const to = w.from === 'A' ? 'B' : 'A';
		const ack = w.ack !== undefined ? ` ack=${w.ack}` : '';
		const zhNote = `${n > 1 ? '（再次）' : ''}${lost.has(w.id) ? '（丢失）' : ''}`;
		const enNote = `${n > 1 ? ' (again)' : ''}${lost.has(w.id) ? ' (lost)' : ''}`;
		return [
			{
				id: n > 1 ? `${base}-${n}` : base,
				label: {
					zh: `${w.from}${ONE_WAY}${to}：${SEGMENT_LABEL[w.flag].zh} seq=${w.seq}${ack}${zhNote}`,
					en: `${w.from}${ONE_WAY}${to}: ${SEGMENT_LABEL[w.flag].en} seq=${w.seq}${ack}${enNote}`
				}
			}
		];
	});
}

/** Shuffle, but never hand out the steps already in order. */
function scramble(steps: Option[], random: () => number): Option[] {
	const out = shuffle(steps, random);
	return out.every((o, i) => o.id === steps[i]!.id) ? [...out.slice(1), out[0]!] : out;
}

export function orderQuestions(ctx: Context): Question[] {
	return ORDERS.map((spec) => {
		const id = questionId('order_steps', spec.scenario, spec.what);
		const steps = orderedSteps(spec.scenario, spec.what, spec.skip);
		const source = 'RFC 9293 §3.5, §3.6';
		return {
			id,
			kind: 'order_steps',
			topic: topicOf(ctx, spec.topic),
			family: familyId({ kind: 'order', scenario: spec.scenario, what: spec.what }),
			prompt: { zh: `按发生顺序排列${spec.title.zh}。`, en: `Put ${spec.title.en} in order.` },
			options: scramble(steps, randomFor(ctx.seed, id)),
			answer: steps.map((s) => s.id),
			// The source goes on a line of its own, not after the last step.
			explanation: withSource({ zh: `${numbered(steps, 'zh')}\n`, en: `${numbered(steps, 'en')}\n` }, source),
			source,
			subject: { scenario: spec.scenario, what: spec.what, skip: spec.skip ?? 0 }
		};
	});
}
