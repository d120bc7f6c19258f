import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/lib/core/text';
import type { Question } from '../../src/lib/features/quiz/types';
import { bank } from './classroom/fixtures';
import { buildCatalog } from '../../src/lib/features/study/catalog';
import { planFlashcards, planQuiz } from '../../src/lib/features/study/sessions';
import { dashboard } from '../../src/lib/features/study/dashboard';
import { indexFile, mergeSlice, missingSlices, readIndex, sliceFile, sliceKey, type SliceFile } from '../../src/lib/features/study/slices';

const data = bank();
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));
/** Every slice of the bank, as served (through JSON). */
const slices = (langs: readonly Lang[] = LANGS) => langs.flatMap((lang) => data.topics.map((t) => json(sliceFile(data, t.id, lang))));

describe('the bank index', () => {
	const index = readIndex(json(indexFile(data)));

	it('names every question with its kind, topic and family, in bank order', () => {
		expect(index.topics).toEqual(data.topics);
		expect(index.questions).toEqual(data.questions.map(({ id, kind, topic, family }) => ({ id, kind, topic, family })));
	});

	it('counts and plans exactly as the whole bank does', () => {
		const whole = buildCatalog(data);
		const light = buildCatalog(index);
		const schedule = new Map();
		expect(dashboard(light, schedule, [], 0, 10, 0)).toEqual(dashboard(whole, schedule, [], 0, 10, 0));
		expect(planFlashcards(light, schedule, 0, 10, 0).cards.map((q) => q.id)).toEqual(planFlashcards(whole, schedule, 0, 10, 0).cards.map((q) => q.id));
		expect(planQuiz(light, schedule, 0, 7, 10).map((q) => q.id)).toEqual(planQuiz(whole, schedule, 0, 7, 10).map((q) => q.id));
	});

	it('refuses a row that names no known kind or topic', () => {
		const file = json(indexFile(data));
		file.rows[3]![2] = data.topics.length;
		expect(() => readIndex(file)).toThrow(/unknown kind or topic/);
	});
});

describe('slices', () => {
	it('hold each question once, in its topic, with the words of one language only', () => {
		for (const lang of LANGS) {
			const all = slices([lang]).flatMap((s) => s.questions as Question[]);
			expect(all.map((q) => q.id).sort()).toEqual(data.questions.map((q) => q.id).sort());
			const other = lang === 'zh' ? 'en' : 'zh';
			for (const q of all) {
				expect(q.prompt[lang], q.id).toBeTruthy();
				expect(JSON.stringify(q), q.id).not.toContain(`"${other}":`);
			}
		}
	});

	it('merged in both languages give back the whole bank', () => {
		const loaded = new Map<string, Question>();
		for (const slice of slices()) mergeSlice(loaded, slice);
		expect(data.questions.map((q) => loaded.get(q.id))).toEqual(data.questions);
	});

	it('give a question already handed out its words in another language, in the same objects', () => {
		const loaded = new Map<string, Question>();
		const [zh, en] = (['zh', 'en'] as const).map((lang) => json(sliceFile(data, 'handshake', lang)));
		mergeSlice(loaded, zh!);
		const held = loaded.get((zh!.questions[0] as Question).id)!;
		const { prompt, options } = held;
		expect(prompt.en).toBeUndefined();
		mergeSlice(loaded, en!);
		expect(loaded.get(held.id)).toBe(held);
		const original = data.questions.find((q) => q.id === held.id)!;
		expect(prompt).toEqual(original.prompt);
		expect(options).toEqual(original.options);
	});

	it('are fetched only for topics not loaded yet, once each', () => {
		const refs = [{ topic: 'closing' }, { topic: 'handshake' }, { topic: 'closing' }];
		expect(missingSlices(refs, 'en', new Set())).toEqual(['closing', 'handshake']);
		expect(missingSlices(refs, 'en', new Set([sliceKey('en', 'closing')]))).toEqual(['handshake']);
		expect(missingSlices(refs, 'zh', new Set([sliceKey('en', 'closing')]))).toEqual(['closing', 'handshake']);
	});

	it('are each a small part of the bank', () => {
		const whole = JSON.stringify(data).length;
		for (const slice of slices() as SliceFile[]) expect(JSON.stringify(slice).length, `${slice.lang}/${slice.topic}`).toBeLessThan(whole / 4);
	});
});
