/**
 * Recall by typing: which questions can be answered by typing, and whether a typed answer is right.
 * Which questions qualify is read from the question itself, never listed by hand: one right option
 * whose label, in both languages, reads as one concept; every other option reads as the same kind
 * of concept (so the question asks for a state, a segment, a parameter or a number); and the
 * prompt does not already show the answer under another spelling (`ss` shows SYN-RECV: which state?).
 */
import { RFC_NAME, SS_NAME } from '../../../core/fsm';
import { text, type Text } from '../../../core/text';
import type { Question } from '../types';
import { foldSpelling, knownSpellings, readConcept, readQuantity, sameConcept, type Concept } from './concepts';

export interface TypedTarget {
	concept: Concept;
	/** The answer as the question's own right option shows it. */
	shown: Text;
	/** For a duration: the unit the answer is given in, so a bare number can be read in it. */
	unit?: { seconds: number; label: string };
}

export type TypedVerdict =
	| { ok: true; accepted: Text; why: Text }
	| { ok: false; why: Text };

/** "131 s (2 min 11 s)": the parenthesis restates the value, so the part before it is read. */
function mainPart(label: string): string {
	return label.replace(/\s*[（(][^）)]*[）)]\s*$/, '');
}

/**
 * What a label names, read in every language it has: both must agree. A session's questions carry
 * only the reader's language (the bank is sliced per language), so a missing one is not read.
 */
function conceptOfLabel(label: Partial<Text>): Concept | null {
	const readings = [label.en, label.zh].filter((l): l is string => typeof l === 'string').map((l) => readConcept(mainPart(l)));
	const [first, ...rest] = readings;
	if (!first || rest.some((r) => !r || !sameConcept(first.concept, r.concept))) return null;
	return first.concept;
}

/** The unit a timed label is written in ("1000 ms" → ms), so "1000" typed alone reads as 1000 ms. */
function unitOf(label: string): TypedTarget['unit'] {
	const m = /^\s*\d+(?:\.\d+)?\s*([a-z]+)\s*$/i.exec(mainPart(label));
	if (!m) return undefined;
	const q = readQuantity(`1 ${m[1]}`);
	return q?.timed ? { seconds: q.value, label: m[1]! } : undefined;
}

/** Whether the prompt shows the state under a spelling other than the one asked for. */
function promptGivesAway(question: Question, concept: Concept): boolean {
	if (concept.kind !== 'state') return false;
	const spellings = new Set([SS_NAME[concept.state], concept.state].filter((s) => s !== RFC_NAME[concept.state]));
	const words = `${question.prompt.en ?? ''} ${question.prompt.zh ?? ''}`.split(/[^A-Za-z0-9_-]+/);
	return words.some((w) => spellings.has(w));
}

/** How to check a typed answer to this question, or null when it is not a short exact answer. */
export function typedTarget(question: Question): TypedTarget | null {
	if (question.multi || question.answer.length !== 1 || question.kind === 'order_steps') return null;
	const right = question.options.find((o) => o.id === question.answer[0]);
	if (!right || question.options.length < 2) return null;
	const concept = conceptOfLabel(right.label);
	if (!concept) return null;
	for (const o of question.options) {
		const other = conceptOfLabel(o.label);
		if (!other || other.kind !== concept.kind) return null;
	}
	if (promptGivesAway(question, concept)) return null;
	const unit = concept.kind === 'quantity' && concept.timed ? unitOf(right.label.en ?? right.label.zh) : undefined;
	return { concept, shown: { zh: right.label.zh, en: right.label.en }, ...(unit ? { unit } : {}) };
}

/** Edit distance, cut off past `max` (the near-miss message only needs "close or not"). */
function withinEdits(a: string, b: string, max: number): boolean {
	if (Math.abs(a.length - b.length) > max) return false;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[b.length]! <= max;
}

const describe = (c: Concept): string => {
	switch (c.kind) {
		case 'state':
			return RFC_NAME[c.state];
		case 'segment':
			return c.segment;
		case 'param':
			return c.name;
		case 'quantity':
			return c.timed ? `${c.value} s` : String(c.value);
	}
};

/** Check one typed answer. Says what it was read as and why it counts, or why it does not. */
export function matchTyped(input: string, target: TypedTarget): TypedVerdict {
	const typed = input.normalize('NFKC').trim();
	if (typed === '') return { ok: false, why: text('没有输入答案。', 'Nothing was typed.') };
	const reading = readConcept(typed);
	const want = target.concept;
	if (reading && sameConcept(reading.concept, want)) {
		const accepted = target.shown;
		return { ok: true, accepted, why: text(`“${typed}”：${reading.spelling.zh}，即 ${accepted.zh}。`, `“${typed}”: ${reading.spelling.en}, that is ${accepted.en}.`) };
	}
	if (reading && want.kind === 'quantity' && reading.concept.kind === 'quantity' && !reading.concept.timed && target.unit) {
		const inUnit = reading.concept.value * target.unit.seconds;
		if (Math.abs(inUnit - want.value) <= 1e-6 * Math.max(1, want.value))
			return { ok: true, accepted: target.shown, why: text(`没写单位的 ${typed} 按答案的单位 ${target.unit.label} 读，等于 ${target.shown.zh}。`, `${typed} without a unit is read in the answer’s unit (${target.unit.label}): ${target.shown.en}.`) };
	}
	if (reading && want.kind === 'quantity' && reading.concept.kind === 'quantity' && reading.concept.timed !== want.timed && !target.unit)
		return { ok: false, why: text(`答案是一个数，不是时长；“${typed}”不对。`, `The answer is a count, not a duration; “${typed}” is not it.`) };
	if (reading) {
		const what = describe(reading.concept);
		return { ok: false, why: text(`“${typed}”读作 ${what}，不是正确答案。`, `“${typed}” reads as ${what}, which is not the answer.`) };
	}
	const folded = foldSpelling(typed);
	const near = knownSpellings(want.kind).some((s) => withinEdits(folded, s, 2));
	return near
		? { ok: false, why: text(`“${typed}”接近一个已知名字，但拼写不对：只接受完整的写法。`, `“${typed}” is close to a known name but misspelt: only exact spellings count.`) }
		: { ok: false, why: text(`“${typed}”不是本应用认识的${KIND_ZH[want.kind]}。`, `“${typed}” is not a ${KIND_EN[want.kind]} this app knows.`) };
}

const KIND_ZH: Record<Concept['kind'], string> = { state: '状态名', segment: '报文名', param: '参数名', quantity: '数值' };
const KIND_EN: Record<Concept['kind'], string> = { state: 'state name', segment: 'segment name', param: 'parameter name', quantity: 'number' };


/** What a typed answer stands for among the options: the right one, another option it names, or none. */
export const NO_OPTION = '(typed)';

/** The verdict on a typed answer and the option ids it counts as (`NO_OPTION` when it names none). */
export function typedChoice(question: Question, target: TypedTarget, input: string): { verdict: TypedVerdict; chosen: string[] } {
	const verdict = matchTyped(input, target);
	if (verdict.ok) return { verdict, chosen: [...question.answer] };
	const reading = readConcept(input);
	const named = reading && question.options.find((o) => {
		const c = conceptOfLabel(o.label);
		return c !== null && sameConcept(c, reading.concept);
	});
	return { verdict, chosen: [named ? named.id : NO_OPTION] };
}
