import type { Lang } from '../../core/text';
import type { ContentError } from '../../features/content/types';

/** One content file split into its parts, before claims are checked. Pure text processing. */
export interface Located {
	text: string;
	line: number;
}

export interface RawOption extends Located {
	id: string;
	correct: boolean;
}

export interface RawCard {
	id: string;
	title: Located;
	fields: Map<string, Located>;
	options: RawOption[];
	body: Located[];
}

export interface RawTopic {
	file: string;
	lang: Lang;
	id: string;
	order: number;
	title: Located;
	intro: Located[];
	cards: RawCard[];
}

export const FIELDS = [
	'front',
	'back',
	'state',
	'side',
	'waits',
	'leaves',
	'param',
	'meaning',
	'notes-said',
	'diagnoses',
	'fix',
	'quiz',
	'same-as',
	'tags'
] as const;
export type Field = (typeof FIELDS)[number];

const FILE_NAME = /(?:^|\/)(zh|en)\/(\d+)-([a-z0-9-]+)\.md$/;
const CARD_HEADING = /^##\s+(.*?)\s*(?:\{#([a-z0-9-]+)\})?\s*$/;
const FIELD_LINE = /^([a-z-]+):\s*(.*)$/;
const OPTION_LINE = /^-\s+\[( |x)\]\s+\{#([a-z0-9-]+)\}\s+(.+)$/;

export function parseFile(file: string, source: string, errors: ContentError[]): RawTopic | undefined {
	const name = FILE_NAME.exec(file);
	if (!name) {
		errors.push({ file, line: 1, message: 'content files are named <zh|en>/<NN>-<topic-id>.md' });
		return undefined;
	}
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	const heading = /^#\s+(.+)$/.exec(lines[0] ?? '');
	if (!heading) {
		errors.push({ file, line: 1, message: 'the first line must be the topic title: "# Title"' });
		return undefined;
	}
	const topic: RawTopic = {
		file,
		lang: name[1] as Lang,
		order: Number(name[2]),
		id: name[3]!,
		title: { text: heading[1]!.trim(), line: 1 },
		intro: [],
		cards: []
	};
	let card: RawCard | undefined;
	let inFields = false;
	let inFence = false;
	lines.slice(1).forEach((text, i) => {
		const line = i + 2;
		if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
		const h = inFence ? null : CARD_HEADING.exec(text);
		if (h) {
			if (!h[2]) {
				errors.push({ file, line, message: 'a card heading needs an id: "## Title {#card-id}"' });
				card = undefined;
				return;
			}
			card = { id: h[2], title: { text: h[1]!, line }, fields: new Map(), options: [], body: [] };
			topic.cards.push(card);
			inFields = true;
			return;
		}
		if (!card) {
			topic.intro.push({ text, line });
			return;
		}
		if (inFields) {
			const f = FIELD_LINE.exec(text);
			if (f) {
				const key = f[1]!;
				if (!(FIELDS as readonly string[]).includes(key))
					errors.push({ file, line, message: `unknown field "${key}:"; fields are ${FIELDS.join(', ')}` });
				else if (card.fields.has(key)) errors.push({ file, line, message: `field "${key}:" given twice` });
				else card.fields.set(key, { text: f[2]!.trim(), line });
				return;
			}
			inFields = false;
		}
		const o = inFence ? null : OPTION_LINE.exec(text);
		if (o) card.options.push({ id: o[2]!, correct: o[1] === 'x', text: o[3]!.trim(), line });
		else card.body.push({ text, line });
	});
	return topic;
}
