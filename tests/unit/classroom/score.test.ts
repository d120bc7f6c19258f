import { describe, expect, it } from 'vitest';
import { classCsv, csvField, decodeResult, encodeResult, summarizeClass, type ClassAnswer, type StudentResult } from '../../../src/lib/features/classroom';
import type { Question } from '../../../src/lib/features/quiz/types';

const q = (id: string, options: string[], answer: string[], extra: Partial<Question> = {}): Question => ({
	id,
	kind: 'next_state',
	topic: 't',
	family: `f:${id}`,
	prompt: { zh: id, en: id },
	options: options.map((o) => ({ id: o, label: { zh: o, en: o } })),
	answer,
	explanation: { zh: '', en: '' },
	source: '',
	...extra
});

const questions: Question[] = [
	q('a', ['LISTEN', 'SYN_SENT', 'CLOSED', 'TIME_WAIT'], ['SYN_SENT']),
	q('b', ['FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING'], ['FIN_WAIT_2']),
	q('c', ['x', 'y', 'z', 'w'], ['x', 'y'], { kind: 'event_between', multi: true }),
	q('d', ['s1', 's2', 's3'], ['s2', 's1', 's3'], { kind: 'order_steps' })
];

const student = (name: string, answers: ClassAnswer[]): StudentResult => ({ name, answers, code: `R-${name}` });

const results = [
	student('Ada', [['SYN_SENT'], ['CLOSE_WAIT'], ['x', 'y'], ['s2', 's1', 's3']]),
	student('Bo', [['LISTEN'], ['CLOSE_WAIT'], ['x', 'z'], ['s1', 's2', 's3']]),
	student('Cy', [['LISTEN'], ['FIN_WAIT_2'], null, null]),
	student('=cmd', [null, ['CLOSING'], ['y', 'z', 'w'], ['s1', 's2', 's3']])
];

describe('class summary', () => {
	const s = summarizeClass(questions, results);

	it('scores each student; no answer counts as wrong', () => {
		expect(s.students.map((x) => [x.name, x.score, x.total])).toEqual([
			['Ada', 3, 4],
			['Bo', 0, 4],
			['Cy', 1, 4],
			['=cmd', 0, 4]
		]);
		expect(s.students[2]!.marks).toEqual([false, true, null, null]);
		expect(s.average).toBeCloseTo(4 / 16);
	});

	it('gives each question its share of right answers and the wrong answer chosen most', () => {
		expect(s.questions.map((x) => [x.right, x.answered, x.share])).toEqual([
			[1, 3, 0.25],
			[1, 4, 0.25],
			[1, 3, 0.25],
			[1, 3, 0.25]
		]);
		expect(s.questions[0]!.topWrong).toEqual({ ids: ['LISTEN'], count: 2 });
		expect(s.questions[1]!.topWrong).toEqual({ ids: ['CLOSE_WAIT'], count: 2 });
		// Several choices: each wrong option chosen counts (z twice, w once).
		expect(s.questions[2]!.topWrong).toEqual({ ids: ['z'], count: 2 });
		expect(s.questions[3]!.topWrong).toEqual({ ids: ['s1', 's2', 's3'], count: 2 });
	});

	it('lists the states the class confuses, most often first', () => {
		expect(s.confusions).toEqual([
			{ expected: 'SYN_SENT', chosen: 'LISTEN', count: 2 },
			{ expected: 'FIN_WAIT_2', chosen: 'CLOSE_WAIT', count: 2 },
			{ expected: 'FIN_WAIT_2', chosen: 'CLOSING', count: 1 }
		]);
	});

	it('is empty without results', () => {
		const none = summarizeClass(questions, []);
		expect(none.average).toBeNull();
		expect(none.questions.every((x) => x.share === null && x.topWrong === null)).toBe(true);
	});
});

describe('CSV', () => {
	it('has a header and one row per student, with marks and answers', () => {
		const lines = classCsv(questions, results).split('\r\n');
		expect(lines).toEqual([
			'name,score,questions,Q1,Q2,Q3,Q4,Q1 answer,Q2 answer,Q3 answer,Q4 answer',
			'Ada,3,4,1,0,1,1,SYN_SENT,CLOSE_WAIT,x y,s2>s1>s3',
			'Bo,0,4,0,0,0,0,LISTEN,CLOSE_WAIT,x z,s1>s2>s3',
			'Cy,1,4,0,1,,,LISTEN,FIN_WAIT_2,,',
			"'=cmd,0,4,,0,0,0,,CLOSING,y z w,s1>s2>s3",
			''
		]);
	});

	it('quotes what needs quoting and defuses formulas', () => {
		expect(csvField('Li, "Al"')).toBe('"Li, ""Al"""');
		expect(csvField('a\nb')).toBe('"a\nb"');
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('@x')).toBe("'@x");
		expect(csvField(-1)).toBe('-1');
		expect(csvField('王小明')).toBe('王小明');
	});

	it('round-trips through result codes', () => {
		const quiz = { code: 'Q1TEST', spec: { fingerprint: 0, seed: 0, count: 4, seconds: 0 as const, order: 'fixed' as const, kinds: ['next_state' as const], topics: [0] }, questions, id: 12345 };
		const back = results.map((r) => decodeResult(quiz, encodeResult(quiz, r.name, r.answers)));
		expect(back.every((b) => b.ok)).toBe(true);
		const decoded = back.flatMap((b) => (b.ok ? [b.result] : []));
		expect(classCsv(questions, decoded)).toBe(classCsv(questions, results));
	});
});
