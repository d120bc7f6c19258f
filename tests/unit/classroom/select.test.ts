import { describe, expect, it } from 'vitest';
import { available, buildQuiz, eligible, fingerprint, openQuiz, seatsFor } from '../../../src/lib/features/classroom';
import type { StudyData } from '../../../src/lib/features/study/data';
import { bank, choice } from './fixtures';

describe('quiz selection', () => {
	it('is the same for the same bank, seed and options', () => {
		const a = buildQuiz(bank(), choice({ seed: 99 }));
		const b = buildQuiz(bank(), choice({ seed: 99 }));
		expect(a).toEqual(b);
		expect(a.questions).toHaveLength(30);
		expect(new Set(a.questions.map((q) => q.family)).size).toBe(30);
		expect(buildQuiz(bank(), choice({ seed: 100 })).code).not.toBe(a.code);
	});

	it('opens a code to exactly the questions it was made with', () => {
		for (const order of ['fixed', 'shuffled'] as const) {
			const made = buildQuiz(bank(), choice({ seed: 7, count: 12, order, seconds: 20 }));
			const opened = openQuiz(bank(), made.code.toLowerCase());
			expect(opened).toEqual({ ok: true, quiz: made });
		}
	});

	it('keeps to the chosen topics and kinds, and offers no more than the pool has', () => {
		const topics = [bank().topics.findIndex((t) => t.id === 'closing')];
		const pool = eligible(bank(), ['next_state', 'segment_sent'], topics);
		expect(pool.every((q) => q.topic === 'closing' && ['next_state', 'segment_sent'].includes(q.kind))).toBe(true);
		const n = available(bank(), ['next_state', 'segment_sent'], topics);
		expect(n).toBeGreaterThan(0);
		const quiz = buildQuiz(bank(), choice({ kinds: ['next_state', 'segment_sent'], topics, count: 30 }));
		expect(quiz.questions).toHaveLength(n);
		expect(quiz.spec.count).toBe(n);
		expect(openQuiz(bank(), quiz.code).ok).toBe(true);
	});

	it('refuses a code when this app has other content', () => {
		const made = buildQuiz(bank(), choice({ seed: 5, count: 10 }));
		const asked = made.questions[3]!;
		const edited: StudyData = {
			...bank(),
			questions: bank().questions.map((q) => (q.id === asked.id ? { ...q, prompt: { ...q.prompt, en: `${q.prompt.en}?` } } : q))
		};
		expect(openQuiz(edited, made.code)).toEqual({ ok: false, problem: 'content' });
		const fewer: StudyData = { ...bank(), questions: bank().questions.filter((q) => q.family !== asked.family) };
		expect(openQuiz(fewer, made.code)).toEqual({ ok: false, problem: 'content' });
		// An explanation reworded is still the same quiz.
		const reworded: StudyData = { ...bank(), questions: bank().questions.map((q) => ({ ...q, explanation: { zh: '', en: '' } })) };
		expect(openQuiz(reworded, made.code).ok).toBe(true);
		expect(fingerprint(made.questions)).toBe(made.spec.fingerprint);
	});

	it('seats every student in the teacher order, or in a shuffled order of their own', () => {
		const fixed = buildQuiz(bank(), choice({ seed: 3, count: 20 }));
		expect(seatsFor(fixed, 1).map((s) => s.question)).toEqual(fixed.questions);
		const shuffled = buildQuiz(bank(), choice({ seed: 3, count: 20, order: 'shuffled' }));
		const a = seatsFor(shuffled, 1);
		const b = seatsFor(shuffled, 2);
		expect(a.map((s) => s.index).sort((x, y) => x - y)).toEqual(shuffled.questions.map((_, i) => i));
		expect(a.map((s) => s.index)).not.toEqual(b.map((s) => s.index));
		for (const s of a) {
			const q = shuffled.questions[s.index]!;
			expect(s.question.id).toBe(q.id);
			expect([...s.question.options].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...q.options].sort((x, y) => x.id.localeCompare(y.id)));
			if (q.kind === 'order_steps') expect(s.question.options).toEqual(q.options);
		}
		expect(seatsFor(shuffled, 1)).toEqual(a);
	});
});
