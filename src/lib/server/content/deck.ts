import { Marked } from 'marked';
import { isRole, machine as rfcMachine, parseState, rolesOf, STATES, type Machine, type Transition } from '../../core/fsm';
import { LANGS, type Lang, type Text } from '../../core/text';
import { PARAMS } from '../../core/params';
import { CLAIM_PATTERN, parseClaim, renderClaim, type Claim } from './claims';
import { parseFile, type Field, type Located, type RawCard, type RawTopic } from './parse';
import { keepNamesWhole, tableRenderer } from './tables';
import type { Card, ContentError, Deck, QuizOption, Topic } from '../../features/content/types';
import { checkChineseMarkdown } from './glossary';
import { checkWording } from './wording';

export interface ContentFile {
	path: string;
	text: string;
}

const markdownIn = (lang: Lang) => new Marked({ async: false, gfm: true }).use({ renderer: tableRenderer(lang) });
const markdown: Record<Lang, Marked> = { zh: markdownIn('zh'), en: markdownIn('en') };

/** Claims found while rendering one card in one language. */
interface Rendering {
	claims: Claim[];
	errors: ContentError[];
	file: string;
	machine: Machine;
	lang: Lang;
}

function render(r: Rendering, part: Located, md: boolean): string {
	return part.text.replace(CLAIM_PATTERN, (whole, body: string) => {
		try {
			const claim = parseClaim(body, r.machine);
			r.claims.push(claim);
			return renderClaim(claim, r.lang, md);
		} catch (e) {
			r.errors.push({ file: r.file, line: part.line, message: `${whole}: ${(e as Error).message}` });
			return whole;
		}
	});
}

/** Field values are plain text: claims rendered, Markdown code marks dropped. */
const plain = (r: Rendering, part: Located) => render(r, part, false).replace(/`([^`]*)`/g, '$1');

const html = (r: Rendering, parts: Located[]) =>
	keepNamesWhole((markdown[r.lang].parse(parts.map((p) => render(r, p, true)).join('\n')) as string).trim());

function both(per: Record<Lang, string | undefined>): Text | undefined {
	return per.zh === undefined || per.en === undefined ? undefined : { zh: per.zh, en: per.en };
}

/** Check that fields naming machine values agree between the two languages. */
const SHARED_FIELDS: Field[] = ['state', 'side', 'param', 'diagnoses', 'quiz', 'same-as', 'tags'];

function buildCard(topicId: string, raw: Record<Lang, RawCard>, files: Record<Lang, string>, m: Machine, errors: ContentError[]): Card {
	const en = raw.en;
	const at = (lang: Lang, line: number) => ({ file: files[lang], line });
	const fail = (lang: Lang, line: number, message: string) => errors.push({ ...at(lang, line), message });

	for (const key of SHARED_FIELDS) {
		const zh = raw.zh.fields.get(key)?.text;
		const enValue = en.fields.get(key)?.text;
		if (zh !== enValue) fail('zh', raw.zh.fields.get(key)?.line ?? raw.zh.title.line, `field "${key}:" is "${zh ?? ''}" here but "${enValue ?? ''}" in ${files.en}`);
	}

	const claims: Claim[] = [];
	const rendered = {} as Record<Lang, { title: string; fields: Map<string, string>; html: string; options: string[] }>;
	for (const lang of LANGS) {
		const r: Rendering = { claims, errors, file: files[lang], machine: m, lang };
		const card = raw[lang];
		const fields = new Map<string, string>();
		for (const [k, v] of card.fields) fields.set(k, plain(r, v));
		rendered[lang] = {
			title: plain(r, card.title),
			fields,
			html: html(r, card.body),
			options: card.options.map((o) => plain(r, o))
		};
		for (const key of ['front', 'back'] as const)
			if (!fields.get(key)) fail(lang, card.title.line, `card "${card.id}" needs a "${key}:" field`);
	}

	const field = (key: Field) => both({ zh: rendered.zh.fields.get(key), en: rendered.en.fields.get(key) });
	const line = (key: Field) => en.fields.get(key)?.line ?? en.title.line;
	const card: Card = {
		id: en.id,
		topic: topicId,
		title: { zh: rendered.zh.title, en: rendered.en.title },
		front: field('front') ?? { zh: '', en: '' },
		back: field('back') ?? { zh: '', en: '' },
		html: { zh: rendered.zh.html, en: rendered.en.html },
		tags: (en.fields.get('tags')?.text ?? '').split(/[\s,]+/).filter(Boolean),
		transitions: [],
		sources: [],
		at: { zh: at('zh', raw.zh.title.line), en: at('en', en.title.line) }
	};

	const stateField = en.fields.get('state')?.text;
	if (stateField !== undefined) {
		const state = parseState(stateField);
		if (!state) fail('en', line('state'), `unknown state "${stateField}"`);
		else {
			card.state = state;
			for (const key of ['side', 'waits', 'leaves'] as const)
				if (!en.fields.has(key)) fail('en', en.title.line, `a state card needs a "${key}:" field`);
			const side = en.fields.get('side')?.text ?? '';
			if (en.fields.has('side') && !isRole(side)) fail('en', line('side'), `unknown side "${side}"`);
			else if (isRole(side) && !rolesOf(state).includes(side))
				fail('en', line('side'), `the state machine says ${state} is passed through by ${rolesOf(state).join(', ')}, not ${side}`);
			else if (isRole(side)) card.role = side;
			card.waits = field('waits');
			card.leaves = field('leaves');
		}
	} else if (en.fields.has('side')) fail('en', line('side'), '"side:" belongs to a state card (add "state:")');

	const param = en.fields.get('param')?.text;
	if (param !== undefined) {
		if (!PARAMS.some((p) => p.name === param)) fail('en', line('param'), `unknown parameter "${param}"`);
		card.param = param;
		card.meaning = field('meaning');
		if (!card.meaning) fail('en', en.title.line, 'a parameter card needs a "meaning:" field');
		if (PARAMS.find((p) => p.name === param)?.notesSaid && !en.fields.has('notes-said'))
			fail('en', en.title.line, `the notes got ${param} wrong: say what they said in a "notes-said:" field`);
	}
	card.notesSaid = field('notes-said');

	const diagnoses = en.fields.get('diagnoses')?.text;
	if (diagnoses !== undefined) {
		const state = parseState(diagnoses);
		if (!state) fail('en', line('diagnoses'), `unknown state "${diagnoses}"`);
		else card.diagnoses = state;
		card.fix = field('fix');
		if (!card.fix) fail('en', en.title.line, 'a diagnosis card needs a "fix:" field');
	}

	const sameAs = en.fields.get('same-as')?.text;
	if (sameAs !== undefined) card.sameAs = sameAs;

	const quiz = en.fields.get('quiz')?.text;
	if (quiz !== undefined) {
		if (quiz !== 'single' && quiz !== 'multi') fail('en', line('quiz'), 'quiz is "single" or "multi"');
		else card.quiz = quiz;
		card.options = buildOptions(raw, rendered, files, fail);
		const right = card.options.filter((o) => o.correct).length;
		if (card.options.length < 3) fail('en', line('quiz'), 'a quiz card needs at least three options');
		if (right === 0 || right === card.options.length) fail('en', line('quiz'), 'a quiz card needs right and wrong options');
		if (quiz === 'single' && right !== 1) fail('en', line('quiz'), 'a single-answer quiz has exactly one [x] option');
	} else if (en.options.length > 0) fail('en', en.options[0]!.line, 'options belong to a quiz card (add "quiz: single" or "quiz: multi")');

	card.transitions = dedupe(claims.flatMap((c) => (c.kind === 't' ? [c.transition] : [])));
	card.sources = [...new Set(claims.flatMap((c) => (c.kind === 'src' ? [c.source.id] : [])))];
	const needsSource = claims.some((c) => c.kind !== 'src' && c.kind !== 'state' && c.kind !== 'param');
	if (needsSource && card.sources.length === 0)
		fail('en', en.title.line, `card "${card.id}" states checked facts but cites no {{src ...}}`);
	return card;
}

function buildOptions(
	raw: Record<Lang, RawCard>,
	rendered: Record<Lang, { options: string[] }>,
	files: Record<Lang, string>,
	fail: (lang: Lang, line: number, message: string) => void
): QuizOption[] {
	const ids = new Set<string>();
	return raw.en.options.map((o, i) => {
		const zh = raw.zh.options[i];
		if (ids.has(o.id)) fail('en', o.line, `option id "${o.id}" used twice`);
		ids.add(o.id);
		if (!zh || zh.id !== o.id || zh.correct !== o.correct)
			fail('zh', zh?.line ?? raw.zh.title.line, `option ${i + 1} must be {#${o.id}} [${o.correct ? 'x' : ' '}] as in ${files.en}`);
		return { id: o.id, correct: o.correct, label: { zh: rendered.zh.options[i] ?? '', en: rendered.en.options[i]! } };
	});
}

function dedupe(ts: Transition[]): Transition[] {
	return [...new Set(ts)];
}

/** Parse, check and render all content. Errors point at file and line; the deck is only for a clean run. */
export function buildDeck(files: readonly ContentFile[], m: Machine = rfcMachine): { deck: Deck; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const raw = files.map((f) => parseFile(f.path, f.text, errors)).filter((t): t is RawTopic => !!t);
	for (const t of raw) checkWording(t, errors);
	for (const f of files) if (raw.some((t) => t.file === f.path && t.lang === 'zh')) errors.push(...checkChineseMarkdown(f.path, f.text));
	const byKey = new Map(raw.map((t) => [`${t.lang}:${t.order}-${t.id}`, t]));
	const topics: Topic[] = [];
	const seenCards = new Map<string, string>();

	for (const t of raw) {
		const other: Lang = t.lang === 'en' ? 'zh' : 'en';
		if (!byKey.has(`${other}:${t.order}-${t.id}`))
			errors.push({ file: t.file, line: 1, message: `topic "${t.id}" has no ${other} file (${other}/${String(t.order).padStart(2, '0')}-${t.id}.md)` });
	}

	for (const en of raw.filter((t) => t.lang === 'en').sort((a, b) => a.order - b.order)) {
		const zh = byKey.get(`zh:${en.order}-${en.id}`);
		if (!zh) continue;
		const files = { zh: zh.file, en: en.file };
		const zhCards = new Map(zh.cards.map((c) => [c.id, c]));
		for (const c of zh.cards)
			if (!en.cards.some((e) => e.id === c.id))
				errors.push({ file: zh.file, line: c.title.line, message: `card "${c.id}" is missing in ${en.file}` });
		const cards: Card[] = [];
		for (const c of en.cards) {
			const zc = zhCards.get(c.id);
			if (!zc) {
				errors.push({ file: en.file, line: c.title.line, message: `card "${c.id}" is missing in ${zh.file}` });
				continue;
			}
			if (seenCards.has(c.id)) {
				errors.push({ file: en.file, line: c.title.line, message: `card id "${c.id}" is already used in ${seenCards.get(c.id)}` });
				continue;
			}
			seenCards.set(c.id, en.file);
			cards.push(buildCard(en.id, { zh: zc, en: c }, files, m, errors));
		}
		const r = (lang: Lang, t: RawTopic) => {
			const rendering: Rendering = { claims: [], errors, file: t.file, machine: m, lang };
			return { title: plain(rendering, t.title), intro: html(rendering, t.intro) };
		};
		const zr = r('zh', zh);
		const er = r('en', en);
		topics.push({ id: en.id, order: en.order, title: { zh: zr.title, en: er.title }, intro: { zh: zr.intro, en: er.intro }, cards });
	}

	checkCoverage(topics, errors);
	checkRepeats(topics, errors);
	checkCardReferences(raw, errors);
	return { deck: { topics }, errors };
}

/** A card asked again in other words names a card that exists and is not itself a repeat. */
function checkRepeats(topics: Topic[], errors: ContentError[]) {
	const cards = new Map(topics.flatMap((t) => t.cards).map((c) => [c.id, c]));
	for (const c of cards.values()) {
		if (c.sameAs === undefined) continue;
		const target = cards.get(c.sameAs);
		const message =
			c.sameAs === c.id
				? 'a card cannot repeat itself'
				: !target
					? `"same-as: ${c.sameAs}" names no card`
					: target.sameAs !== undefined
						? `"same-as: ${c.sameAs}" names a card that itself repeats ${target.sameAs}: name that one`
						: undefined;
		if (message) errors.push({ ...c.at.en, message });
	}
}

/** A Chinese page that sends the reader to “标题”卡片 must name a card that exists (by its title). */
const ZH_CARD_REFERENCE = /“([^“”]+)”(?:的|的?[那这]张[^“”，。]{0,4})?卡片/g;

function checkCardReferences(raw: RawTopic[], errors: ContentError[]) {
	const zh = raw.filter((t) => t.lang === 'zh');
	const titles = new Set(zh.flatMap((t) => t.cards.map((c) => c.title.text)));
	for (const t of zh) {
		const lines = [...t.intro, ...t.cards.flatMap((c) => [...c.fields.values(), ...c.body])];
		for (const l of lines)
			for (const [, title] of l.text.matchAll(ZH_CARD_REFERENCE))
				if (!titles.has(title!)) errors.push({ file: t.file, line: l.line, message: `no card is titled “${title}”: name a card by its title` });
	}
}

/** Every state and every parameter must be taught by exactly one card. */
function checkCoverage(topics: Topic[], errors: ContentError[]) {
	const cards = topics.flatMap((t) => t.cards);
	const where = topics[0]?.cards[0]?.at.en ?? { file: 'content', line: 1 };
	for (const state of STATES) {
		const found = cards.filter((c) => c.state === state);
		if (found.length !== 1)
			errors.push({ ...(found[1]?.at.en ?? where), message: `state ${state} needs exactly one state card, found ${found.length}` });
	}
	for (const p of PARAMS) {
		const found = cards.filter((c) => c.param === p.name);
		if (found.length !== 1)
			errors.push({ ...(found[1]?.at.en ?? where), message: `parameter ${p.name} needs exactly one card, found ${found.length}` });
	}
}
