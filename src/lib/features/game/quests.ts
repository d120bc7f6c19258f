/**
 * Three small daily quests, drawn from the date alone: every device shows the same three on the same
 * day, and nothing needs storing. One asks for volume (reviews, XP or minutes), two for a skill.
 * Progress is computed from that day's reviews.
 */
import { text, type Text } from '../../core/text';
import type { Review } from '../../core/log/review';
import { hash, rng, shuffle, type Random } from '../../core/random';
import type { QuestionKind } from '../quiz/types';
import { dailyActivity, type DayActivity } from './daily';
import type { Day, DayOf } from './days';
import { xpEvents, type XpEvent } from './xp';

interface QuestTemplate {
	id: string;
	volume: boolean;
	targets: readonly number[];
	title: (n: number) => Text;
	measure: (day: DayActivity) => number;
}

const count = (day: DayActivity, pred: (e: XpEvent) => boolean) => day.events.filter(pred).length;
/** Right answers in a row within the day (yesterday's part of a session past midnight does not count). */
function longestRun(day: DayActivity): number {
	let run = 0;
	let best = 0;
	let prev: XpEvent | undefined;
	for (const e of day.events) {
		run = !e.right ? 0 : prev && prev.session === e.session ? run + 1 : 1;
		best = Math.max(best, run);
		prev = e;
	}
	return best;
}
const rightOf = (kinds: readonly QuestionKind[]) => (day: DayActivity) => count(day, (e) => e.right && e.kind !== undefined && kinds.includes(e.kind));

export const QUEST_TEMPLATES: readonly QuestTemplate[] = [
	{ id: 'reviews', volume: true, targets: [10, 15, 20], title: (n) => text(`复习 ${n} 题`, `Review ${n} items`), measure: (d) => d.reviews },
	{ id: 'xp', volume: true, targets: [25, 40], title: (n) => text(`获得 ${n} XP`, `Earn ${n} XP`), measure: (d) => d.xp },
	{
		id: 'minutes',
		volume: true,
		targets: [5, 10],
		title: (n) => text(`学习 ${n} 分钟`, `Study for ${n} minutes`),
		measure: (d) => Math.floor(d.studiedMs / 60_000)
	},
	{
		id: 'right',
		volume: false,
		targets: [5, 8],
		title: (n) => text(`答对 ${n} 道测验题`, `Answer ${n} quiz questions right`),
		measure: (d) => count(d, (e) => e.right && e.kind !== 'flashcard')
	},
	{
		id: 'combo',
		volume: false,
		targets: [5, 8],
		title: (n) => text(`连续答对 ${n} 题`, `Get ${n} right in a row`),
		measure: longestRun
	},
	{
		id: 'flashcards',
		volume: false,
		targets: [8, 12],
		title: (n) => text(`复习 ${n} 张卡片`, `Review ${n} flashcards`),
		measure: (d) => count(d, (e) => e.kind === 'flashcard')
	},
	{
		id: 'transitions',
		volume: false,
		targets: [3, 5],
		title: (n) => text(`答对 ${n} 道状态转换题`, `Get ${n} state transitions right`),
		measure: rightOf(['next_state', 'segment_sent', 'event_between'])
	},
	{
		id: 'states',
		volume: false,
		targets: [3, 5],
		title: (n) => text(`答对 ${n} 道关于状态的题`, `Get ${n} questions about states right`),
		measure: rightOf(['state_from_description', 'state_side', 'ss_name', 'proc_code'])
	},
	{
		id: 'order',
		volume: false,
		targets: [1, 2],
		title: (n) => text(`把 ${n} 个过程排对顺序`, `Put ${n} ${n === 1 ? 'sequence' : 'sequences'} in the right order`),
		measure: rightOf(['order_steps'])
	},
	{
		id: 'ss',
		volume: false,
		targets: [2, 3],
		title: (n) => text(`读懂 ${n} 份 ss 输出`, `Read ${n} ss listings right`),
		measure: rightOf(['ss_diagnosis', 'ss_fix'])
	},
	{
		id: 'params',
		volume: false,
		targets: [3, 5],
		title: (n) => text(`答对 ${n} 道内核参数题`, `Get ${n} kernel-parameter questions right`),
		measure: rightOf(['param_meaning', 'param_from_meaning', 'param_default', 'duration'])
	},
	{
		id: 'challenge',
		volume: false,
		targets: [5, 10],
		title: (n) => text(`在挑战中回答 ${n} 题`, `Answer ${n} questions in a challenge`),
		measure: (d) => count(d, (e) => e.review.kind === 'challenge')
	}
];

export interface Quest {
	/** `<template>:<target>`. */
	id: string;
	template: string;
	day: Day;
	target: number;
	title: Text;
}

export interface QuestProgress extends Quest {
	/** Capped at the target. */
	current: number;
	done: boolean;
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

function quest(t: QuestTemplate, day: Day, random: Random): Quest {
	const target = pick(t.targets, random);
	return { id: `${t.id}:${target}`, template: t.id, day, target, title: t.title(target) };
}

/** The day's three quests: a function of the date only. */
export function questsFor(day: Day): Quest[] {
	const random = rng(hash(`quests:${day}`));
	const volume = pick(
		QUEST_TEMPLATES.filter((t) => t.volume),
		random
	);
	const skills = shuffle(
		QUEST_TEMPLATES.filter((t) => !t.volume),
		random
	).slice(0, 2);
	return [volume, ...skills].map((t) => quest(t, day, random));
}

/** The day's quests with progress from the reviews made on that day. */
export const questProgress = (day: Day, log: readonly Review[], dayOf: DayOf): QuestProgress[] => questProgressFromEvents(day, xpEvents(log), dayOf);

/** Same as `questProgress`, for a caller that already scored the log. */
export function questProgressFromEvents(day: Day, events: readonly XpEvent[], dayOf: DayOf): QuestProgress[] {
	const activity = dailyActivity(
		events.filter((e) => dayOf(e.review.at) === day),
		dayOf
	)[0];
	return questsFor(day).map((q) => {
		const template = QUEST_TEMPLATES.find((t) => t.id === q.template)!;
		const current = activity ? Math.min(q.target, template.measure(activity)) : 0;
		return { ...q, current, done: current >= q.target };
	});
}
