import { STATES, type State } from '../../core/fsm/states';
import type { Question } from '../quiz/types';
import { isCorrect } from '../study/grading';
import type { ClassAnswer } from './answers';
import type { StudentResult } from './result-code';

/** Whether an answer is right; no answer is wrong. */
export const answerIsRight = (q: Question, a: ClassAnswer): boolean => a !== null && a.length > 0 && isCorrect(q, a);

export interface StudentScore {
	name: string;
	code: string;
	/** Per question in the teacher's order: right, wrong, or not answered (null). */
	marks: (boolean | null)[];
	score: number;
	total: number;
}

export function scoreStudent(questions: readonly Question[], r: StudentResult): StudentScore {
	const marks = questions.map((q, i) => {
		const a = r.answers[i] ?? null;
		return a === null ? null : answerIsRight(q, a);
	});
	return { name: r.name, code: r.code, marks, score: marks.filter((m) => m === true).length, total: questions.length };
}

export interface QuestionStats {
	index: number;
	question: Question;
	answered: number;
	right: number;
	/** Share of the class (everyone, answered or not) who got it right, 0–1; null with no results. */
	share: number | null;
	/** The wrong answer chosen most often (option ids; for steps, the whole order) and by how many. */
	topWrong: { ids: string[]; count: number } | null;
}

/** A right state the class mistook for another, and how many times. */
export interface Confusion {
	expected: State;
	chosen: State;
	count: number;
}

export interface ClassSummary {
	students: StudentScore[];
	questions: QuestionStats[];
	confusions: Confusion[];
	/** Mean score as a share 0–1, null with no results. */
	average: number | null;
}

const isState = (id: string): id is State => (STATES as readonly string[]).includes(id);

/** Wrong answers as the teacher reads them: the options chosen that are not right (steps: the whole order). */
function wrongKeys(q: Question, a: readonly string[]): string[][] {
	if (q.kind === 'order_steps') return [[...a]];
	if (q.multi) return a.filter((id) => !q.answer.includes(id)).map((id) => [id]);
	return [[...a]];
}

/** Scores, per-question shares, the most chosen wrong options and the states the class confuses. */
export function summarizeClass(questions: readonly Question[], results: readonly StudentResult[]): ClassSummary {
	const students = results.map((r) => scoreStudent(questions, r));
	const pairs = new Map<string, Confusion>();
	const stats = questions.map((question, index): QuestionStats => {
		let answered = 0;
		let right = 0;
		const wrong = new Map<string, { ids: string[]; count: number }>();
		for (const r of results) {
			const a = r.answers[index] ?? null;
			if (a === null) continue;
			answered++;
			if (answerIsRight(question, a)) {
				right++;
				continue;
			}
			for (const ids of wrongKeys(question, a)) {
				const key = ids.join('\u0000');
				const entry = wrong.get(key) ?? { ids, count: 0 };
				entry.count++;
				wrong.set(key, entry);
			}
			// A state question answered with another state: the class confuses the two.
			const expected = question.answer[0];
			const chosen = a[0];
			if (!question.multi && question.kind !== 'order_steps' && expected && chosen && isState(expected) && isState(chosen)) {
				const key = `${expected}>${chosen}`;
				const c = pairs.get(key) ?? { expected, chosen, count: 0 };
				c.count++;
				pairs.set(key, c);
			}
		}
		// Most chosen first; ties go to the option listed first, so the table is stable.
		const order = (ids: string[]) => question.options.findIndex((o) => o.id === ids[0]);
		const topWrong = [...wrong.values()].sort((x, y) => y.count - x.count || order(x.ids) - order(y.ids))[0] ?? null;
		return { index, question, answered, right, share: results.length ? right / results.length : null, topWrong };
	});
	const confusions = [...pairs.values()].sort(
		(x, y) => y.count - x.count || STATES.indexOf(x.expected) - STATES.indexOf(y.expected) || STATES.indexOf(x.chosen) - STATES.indexOf(y.chosen)
	);
	const total = students.reduce((s, x) => s + x.score, 0);
	const average = students.length && questions.length ? total / (students.length * questions.length) : null;
	return { students, questions: stats, confusions, average };
}
