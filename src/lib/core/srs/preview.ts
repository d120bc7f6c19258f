import { createEmptyCard, type Grade } from 'ts-fsrs';
import { text, type Text } from '../text';
import type { ReviewRating } from '../log/review';
import { schedulerFor, type ItemState } from './schedule';
import type { Weights } from './weights';

export interface IntervalPreview {
	/** Epoch ms when the item would next come due. */
	due: number;
	/** Short in English ("1m", "3h", "4mo"); in words in Chinese ("1 分钟"), where "1m" reads as a month. */
	interval: Text;
}

const MINUTE = 60_000;

/** A duration as a person reads it on a rating button. */
export function formatInterval(ms: number): Text {
	const minutes = Math.max(1, Math.round(ms / MINUTE));
	const as = (n: number, zh: string, en: string) => text(`${n} ${zh}`, `${n}${en}`);
	if (minutes < 60) return as(minutes, '分钟', 'm');
	const hours = Math.round(minutes / 60);
	if (hours < 24) return as(hours, '小时', 'h');
	const days = Math.round(hours / 24);
	if (days < 30) return as(days, '天', 'd');
	const months = Math.round(days / 30);
	if (months < 12) return as(months, '个月', 'mo');
	return as(Math.round((days / 365) * 10) / 10, '年', 'y');
}

/** What each rating would do to an item now; `state` undefined means never reviewed. */
export function previewIntervals(
	state: ItemState | undefined,
	now: number,
	retention: number,
	weights: Weights | null = null
): Record<ReviewRating, IntervalPreview> {
	const at = new Date(now);
	const preview = schedulerFor(retention, weights).repeat(state?.card ?? createEmptyCard(at), at);
	const entry = (grade: Grade): IntervalPreview => {
		const due = preview[grade].card.due.getTime();
		return { due, interval: formatInterval(due - now) };
	};
	return { 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4) };
}
