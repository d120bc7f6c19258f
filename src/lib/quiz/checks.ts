import { formatSeconds } from '../content/claims';
import { pendingIn, type Condition, type Machine, type Pending, type State } from '../fsm';
import { CONDITION_LABEL } from '../i18n/fsm-labels';
import { LANGS, type Text } from '../i18n/lang';
import { computeDuration, durationNumbers } from '../params';
import type { Question } from './types';

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
