import type { Deck } from '../../features/content/types';
import { isCondition, isState, PROC_CODE, rolesOf, type Condition, type Machine, type ScenarioId, type Side, type State } from '../../core/fsm';
import { LANGS } from '../../core/text';
import { computeDuration, PARAMS } from '../../core/params';
import type { CaptureSource } from '../../core/capture/reading';
import { checkCaptureAnswer } from './check-captures';
import { checkDurationExplanation, checkFlashcard, checkFsmConditions, checkNearMisses, checkPremises, checkStated, checkTelltales } from './checks';
import { orderedSteps } from './kinds/fsm';
import { dominantState } from './kinds/ss';
import { QUESTION_KINDS, type Question } from '../../features/quiz/types';
import { parseQuestionId, questionId } from '../../core/ids';

/**
 * Check a bank against the machine and the content, recomputing every answer that can be
 * recomputed. Returns one message per problem; an empty list means the bank can ship.
 */
export function validateBank(bank: readonly Question[], deck: Deck, m: Machine): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	const topics = new Set(deck.topics.map((t) => t.id));
	const cards = deck.topics.flatMap((t) => t.cards);
	for (const q of bank) {
		const fail = (message: string) => problems.push(`${q.id}: ${message}`);
		if (seen.has(q.id)) fail('duplicate question id');
		seen.add(q.id);
		if (!QUESTION_KINDS.includes(q.kind)) fail(`unknown kind ${q.kind}`);
		if (!topics.has(q.topic)) fail(`unknown topic ${q.topic}`);
		for (const lang of LANGS) {
			if (!q.prompt[lang]?.trim()) fail(`empty ${lang} prompt`);
			if (!q.explanation[lang]?.trim()) fail(`empty ${lang} explanation`);
		}
		if (!q.source.trim()) fail('no source');
		if (q.kind === 'flashcard') {
			checkFlashcard(q, cards.find((c) => questionId('flashcard', c.id) === q.id), fail);
			continue;
		}
		checkOptions(q, fail);
		checkAnswer(q, fail, m, cards, deck.captures ?? []);
		checkFsmConditions(q, m, fail);
		checkPremises(q, stateOf(q), fail);
		checkNearMisses(q, knownConfusions(q), fail);
		checkTelltales(q, fail);
		if (q.kind === 'duration') checkDurationExplanation(q, fail);
	}
	return problems;
}

function checkOptions(q: Question, fail: (m: string) => void) {
	const ids = q.options.map((o) => o.id);
	if (q.options.length < 2) fail('fewer than two options');
	if (new Set(ids).size !== ids.length) fail('duplicate option id');
	for (const lang of LANGS) {
		const labels = q.options.map((o) => o.label[lang]);
		if (new Set(labels).size !== labels.length) fail(`duplicate ${lang} option label`);
		if (labels.some((l) => !l?.trim())) fail(`empty ${lang} option label`);
	}
	if (q.answer.length === 0) fail('no answer');
	for (const a of q.answer) if (!ids.includes(a)) fail(`answer ${a} is not among the options`);
	if (q.kind === 'order_steps') {
		if (q.answer.length !== ids.length) fail('an ordering answer must use every option');
	} else if (Boolean(q.multi) !== q.answer.length > 1) fail('multi must be set exactly when several options are right');
}

/**
 * Values one step from a parameter's default that are real confusions, not giveaways: what the
 * notes said and earlier defaults. Modes and switches list every value, so none is a near miss.
 */
function knownConfusions(q: Question): number[] {
	const p = PARAMS.find((x) => x.name === q.subject?.param);
	if (!p || q.kind !== 'param_default') return [];
	if (p.unit === 'bool' || p.unit === 'mode') return q.options.map((o) => Number(o.id.slice(1)));
	const noted = Number(/^\d+/.exec(p.notesSaid ?? '')?.[0]);
	return [...(p.formerDefaults ?? []), ...(Number.isFinite(noted) ? [noted] : [])];
}

/** The state a question puts the endpoint in, where it puts it in one. */
function stateOf(q: Question): State | undefined {
	if (q.fsm) return q.fsm.from;
	const from = q.subject?.from;
	return typeof from === 'string' && isState(from) ? from : undefined;
}

/** Everything that is wrong with the answer, recomputed from the machine, parameters or content. */
function checkAnswer(q: Question, fail: (m: string) => void, m: Machine, cards: Deck['topics'][number]['cards'], captures: readonly CaptureSource[]) {
	const wrong = q.options.map((o) => o.id).filter((id) => !q.answer.includes(id));
	const expectSet = (right: Set<string>, excluded: Set<string>) => {
		for (const a of q.answer) if (!right.has(a)) fail(`answer ${a} is wrong: expected ${[...right].join(', ')}`);
		for (const w of wrong) if (right.has(w) || excluded.has(w)) fail(`distractor ${w} is a right answer under some condition`);
		// Where several answers are right, every one of them must be marked.
		if (q.answer.length !== right.size) fail(`expected all of ${[...right].join(', ')}`);
	};
	const idState = () => parseQuestionId(q.id).parts[0] as State;
	switch (q.kind) {
		case 'next_state':
		case 'segment_sent': {
			if (!q.fsm) return fail('no fsm field');
			const { from, event, cond } = q.fsm;
			let outcome;
			try {
				outcome = m.next(from, event, cond);
			} catch (e) {
				return fail((e as Error).message);
			}
			if (!outcome) return fail(`the machine has no transition from ${from} on ${event}`);
			const all = m.outcomes(from, event);
			const pick = q.kind === 'next_state' ? (t: { to: string }) => t.to : (t: { send: string }) => t.send;
			return expectSet(new Set([pick(outcome)]), new Set(all.map(pick)));
		}
		case 'event_between': {
			const [from, to] = parseQuestionId(q.id).parts as [State, State];
			const assumed = String(q.subject?.conds ?? '').split(',').filter(isCondition);
			checkStated(q, assumed, fail);
			// Right: an event that leads there with no condition or under a stated one. An event that
			// leads there only under an unstated condition needs that condition stated.
			const rows = m.from(from).filter((t) => t.to === to);
			const holds = (c?: Condition) => !c || assumed.includes(c);
			const right = new Set<string>(rows.filter((t) => holds(t.cond)).map((t) => t.event));
			const unstated = new Set<string>(rows.filter((t) => !holds(t.cond) && !m.outcomes(from, t.event).some((r) => r.cond && assumed.includes(r.cond))).map((t) => t.event));
			for (const e of unstated) if (q.answer.includes(e)) fail(`${from} on ${e} reaches ${to} only under a condition the prompt does not state`);
			return expectSet(right, unstated);
		}
		case 'order_steps': {
			const s = q.subject ?? {};
			const expected = orderedSteps(s.scenario as ScenarioId, s.what as 'segments' | Side, Number(s.skip)).map((o) => o.id);
			if (expected.join() !== q.answer.join()) fail(`order should be ${expected.join(' → ')}`);
			return;
		}
		case 'state_from_description':
		case 'ss_name':
			return expectSet(new Set([idState()]), new Set());
		case 'proc_code': {
			const s = idState();
			if (PROC_CODE[s] !== q.subject?.code) fail(`code ${q.subject?.code} is not ${s}`);
			return expectSet(new Set([s]), new Set());
		}
		case 'state_side':
			return expectSet(new Set(rolesOf(idState())), new Set());
		case 'param_meaning':
		case 'param_from_meaning':
			return expectSet(new Set([String(q.subject?.param)]), new Set());
		case 'param_default': {
			const p = PARAMS.find((x) => x.name === q.subject?.param);
			return expectSet(new Set([`v${p?.default}`]), new Set());
		}
		case 'duration': {
			const seconds = computeDuration(String(q.subject?.duration), JSON.parse(String(q.subject?.args ?? '{}')));
			return expectSet(new Set([`s${seconds}`]), new Set());
		}
		case 'scenario': {
			const card = cards.find((c) => c.id === q.subject?.card);
			return expectSet(new Set(card?.options?.filter((o) => o.correct).map((o) => o.id)), new Set());
		}
		case 'ss_diagnosis':
		case 'ss_fix': {
			const dominant = q.listing ? dominantState(q.listing) : undefined;
			if (dominant !== q.subject?.diagnoses) fail(`the listing shows mostly ${dominant}, not ${q.subject?.diagnoses}`);
			return expectSet(new Set(cards.filter((c) => c.diagnoses === dominant).map((c) => c.id)), new Set());
		}
		case 'capture':
			return checkCaptureAnswer(q, captures, expectSet, fail);
	}
}
