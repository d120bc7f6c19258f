import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/lib/content';
import { fromPosted, summarize, toPosted, type SummaryInputs } from '../../../src/lib/game';
import type { Review } from '../../../src/lib/progress';
import { generateBank } from '../../../src/lib/quiz';
import { readContentFiles } from '../../../src/lib/server/content-files';
import { catchUp, summaryServer, type SummaryReply, type SummaryRequest } from '../../../src/lib/app/summary-protocol';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 10, 12);
const { deck } = buildDeck(readContentFiles());
const questions = generateBank(deck);
const topics = deck.topics.map((t) => ({ id: t.id, title: t.title }));

/** Two years of mixed study: flashcards, quizzes (some wrong), challenge rounds and undos. */
function mixedLog(count: number): Review[] {
	const log: Review[] = [];
	for (let i = 0; i < count; i++) {
		const q = questions[(i * 7919) % questions.length]!;
		const at = now - 730 * DAY + Math.floor((i / count) * 730 * DAY);
		const base = { id: `r${i}`, itemId: q.family, questionId: q.id, durationMs: 3000 + (i % 5) * 1000, at, appVersion: 'test' };
		if (i % 97 === 0 && i > 0) log.push({ ...base, kind: 'undo', undoes: `r${i - 1}`, durationMs: 0 });
		else if (q.kind === 'flashcard') log.push({ ...base, kind: 'flashcard', rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 });
		else log.push({ ...base, kind: i % 11 < 3 ? 'challenge' : 'quiz', correct: i % 6 !== 0, answer: ['a'], session: i % 11 < 3 ? `challenge:mixed:${Math.floor(i / 10)}` : undefined });
	}
	return log;
}

describe('summarize: the page and the worker agree', () => {
	it('gives the same summary on a 20,000-review log either way', () => {
		const log = mixedLog(20_000);
		const inputs: SummaryInputs = {
			now,
			zones: [
				{ since: 0, timeZone: 'Europe/Berlin' },
				{ since: now - 200 * DAY, timeZone: 'Asia/Shanghai' }
			],
			goalHistory: [{ since: '2024-06-01', setting: 'regular' }],
			questions,
			topics,
			mastery: new Map(topics.map((t, i) => [t.id, (i % 4) / 4]))
		};
		const inPage = summarize(log, inputs);

		// The worker's path: every message cloned as postMessage would, the log in slices.
		const handle = summaryServer();
		const post = (m: SummaryRequest) => handle(structuredClone(m));
		for (const m of catchUp([], log.slice(0, 12_345), { questions, topics })) post(m);
		for (const m of catchUp(log.slice(0, 12_345), log, { questions, topics })) post(m);
		const reply = post({ kind: 'summary', id: 1, inputs: { now, zones: inputs.zones, goalHistory: inputs.goalHistory, mastery: [...inputs.mastery] } }) as SummaryReply;
		const inWorker = fromPosted(structuredClone(reply.result), topics);

		// Achievement rules are functions, made afresh per copy: compare them by id.
		expect(toPosted(inWorker)).toEqual(toPosted(inPage));
		expect(inWorker.game.achievements.map((a) => a.achievement.title)).toEqual(inPage.game.achievements.map((a) => a.achievement.title));
		// Not a trivial summary: the log earned XP, a level and some achievements.
		expect(inPage.game.xp).toBeGreaterThan(1000);
		expect(inPage.game.achievements.filter((a) => a.earned).length).toBeGreaterThan(3);
	});

	it('a worker that saw another log starts over', () => {
		const a = mixedLog(30);
		const b = mixedLog(40).map((r) => ({ ...r, id: `b${r.id}` }));
		const messages = catchUp(a, b, { questions, topics });
		expect(messages.map((m) => m.kind)).toEqual(['reset', 'append']);
		expect(catchUp(a, [...a, b[0]!], { questions, topics }).map((m) => (m.kind === 'append' ? m.reviews.length : m.kind))).toEqual([1]);
	});
});
