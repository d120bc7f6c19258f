/**
 * Valid backups and the records in them, shared by the backup fuzz test (what is accepted or
 * refused) and `npm run bench` (how long parsing the same fuzzed files takes).
 */
import { DEFAULT_SETTINGS, makeBackup, type Review, type Settings } from '../../../src/lib/core/log';

export const T0 = Date.UTC(2025, 0, 6, 9);
const review = (n: number, extra: Partial<Review>): Review => ({
	id: `0000000${n}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`,
	itemId: `card:handshake-${n % 3}`,
	kind: 'flashcard',
	rating: ((n % 4) + 1) as 1 | 2 | 3 | 4,
	durationMs: 1500 + n,
	at: T0 + n * 60_000,
	appVersion: '0.1.0',
	...extra
});

/** A log with every kind and every optional field, as the app writes them. */
export const LOG: Review[] = [
	review(1, {}),
	review(2, { cram: true, session: 'study:1' }),
	review(3, { kind: 'quiz', rating: undefined, itemId: 'fsm:next', questionId: 'fsm:next:3', answer: ['a', 'c'], correct: false }),
	review(4, { kind: 'challenge', rating: undefined, itemId: 'fsm:path', answer: ['b'], correct: true, session: 'challenge:mixed:x' }),
	review(5, { kind: 'predict', rating: undefined, itemId: 'sim:close', correct: true }),
	review(6, { kind: 'undo', rating: undefined, undoes: review(5, {}).id, durationMs: 0 }),
	review(7, { kind: 'quiz', rating: undefined, itemId: 'param:x', answer: [], correct: true })
].map((r) => JSON.parse(JSON.stringify(r)) as Review);

export const SETTINGS: Settings = {
	...DEFAULT_SETTINGS,
	lang: 'en',
	theme: 'dark',
	goal: 'serious',
	goalHistory: [{ since: '2025-01-01', setting: 'regular' }],
	zones: [{ since: 0, timeZone: 'Asia/Shanghai' }, { since: T0, timeZone: 'Europe/Paris' }]
};

/** Valid files in each way the app writes them: compact, indented (export), one record per line. */
export const SAMPLES = [
	JSON.stringify(makeBackup(LOG, SETTINGS, T0)),
	JSON.stringify(makeBackup(LOG.slice(0, 3), DEFAULT_SETTINGS, T0), null, 1),
	JSON.stringify({ ...makeBackup([], SETTINGS, T0), settings: undefined }),
	`${JSON.stringify({ format: 'tcp-quest-backup', version: 1, exportedAt: T0, settings: SETTINGS }).slice(0, -1)},"reviews":[\n${LOG.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`
];
