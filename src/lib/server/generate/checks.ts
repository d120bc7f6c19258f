import { formatSeconds } from '../content/claims';
import type { Card } from '../../features/content/types';
import { pendingIn, type Condition, type Machine, type Pending, type State } from '../../core/fsm';
import { CONDITION_LABEL } from '../../core/fsm/labels';
import { LANGS, type Lang, type Text } from '../../core/text';
import { computeDuration, durationNumbers } from '../../core/params';
import type { Question } from '../../features/quiz/types';

type Fail = (message: string) => void;

/** Every condition an answer relies on must be stated in the prompt, in each language. */
export function checkStated(q: Question, conds: readonly Condition[], fail: Fail) {
	for (const c of conds)
		for (const lang of LANGS)
			if (!q.prompt[lang].includes(CONDITION_LABEL[c][lang])) fail(`the ${lang} prompt does not state the condition ${c}`);
}

/** The conditions under which the machine's rows for (from, event) apply, where it splits them. */
export function checkFsmConditions(q: Question, m: Machine, fail: Fail) {
	if (!q.fsm) return;
	const { from, event, cond } = q.fsm;
	const conds = m.outcomes(from, event).flatMap((t) => (t.cond ? [t.cond] : []));
	if (conds.length > 0 && !cond) fail(`${from} on ${event} depends on a condition (${conds.join(' | ')}) the question does not name`);
	if (cond) checkStated(q, [cond], fail);
}

/** Phrases that presume a segment of ours is waiting for its acknowledgement. */
const PREMISES: Record<Pending, RegExp[]> = {
	SYN: [/\bour (own )?SYN\b/i, /本端的?\s*SYN/],
	FIN: [/\bour (own )?FIN\b/i, /本端的?\s*FIN/]
};

/** A prompt or option that presumes our SYN or FIN is outstanding in a state where it never is. */
export function checkPremises(q: Question, state: State | undefined, fail: Fail) {
	if (!state) return;
	const texts: Text[] = [q.prompt, ...q.options.map((o) => o.label)];
	for (const [segment, patterns] of Object.entries(PREMISES) as [Pending, RegExp[]][]) {
		if (pendingIn(state).has(segment)) continue;
		for (const t of texts)
			for (const lang of LANGS)
				if (patterns.some((p) => p.test(t[lang]))) fail(`impossible premise in ${state}: nothing of ours (no ${segment}) is outstanding: “${t[lang]}”`);
	}
}

const NUMBER = /(?<![\w.§])\d+(?:\.\d+)?(?!\w)/g;
const TERM = String.raw`\d+(?:\.\d+)?(?:\s*(?:s|秒))?`;
const CHAIN = new RegExp(String.raw`(${TERM}(?:\s*[+×]\s*${TERM})+)\s*=\s*(\d+(?:\.\d+)?)`, 'g');

/** a + b × c, with × first. */
function evaluate(expr: string): number {
	return expr
		.replace(/\s*(?:s|秒)(?=\s|[+×]|$)/g, '')
		.split('+')
		.map((term) => term.split('×').reduce((p, f) => p * Number(f.trim()), 1))
		.reduce((a, b) => a + b, 0);
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/**
 * A duration's explanation: it shows the answer as the result of its working, every sum in it adds
 * up, and every number in it comes from the same computation as the answer (or from the prompt).
 */
export function checkDurationExplanation(q: Question, fail: Fail) {
	const name = String(q.subject?.duration);
	const args = JSON.parse(String(q.subject?.args ?? '{}')) as Record<string, number>;
	const seconds = computeDuration(name, args);
	const allowed = [...durationNumbers(name, args)];
	for (const lang of LANGS) {
		// The source is printed after the explanation; its section numbers are not working.
		const text = q.explanation[lang].replace(q.source, '').replace(/[（(]\d+\s*(?:h|min|小时|分)[^)）]*[)）]/g, '');
		if (!text.includes(`= ${formatSeconds(seconds, lang).replace(/[（(].*$/, '')}`))
			fail(`the ${lang} explanation does not arrive at the answer ${seconds} s`);
		for (const [, expr, result] of text.matchAll(CHAIN))
			if (!close(evaluate(expr!), Number(result))) fail(`the ${lang} explanation's ${expr} = ${result} does not add up`);
		const fromPrompt = [...q.prompt[lang].matchAll(NUMBER)].map((x) => Number(x[0]));
		for (const [n] of text.matchAll(NUMBER))
			if (![...allowed, ...fromPrompt].some((a) => close(a, Number(n)))) fail(`the ${lang} explanation shows ${n}, which its answer's computation never produces`);
	}
}

/** A flashcard prompt that asks the learner to judge statements it must therefore show. */
const ASKS_FOR_STATEMENTS: Record<Lang, RegExp> = {
	en: /\bwhich (?:of these|of the following|statements?|measures|settings)\b|\bwhat is true\b/i,
	zh: /哪些说法|下列|以下哪|哪项说法|哪些措施|哪些设置|什么是对的/
};

/**
 * A flashcard shows what its front asks about: an authored question's card lists its statements
 * (options) and marks the true ones as the card marks them; a prompt that asks which statements
 * hold is never shown without them. Other flashcards carry no options.
 */
export function checkFlashcard(q: Question, card: Card | undefined, fail: Fail) {
	const asks = LANGS.some((lang) => ASKS_FOR_STATEMENTS[lang].test(q.prompt[lang]));
	if ((card?.options?.length || asks) && q.options.length === 0) return fail('a statement card without statements');
	if (!card?.options?.length) {
		if (q.options.length || q.answer.length) fail('a flashcard without an authored question has no options');
		return;
	}
	const ids = card.options.map((o) => o.id);
	if (q.options.map((o) => o.id).join() !== ids.join()) fail(`the statements should be ${ids.join(', ')}, in the card's order`);
	for (const o of q.options) {
		const label = card.options.find((c) => c.id === o.id)?.label;
		if (label && LANGS.some((lang) => label[lang] !== o.label[lang])) fail(`statement ${o.id} is not worded as the card words it`);
	}
	const right = card.options.filter((o) => o.correct).map((o) => o.id);
	for (const a of q.answer) if (!right.includes(a)) fail(`answer ${a} is wrong: the card marks ${right.join(', ')} true`);
	if (q.answer.length !== right.length) fail(`expected all of ${right.join(', ')}`);
	if (Boolean(q.multi) !== right.length > 1) fail('multi must be set exactly when several statements are true');
}

/** The number an option stands for, where its id is a value (`v4096`, `s63`). */
const valueOf = (id: string) => (/^[vs]\d+(?:\.\d+)?$/.test(id) ? Number(id.slice(1)) : undefined);

/**
 * A wrong number one step from the right one (4095 next to 4096, 7201 next to 7200) gives the
 * answer away. It is allowed only where it is a real confusion the explanation owns: the value the
 * notes gave, or an earlier default. Enumerated modes (0, 1, 2) are exempt: every value is listed.
 */
export function checkNearMisses(q: Question, allowed: readonly number[], fail: Fail) {
	const answer = q.answer.length === 1 ? valueOf(q.answer[0]!) : undefined;
	if (answer === undefined) return;
	for (const o of q.options) {
		const v = valueOf(o.id);
		if (v === undefined || q.answer.includes(o.id) || allowed.includes(v)) continue;
		const gap = Math.abs(v - answer);
		if (gap <= 1 || gap <= answer / 100) fail(`distractor ${o.id} is within ±1 (or ±1%) of the answer ${answer}`);
	}
}

/** Words that single out an option whatever the learner knows, unless the prompt says them too. */
const TELLTALES: { word: string; en: RegExp; zh: RegExp }[] = [
	{ word: 'removed', en: /\b(?:removed|deprecated|obsolete|no longer exists?)\b/i, zh: /移除|废弃|已(?:被)?(?:从[^，。；]*)?删除/ }
];

/** The right answer is the only option carrying a telltale word the prompt does not carry. */
export function checkTelltales(q: Question, fail: Fail) {
	if (q.options.length < 3) return;
	for (const t of TELLTALES)
		for (const lang of LANGS) {
			if (t[lang].test(q.prompt[lang])) continue;
			const marked = q.options.filter((o) => t[lang].test(o.label[lang]));
			if (marked.length === 1 && q.answer.includes(marked[0]!.id)) {
				fail(`the answer is the only option that says “${t.word}” (${lang})`);
				break;
			}
		}
}
