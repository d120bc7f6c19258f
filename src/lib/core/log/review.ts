/**
 * The review log: the one record of progress. Schedules, XP and streaks are derived from it, so it
 * is append-only; a mistake is cancelled by appending an `undo` record, never by editing.
 */
import { text, type Text } from '../text';

/**
 * Answers (flashcard … predict), `undo`, and the controls a learner sets on one item from the card
 * browser: `suspend` (never due until `unsuspend`), `bury` (not due again before the next local
 * day), `reset` (forget its memory: new again, suspension and burial lifted). Controls are not
 * answers: they earn nothing, count in no statistics, and only the schedule replay reads them.
 */
export const CONTROL_KINDS = ['suspend', 'unsuspend', 'bury', 'reset'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];
export const REVIEW_KINDS = ['flashcard', 'quiz', 'challenge', 'predict', 'undo', ...CONTROL_KINDS] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const isControl = (r: Pick<Review, 'kind'>): boolean => (CONTROL_KINDS as readonly string[]).includes(r.kind);
/** At most this many characters of a typed answer are kept: an answer is a name or a number. */
export const TYPED_MAX = 200;

/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type ReviewRating = 1 | 2 | 3 | 4;

export interface Review {
	/** Unique across devices (a UUID), so logs merge by id. */
	id: string;
	/** The scheduled item: the question family (`card:<cardId>` for flashcards). */
	itemId: string;
	questionId?: string;
	kind: ReviewKind;
	/** A flashcard's self-rating. */
	rating?: ReviewRating;
	/** Ids of the options chosen. */
	answer?: string[];
	correct?: boolean;
	durationMs: number;
	/** Epoch ms. */
	at: number;
	appVersion: string;
	/** Practice outside the schedule: counts for statistics but never moves a due date. */
	cram?: boolean;
	/** For kind `undo`: the id of the review it cancels. */
	undoes?: string;
	/** The quiz, challenge round or study session the review belongs to, e.g. `challenge:mixed:<uuid>`. */
	session?: string;
	/** A quiz answered by typing: the text typed (`answer` holds the option it was read as). */
	typed?: string;
}

/** Total order on reviews: by time, then by id, so equal timestamps never depend on storage order. */
export function compareReviews(a: Review, b: Review): number {
	if (a.at !== b.at) return a.at - b.at;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The records that count: undo records and the records they cancel removed, duplicates by id
 * dropped, sorted by (at, id); answers and controls alike. The result is the same whatever order
 * the log was stored or merged in.
 */
export function effectiveRecords(log: readonly Review[]): Review[] {
	const undone = new Set<string>();
	for (const r of log) if (r.kind === 'undo' && r.undoes !== undefined) undone.add(r.undoes);
	const seen = new Set<string>();
	const out: Review[] = [];
	for (const r of [...log].sort(compareReviews)) {
		if (r.kind === 'undo' || undone.has(r.id) || seen.has(r.id)) continue;
		seen.add(r.id);
		out.push(r);
	}
	return out;
}

/** The answers that count: `effectiveRecords` without the controls (suspend, bury, reset). */
export function effectiveReviews(log: readonly Review[]): Review[] {
	return effectiveRecords(log).filter((r) => !isControl(r));
}

const FIELDS = new Set([
	'id',
	'itemId',
	'questionId',
	'kind',
	'rating',
	'answer',
	'correct',
	'durationMs',
	'at',
	'appVersion',
	'cram',
	'undoes',
	'session',
	'typed'
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
/** The last instant a Date can hold (epoch ms): later times break every date calculation. */
export const MAX_TIME = 8.64e15;
const isTime = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= MAX_TIME;

/**
 * A value from a file, fit to quote in a message: cut to `max` characters, control and
 * direction-changing characters shown as "?", so a hostile name can neither flood nor reorder it.
 */
export function quoted(value: string, max = 40): string {
	const cut = value.length > max ? value.slice(0, max) + '…' : value;
	// eslint-disable-next-line no-control-regex
	return cut.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
}

const notA = (field: string, zh: string, en: string): Text =>
	text(`“${field}”不是${zh}`, `"${field}" is not ${en}`);

/**
 * Check that an unknown value is a well-formed review. Returns the first problem found, or null.
 * Unknown fields are refused rather than dropped, so nothing is lost silently: a new field means a
 * new backup version.
 */
export function reviewProblem(value: unknown): Text | null {
	if (!isObject(value)) return text('不是一个对象', 'is not an object');
	for (const key of Object.keys(value)) {
		if (!FIELDS.has(key)) return text(`有未知字段“${quoted(key)}”`, `has an unknown field "${quoted(key)}"`);
	}
	const v = value;
	if (!isNonEmptyString(v.id)) return notA('id', '非空字符串', 'a non-empty string');
	if (!isNonEmptyString(v.itemId)) return notA('itemId', '非空字符串', 'a non-empty string');
	if (v.questionId !== undefined && typeof v.questionId !== 'string')
		return notA('questionId', '字符串', 'a string');
	if (!REVIEW_KINDS.includes(v.kind as ReviewKind))
		return notA('kind', `以下之一：${REVIEW_KINDS.join(', ')}`, `one of ${REVIEW_KINDS.join(', ')}`);
	if (v.rating !== undefined && ![1, 2, 3, 4].includes(v.rating as number))
		return notA('rating', ' 1、2、3 或 4', '1, 2, 3 or 4');
	const isStringList = Array.isArray(v.answer) && v.answer.every((a) => typeof a === 'string');
	if (v.answer !== undefined && !isStringList)
		return notA('answer', '字符串数组', 'an array of strings');
	if (v.correct !== undefined && typeof v.correct !== 'boolean')
		return notA('correct', '布尔值', 'true or false');
	if (!isTime(v.durationMs)) return notA('durationMs', '非负数', 'a non-negative number');
	if (!isTime(v.at)) return notA('at', '时间戳（毫秒）', 'a number (epoch ms)');
	if (typeof v.appVersion !== 'string') return notA('appVersion', '字符串', 'a string');
	if (v.cram !== undefined && typeof v.cram !== 'boolean') return notA('cram', '布尔值', 'true or false');
	if (v.session !== undefined && !isNonEmptyString(v.session))
		return notA('session', '非空字符串', 'a non-empty string');
	if (v.undoes !== undefined && !isNonEmptyString(v.undoes))
		return notA('undoes', '非空字符串', 'a non-empty string');
	if (v.typed !== undefined && (typeof v.typed !== 'string' || v.typed.length > TYPED_MAX))
		return notA('typed', `不超过 ${TYPED_MAX} 个字符的字符串`, `a string of at most ${TYPED_MAX} characters`);
	if (isControl(v as Pick<Review, 'kind'>) && (v.rating !== undefined || v.correct !== undefined || v.answer !== undefined || v.typed !== undefined))
		return text(`${v.kind} 记录不能带作答内容`, `a ${v.kind} record carries no answer`);
	// What each kind needs for the scheduler to grade it.
	if (v.kind === 'undo' && v.undoes === undefined)
		return text('撤销记录缺少“undoes”', 'an undo record has no "undoes"');
	if (v.kind !== 'undo' && v.undoes !== undefined)
		return text('只有撤销记录可以有“undoes”', 'only an undo record may have "undoes"');
	if (v.kind === 'flashcard' && v.rating === undefined)
		return text('卡片记录缺少“rating”', 'a flashcard record has no "rating"');
	if (v.kind !== 'flashcard' && v.kind !== 'undo' && !isControl(v as Pick<Review, 'kind'>) && v.correct === undefined)
		return text(`${v.kind} 记录缺少“correct”`, `a ${v.kind} record has no "correct"`);
	return null;
}
