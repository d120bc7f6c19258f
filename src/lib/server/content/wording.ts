import type { Lang } from '../../core/text';
import type { ContentError } from '../../features/content/types';
import type { RawTopic } from './parse';

/**
 * Reader-facing text must not speak of "the notes" as if the reader had them: the app grew out of
 * one set of 2018 study notes, but a learner has never seen them. Say "common study notes say…"
 * (常见的学习笔记说…) or drop it. The `notes-said:` field is exempt: the page labels it.
 *
 * Precisely: in English, "notes" after the/these/those/our/my/their with an optional year,
 * "old" or "original" between ("the 2018 notes", "the notes'"); in Chinese, 笔记 not preceded by 学习.
 */
const REFERENCE: Record<Lang, RegExp> = {
	en: /\b(?:the|these|those|our|my|their)\s+(?:(?:\d{4}|old|original)\s+)?notes\b/i,
	zh: /(?<!学习)笔记/
};

export const NOTES_MESSAGE = 'speaks of notes the reader has never seen: write "common study notes say…" / "常见的学习笔记说…", or drop it';

/** Problems in one language's topic file: each line (joined with the next, for phrases split across lines). */
export function checkWording(topic: RawTopic, errors: ContentError[]) {
	const lines = [topic.title, ...topic.intro];
	for (const card of topic.cards) {
		lines.push(card.title, ...card.options, ...card.body);
		for (const [key, value] of card.fields) if (key !== 'notes-said') lines.push(value);
	}
	const pattern = REFERENCE[topic.lang];
	const seen = new Set<number>();
	lines.forEach((l, i) => {
		const next = lines[i + 1];
		const joined = next && next.line === l.line + 1 ? `${l.text} ${next.text}` : l.text;
		const hit = pattern.exec(joined);
		// A phrase split across two lines is reported once, at the line where it starts.
		if (hit && hit.index < l.text.length && !seen.has(l.line)) {
			seen.add(l.line);
			errors.push({ file: topic.file, line: l.line, message: `"${hit[0]}" ${NOTES_MESSAGE}` });
		}
	});
}
