import { beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../src/lib/core/log';
import { generateBank, type Question } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { buildSchedule } from '../../src/lib/core/srs';
import { browseCards, buildCatalog, cardEntries, cardStatus, matchesQuery, searchText, type BrowseOptions, type Catalog } from '../../src/lib/features/study';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
let n = 0;
const rec = (itemId: string, kind: Review['kind'], at: number, extra: Partial<Review> = {}): Review => ({
	id: `c${String(++n).padStart(5, '0')}`, itemId, kind, durationMs: 1000, at, appVersion: 'test',
	...(kind === 'flashcard' ? { rating: 3 as const } : {}),
	...extra
});

let catalog: Catalog;
let haystacks: Map<string, string>;
beforeAll(() => {
	const deck = loadDeck();
	const questions: Question[] = generateBank(deck);
	const topics = deck.topics.map((t) => ({ id: t.id, title: t.title }));
	catalog = buildCatalog({ topics, questions });
	haystacks = new Map(cardEntries(catalog).map((e) => [e.itemId, searchText(e.itemId, catalog.questionsByFamily.get(e.itemId) ?? [e.question], topics.find((t) => t.id === e.topic))]));
});
const base: BrowseOptions = { query: '', filter: 'all', sort: 'due', now: T0 + 30 * DAY, leechThreshold: 8, dayOf: utcDay };

describe('card browser', () => {
	it('lists every flashcard and question family once, flashcards first', () => {
		const entries = cardEntries(catalog);
		const families = new Set([...catalog.flashcardFamilies, ...catalog.quizFamilies]);
		expect(entries).toHaveLength(families.size);
		expect(new Set(entries.map((e) => e.itemId)).size).toBe(entries.length);
		expect(entries[0]!.kind).toBe('flashcard');
		expect(entries.at(-1)!.kind).toBe('quiz');
	});

	it('finds a state by any spelling, in either language, and a parameter by its name', () => {
		const all = cardEntries(catalog);
		const find = (query: string) => browseCards(all, new Map(), { ...base, query, haystacks }).map((e) => e.itemId);
		const bySs = find('syn-recv');
		expect(bySs).toContain('state:SYN_RECEIVED');
		expect(find('SYN_RCVD')).toEqual(bySs);
		expect(find('半连接')).not.toEqual([]);
		expect(find('tcp_fin_timeout')).toContain('param:tcp_fin_timeout');
		expect(find('TCP FIN TIMEOUT')).toContain('param:tcp_fin_timeout');
		expect(find('TIME_WAIT 2MSL').length).toBeGreaterThan(0);
		expect(find('time_wait zzzz-no-such-word')).toEqual([]);
		expect(find('')).toHaveLength(all.length);
	});

	it('a query matches only when every word appears', () => {
		expect(matchesQuery('abc\u0001def', 'ab DE')).toBe(true);
		expect(matchesQuery('abc\u0001def', 'ab xy')).toBe(false);
		// Words never match across two pieces of the text.
		expect(matchesQuery('abc\u0001def', 'cd')).toBe(false);
	});

	it('filters by due, new, suspended and leech, and sorts by due date or by difficulty', () => {
		const all = cardEntries(catalog);
		const [a, b, c, d] = all.map((e) => e.itemId);
		const log = [rec(a!, 'flashcard', T0, { rating: 1 }), rec(b!, 'flashcard', T0, { rating: 4 }), rec(c!, 'flashcard', T0), rec(c!, 'suspend', T0 + 1)];
		// d: learned, then forgotten twice (each Again from review is a lapse).
		log.push(rec(d!, 'flashcard', T0 - 100 * DAY), rec(d!, 'flashcard', T0 - 99 * DAY));
		for (let i = 0; i < 2; i++) log.push(rec(d!, 'flashcard', T0 - (80 - 30 * i) * DAY, { rating: 1 }), rec(d!, 'flashcard', T0 - (80 - 30 * i) * DAY + 600_000), rec(d!, 'flashcard', T0 - (79 - 30 * i) * DAY));
		const schedule = buildSchedule(log, 0.9);
		const now = T0 + 2 * DAY;
		const ids = (o: Partial<BrowseOptions>) =>
			browseCards(all, schedule, { ...base, now, ...o }).map((e) => e.itemId);
		expect(ids({ filter: 'suspended' })).toEqual([c]);
		expect(ids({ filter: 'due' })).toContain(a);
		expect(ids({ filter: 'due' })).not.toContain(b);
		expect(ids({ filter: 'new' })).toHaveLength(all.length - 4);
		expect(ids({ filter: 'leech', leechThreshold: 2 })).toEqual([d]);
		expect(ids({ filter: 'leech' })).toEqual([]);
		const byDue = ids({});
		expect(byDue.indexOf(a!)).toBeLessThan(byDue.indexOf(b!));
		expect(byDue.slice(4)).toEqual(all.map((e) => e.itemId).filter((id) => ![a, b, c, d].includes(id)));
		const byDifficulty = ids({ sort: 'difficulty' });
		expect(schedule.get(byDifficulty[0]!)!.card.difficulty).toBeGreaterThanOrEqual(schedule.get(byDifficulty[1]!)!.card.difficulty);
		expect(byDifficulty.indexOf(a!)).toBeLessThan(byDifficulty.indexOf(b!));
	});

	it('says what the schedule says of a card now', () => {
		const log = [rec('x', 'flashcard', T0), rec('y', 'bury', T0), rec('z', 'flashcard', T0), rec('z', 'suspend', T0 + 1)];
		const schedule = buildSchedule(log, 0.9);
		expect(cardStatus(undefined, T0, utcDay)).toBe('new');
		expect(cardStatus(schedule.get('x'), T0 + 1, utcDay)).toBe('scheduled');
		expect(cardStatus(schedule.get('x'), T0 + 30 * DAY, utcDay)).toBe('due');
		expect(cardStatus(schedule.get('y'), T0 + 1, utcDay)).toBe('buried');
		expect(cardStatus(schedule.get('y'), T0 + DAY, utcDay)).toBe('new');
		expect(cardStatus(schedule.get('z'), T0 + 30 * DAY, utcDay)).toBe('suspended');
	});
});
