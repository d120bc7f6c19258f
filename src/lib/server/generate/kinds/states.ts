import { PROC_CODE, RFC_NAME, rolesOf, ROLES, SS_NAME, STATES, type Role, type State } from '../../../core/fsm';
import { ROLE_LABEL } from '../../../core/fsm/labels';
import { choice, citation, type Context } from '../context';
import type { Option, Question } from '../../../features/quiz/types';
import { rankedStates } from './fsm';
import { questionId, stateFamily } from '../../../core/ids';

const stateOption = (s: State): Option => ({ id: s, label: { zh: RFC_NAME[s], en: RFC_NAME[s] } });

export function stateCardQuestions(ctx: Context): Question[] {
	return ctx.cards.flatMap((card) => {
		const s = card.state;
		if (!s || !card.waits) return [];
		const source = citation(card, 'RFC 9293 §3.3.2');
		const roleOption = (r: Role): Option => ({ id: r, label: ROLE_LABEL[r] });
		// Every role the machine's simulations show passing through the state is a right answer.
		const roles = rolesOf(s);
		const many = roles.length > 1;
		return [
			choice(ctx, {
				id: questionId('state_from_description', s),
				kind: 'state_from_description',
				topic: card.topic,
				family: stateFamily(s),
				prompt: { zh: `哪个状态符合这个描述？“${card.waits.zh}”`, en: `Which state is this? “${card.waits.en}”` },
				right: [stateOption(s)],
				wrong: rankedStates(ctx, [s], new Set([s])),
				explanation: { zh: `${RFC_NAME[s]}：${card.back.zh}`, en: `${RFC_NAME[s]}: ${card.back.en}` },
				source
			}),
			choice(ctx, {
				id: questionId('state_side', s),
				kind: 'state_side',
				topic: card.topic,
				family: stateFamily(s),
				prompt: many
					? { zh: `哪些端点会经过 ${RFC_NAME[s]} 状态？（选出所有正确项）`, en: `Who passes through ${RFC_NAME[s]}? (Pick all that apply.)` }
					: { zh: `哪一方会经过 ${RFC_NAME[s]} 状态？`, en: `Who passes through ${RFC_NAME[s]}?` },
				right: roles.map(roleOption),
				wrong: [ROLES.filter((r) => !roles.includes(r)).map(roleOption)],
				explanation: {
					zh: `${RFC_NAME[s]}：${roles.map((r) => ROLE_LABEL[r].zh).join('；')}。${card.waits.zh}`,
					en: `${RFC_NAME[s]}: ${roles.map((r) => ROLE_LABEL[r].en).join('; ')}. ${card.waits.en}`
				},
				source
			})
		];
	});
}

/** Reading Linux's own names: `ss` spellings that differ from the RFC, and /proc/net/tcp codes. */
export function linuxNameQuestions(ctx: Context): Question[] {
	const topic = (s: State) => ctx.cards.find((c) => c.state === s)?.topic ?? ctx.deck.topics[0]!.id;
	// `ss -tan` never lists a TCP socket in CLOSED (UNCONN is for datagram sockets), so CLOSED has no
	// honest `ss` question.
	const ss = STATES.filter((s) => s !== 'CLOSED' && SS_NAME[s] !== RFC_NAME[s]).map((s) =>
		choice(ctx, {
			id: questionId('ss_name', s),
			kind: 'ss_name',
			topic: topic(s),
			family: stateFamily(s),
			prompt: { zh: `\`ss -tan\` 把一个套接字显示为 ${SS_NAME[s]}。它处于 RFC 9293 的哪个状态？`, en: `\`ss -tan\` shows a socket as ${SS_NAME[s]}. Which RFC 9293 state is it in?` },
			right: [stateOption(s)],
			wrong: rankedStates(ctx, [s], new Set([s])),
			explanation: { zh: `ss 用 ${SS_NAME[s]} 表示 ${RFC_NAME[s]}。`, en: `ss prints ${RFC_NAME[s]} as ${SS_NAME[s]}.` },
			source: 'man 8 ss; iproute2 misc/ss.c'
		})
	);
	const proc = STATES.filter((s) => PROC_CODE[s] !== undefined).map((s) => {
		const code = PROC_CODE[s]!.toString(16).toUpperCase().padStart(2, '0');
		return choice(ctx, {
			id: questionId('proc_code', s),
			kind: 'proc_code',
			topic: topic(s),
			family: stateFamily(s),
			prompt: { zh: `/proc/net/tcp 中某行的 st 列是 ${code}。这个套接字处于哪个状态？`, en: `A line of /proc/net/tcp has ${code} in its st column. Which state is the socket in?` },
			right: [stateOption(s)],
			wrong: rankedStates(ctx, [s], new Set([s])),
			explanation: { zh: `st=${code} 即 ${RFC_NAME[s]}（内核 include/net/tcp_states.h）。`, en: `st=${code} is ${RFC_NAME[s]} (the kernel's include/net/tcp_states.h).` },
			source: 'Linux include/net/tcp_states.h',
			subject: { code: PROC_CODE[s]! }
		});
	});
	return [...ss, ...proc];
}
