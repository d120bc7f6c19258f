import type { Question } from '../quiz/types';
import type { ClassAnswer } from './answers';
import type { StudentResult } from './result-code';
import { scoreStudent } from './score';

/**
 * One CSV field. Quoted when it holds a comma, quote or line break; a leading = + - @ or tab gets
 * an apostrophe so a spreadsheet never runs a student's name as a formula.
 */
export function csvField(value: string | number): string {
	let s = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const answerText = (a: ClassAnswer, q: Question) => (a === null ? '' : a.join(q.kind === 'order_steps' ? '>' : ' '));

/**
 * The class as a table: one row per student with name, score, question count, then 1/0 per
 * question (empty when not answered), then what they chose (option ids). CRLF line ends, as RFC 4180.
 */
export function classCsv(questions: readonly Question[], results: readonly StudentResult[]): string {
	const header = ['name', 'score', 'questions', ...questions.map((_, i) => `Q${i + 1}`), ...questions.map((_, i) => `Q${i + 1} answer`)];
	const rows = results.map((r) => {
		const s = scoreStudent(questions, r);
		return [
			r.name,
			s.score,
			s.total,
			...s.marks.map((m) => (m === null ? '' : m ? 1 : 0)),
			...questions.map((q, i) => answerText(r.answers[i] ?? null, q))
		];
	});
	return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
