import { createEmptyCard, type Grade } from 'ts-fsrs';
import type { ReviewRating } from '../progress/review';
import { schedulerFor, type ItemState } from './schedule';

export interface IntervalPreview {
	/** Epoch ms when the item would next come due. */
	due: number;
	/** Short and language-neutral: "1m", "10m", "3h", "1d", "4mo", "1.5y". */
	interval: string;
}

const MINUTE = 60_000;

/** A duration as a person reads it on a rating button. */
export function formatInterval(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / MINUTE));
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(hours / 24);
	if (days < 30) return `${days}d`;
	const months = Math.round(days / 30);
	if (months < 12) return `${months}mo`;
	return `${Math.round((days / 365) * 10) / 10}y`;
}

/** What each rating would do to an item now; `state` undefined means never reviewed. */
export function previewIntervals(
	state: ItemState | undefined,
	now: number,
	retention: number
): Record<ReviewRating, IntervalPreview> {
	const at = new Date(now);
	const preview = schedulerFor(retention).repeat(state?.card ?? createEmptyCard(at), at);
	const entry = (grade: Grade): IntervalPreview => {
		const due = preview[grade].card.due.getTime();
		return { due, interval: formatInterval(due - now) };
	};
	return { 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4) };
}
