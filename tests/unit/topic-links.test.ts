import { describe, expect, it } from 'vitest';
import { overflowSides } from '../../src/lib/components/overflow-hint';
import type { Question } from '../../src/lib/features/quiz/types';
import { buildCatalog, topicModes } from '../../src/lib/features/study';

const q = (id: string, topic: string, kind: Question['kind'], family = id) => ({ id, topic, kind, family }) as unknown as Question;

describe('the modes a topic page links to', () => {
	const catalog = buildCatalog({
		topics: [
			{ id: 'both', title: { zh: '两者', en: 'Both' } },
			{ id: 'cards', title: { zh: '卡片', en: 'Cards' } },
			{ id: 'quiz', title: { zh: '测验', en: 'Quiz' } },
			{ id: 'empty', title: { zh: '空', en: 'Empty' } }
		],
		questions: [q('b1', 'both', 'flashcard'), q('b2', 'both', 'next_state'), q('c1', 'cards', 'flashcard'), q('q1', 'quiz', 'next_state')]
	});
	it('offers study where there are flashcards and a quiz where there are questions, nothing where there is neither', () => {
		expect(topicModes(catalog, 'both')).toEqual({ study: true, quiz: true });
		expect(topicModes(catalog, 'cards')).toEqual({ study: true, quiz: false });
		expect(topicModes(catalog, 'quiz')).toEqual({ study: false, quiz: true });
		expect(topicModes(catalog, 'empty')).toEqual({ study: false, quiz: false });
	});
});

describe('the fade on a sideways-scrolling row', () => {
	it('marks the ends that hide more, with a little slack for sub-pixel scrolling', () => {
		expect(overflowSides(0, 300, 300)).toBe('none');
		expect(overflowSides(0, 500, 300)).toBe('right');
		expect(overflowSides(100, 500, 300)).toBe('both');
		expect(overflowSides(199.5, 500, 300)).toBe('left');
		expect(overflowSides(1, 500, 300)).toBe('right');
	});
});
