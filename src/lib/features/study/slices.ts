/**
 * The question bank in slices, so a page downloads only what it shows: a small index (every
 * question's id, kind, topic and family, and the topic titles) that due counts, mastery and session
 * planning need, and one slice per language and topic with the questions' words. A session plans on
 * the index, then fetches the slices of the topics it will ask.
 */
import type { QuestionRef, TopicRef } from '../game/facts';
import { LANGS, type Lang } from '../../core/text';
import { QUESTION_KINDS, type Question } from '../quiz/types';
import type { StudyData } from './data';

/** What the index carries: enough to plan, count and measure, no words but the topic titles. */
export interface BankIndex {
	topics: TopicRef[];
	questions: QuestionRef[];
}

/** The index as served: a row per question, kinds by position in QUESTION_KINDS, topics by position in `topics`. */
export interface IndexFile {
	topics: TopicRef[];
	rows: [id: string, kind: number, topic: number, family: string][];
}

/** A slice as served: the questions of one topic with every Text narrowed to one language. */
export interface SliceFile {
	lang: Lang;
	topic: string;
	questions: unknown[];
}

export function indexFile(data: StudyData): IndexFile {
	const topicAt = new Map(data.topics.map((t, i) => [t.id, i]));
	return {
		topics: data.topics.map((t) => ({ id: t.id, title: t.title })),
		rows: data.questions.map((q) => [q.id, QUESTION_KINDS.indexOf(q.kind), topicAt.get(q.topic)!, q.family])
	};
}

/** Read a served index; a row that names no known kind or topic is a broken build, said loudly. */
export function readIndex(file: IndexFile): BankIndex {
	const questions = file.rows.map(([id, kind, topic, family]): QuestionRef => {
		const k = QUESTION_KINDS[kind];
		const t = file.topics[topic];
		if (!k || !t) throw new Error(`bank index: question ${id} has an unknown kind or topic`);
		return { id, kind: k, topic: t.id, family };
	});
	return { topics: file.topics, questions };
}

/** A `Text`: an object whose keys are all languages. */
function isText(value: object): value is Record<string, string> {
	const keys = Object.keys(value);
	return keys.length > 0 && keys.every((k) => (LANGS as readonly string[]).includes(k)) && Object.values(value).every((v) => typeof v === 'string');
}

/** A copy of `value` with every Text keeping only `lang`. */
function narrow(value: unknown, lang: Lang): unknown {
	if (Array.isArray(value)) return value.map((v) => narrow(v, lang));
	if (value === null || typeof value !== 'object') return value;
	if (isText(value)) return { [lang]: value[lang] };
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, narrow(v, lang)]));
}

export function sliceFile(data: StudyData, topic: string, lang: Lang): SliceFile {
	return { lang, topic, questions: data.questions.filter((q) => q.topic === topic).map((q) => narrow(q, lang)) };
}

/** Copy `from`'s Text entries into `into`'s Texts at the same places (in place: objects already handed out gain the language). */
function mergeText(into: unknown, from: unknown): void {
	if (Array.isArray(into) && Array.isArray(from)) return from.forEach((v, i) => mergeText(into[i], v));
	if (!into || !from || typeof into !== 'object' || typeof from !== 'object') return;
	if (isText(from)) return void Object.assign(into, from);
	for (const [k, v] of Object.entries(from)) mergeText((into as Record<string, unknown>)[k], v);
}

/**
 * Take a slice into the loaded questions (by id). A question seen first keeps the slice's object;
 * one already loaded in another language gains this language in its existing Text objects, so a
 * session holding it shows the new language without being rebuilt.
 *
 * The Texts of a question hold only the languages loaded so far: the bank loads the reader's
 * language before any question is shown, and another language before the reader switches to it.
 */
export function mergeSlice(loaded: Map<string, Question>, slice: SliceFile): void {
	for (const raw of slice.questions) {
		const q = raw as Question;
		const known = loaded.get(q.id);
		if (known) mergeText(known, q);
		else loaded.set(q.id, q);
	}
}

/** The slices to fetch for these questions in `lang`: their topics not loaded yet, in first-asked order. */
export function missingSlices(questions: readonly { topic: string }[], lang: Lang, loaded: ReadonlySet<string>): string[] {
	return [...new Set(questions.map((q) => q.topic))].filter((t) => !loaded.has(sliceKey(lang, t)));
}

export const sliceKey = (lang: Lang, topic: string) => `${lang}/${topic}`;
export const slicePath = (lang: Lang, topic: string) => `/data/bank/${lang}/${topic}.json`;
export const INDEX_PATH = '/data/bank/index.json';
