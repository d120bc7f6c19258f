import { PARAMS, type Param } from '../../../core/params';
import { choice, citation, type Context } from '../context';
import type { Card } from '../../../features/content/types';
import type { Text } from '../../../core/text';
import type { Option, Question } from '../../../features/quiz/types';
import { familyId, questionId } from '../../../core/ids';

/** Questions on the kernel settings themselves: what each controls and its default. Durations are in durations.ts. */

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
