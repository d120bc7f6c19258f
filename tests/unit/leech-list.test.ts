import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, makeBackup, parseBackup, sanitizeSettings, type Review } from '../../src/lib/core/log';
import { generateBank } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { becameLeech, buildSchedule } from '../../src/lib/core/srs';
import { buildCatalog, dueBadgeCount, explainLink, leechList, type Catalog } from '../../src/lib/features/study';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
let n = 0;
const rec = (itemId: string, kind: Review['kind'], at: number, extra: Partial<Review> = {}): Review => ({
	id: `k${String(++n).padStart(5, '0')}`, itemId, kind, durationMs: 1000, at, appVersion: 'test',
	...(kind === 'flashcard' ? { rating: 3 as const } : {}),
	...extra
});
function forgotten(itemId: string, times: number): Review[] {
	const log = [rec(itemId, 'flashcard', T0), rec(itemId, 'flashcard', T0 + DAY)];
	for (let i = 0; i < times; i++) log.push(rec(itemId, 'flashcard', T0 + (10 + 20 * i) * DAY, { rating: 1 }), rec(itemId, 'flashcard', T0 + (10 + 20 * i) * DAY + 600_000), rec(itemId, 'flashcard', T0 + (11 + 20 * i) * DAY));
	return log;
}

let catalog: Catalog;
beforeAll(() => {
	const deck = loadDeck();
	catalog = buildCatalog({ topics: deck.topics.map((t) => ({ id: t.id, title: t.title })), questions: generateBank(deck) });
});

describe('leeches on home', () => {
	it('lists leeches at the threshold with their topic and the view that explains them', () => {
		const log = [...forgotten('state:TIME_WAIT', 8), ...forgotten('param:tcp_fin_timeout', 3), ...forgotten('no-such-family', 9)];
		const schedule = buildSchedule(log, 0.9);
		const at8 = leechList(catalog, schedule, 8);
		expect(at8).toEqual([{ itemId: 'state:TIME_WAIT', topic: catalog.topicOfFamily.get('state:TIME_WAIT'), lapses: 8, suspended: false, explain: '/fsm?state=TIME_WAIT' }]);
		expect(leechList(catalog, schedule, 3).map((l) => l.itemId)).toEqual(['state:TIME_WAIT', 'param:tcp_fin_timeout']);
	});

	it('links a transition, an arrow, a state, an ordering and a topic to the diagram or the simulator', () => {
		expect(explainLink('t:SYN_RECEIVED:recv_rst:from_listen', 'x')).toBe('/fsm?state=SYN_RECEIVED&event=recv_rst&cond=from_listen');
		expect(explainLink('t:CLOSED:passive_open', 'x')).toBe('/fsm?state=CLOSED&event=passive_open');
		expect(explainLink('pair:FIN_WAIT_1:CLOSED', 'x')).toBe('/fsm?state=FIN_WAIT_1&to=CLOSED');
		expect(explainLink('state:TIME_WAIT', 'x')).toBe('/fsm?state=TIME_WAIT');
		expect(explainLink('order:client_closes_first:A', 'x')).toBe('/simulate?scenario=client_closes_first');
		expect(explainLink('card:quiz-accept-queue-full', 'handshake')).toBe('/simulate?scenario=three_way_handshake');
		expect(explainLink('param:tcp_syncookies', 'syn-parameters')).toBe('/fsm');
		// Every family of the bank gets a link the pages accept.
		for (const [family, topic] of catalog.topicOfFamily) expect(explainLink(family, topic)).toMatch(/^\/(fsm|simulate)(\?|$)/);
	});

	it('an answer that reaches the threshold makes a leech once; a suspended or unsuspended one is left alone', () => {
		const log = forgotten('a', 8);
		const lapse = log.findLastIndex((r) => r.rating === 1);
		const before = buildSchedule(log.slice(0, lapse), 0.9).get('a');
		const after = buildSchedule(log.slice(0, lapse + 1), 0.9).get('a');
		expect(becameLeech(before, after, 8)).toBe(true);
		// The relearning Good that follows is no new lapse.
		expect(becameLeech(after, buildSchedule(log.slice(0, lapse + 2), 0.9).get('a'), 8)).toBe(false);
		expect(becameLeech(before, after, 9)).toBe(false);
		const suspended = buildSchedule([...log.slice(0, lapse), rec('a', 'suspend', log[lapse]!.at - 1), log[lapse]!], 0.9).get('a');
		expect(becameLeech(before, suspended, 8)).toBe(false);
	});

	it('the threshold and auto-suspend are settings, kept in range and carried by backups', () => {
		expect(DEFAULT_SETTINGS.leechThreshold).toBe(8);
		expect(DEFAULT_SETTINGS.autoSuspendLeeches).toBe(false);
		expect(sanitizeSettings({ leechThreshold: 1 }).leechThreshold).toBe(2);
		expect(sanitizeSettings({ leechThreshold: 4.6 }).leechThreshold).toBe(5);
		expect(sanitizeSettings({ leechThreshold: 'x', autoSuspendLeeches: 'yes' })).toMatchObject({ leechThreshold: 8, autoSuspendLeeches: false });
		const parsed = parseBackup(JSON.stringify(makeBackup([], { ...DEFAULT_SETTINGS, leechThreshold: 5, autoSuspendLeeches: true }, T0)));
		expect(parsed.ok && parsed.backup.settings).toMatchObject({ leechThreshold: 5, autoSuspendLeeches: true });
	});
});

describe('the count on the icon', () => {
	it('counts studied items due now, flashcards and questions, each family once; none set aside, no new ones', () => {
		const card = catalog.flashcards[0]!.family;
		const quiz = catalog.quizFamilies.find((f) => !catalog.flashcardFamilies.has(f))!;
		const other = catalog.flashcards[1]!.family;
		const log = [rec(card, 'flashcard', T0), rec(quiz, 'quiz', T0, { correct: true }), rec(other, 'flashcard', T0), rec(other, 'bury', T0 + 1)];
		const schedule = buildSchedule(log, 0.9);
		expect(dueBadgeCount(catalog, schedule, T0 + 1, utcDay)).toBe(0);
		expect(dueBadgeCount(catalog, schedule, T0 + 3_600_000, utcDay)).toBe(2);
		expect(dueBadgeCount(catalog, schedule, T0 + 30 * DAY, utcDay)).toBe(3);
		expect(dueBadgeCount(catalog, new Map(), T0, utcDay)).toBe(0);
	});
});
