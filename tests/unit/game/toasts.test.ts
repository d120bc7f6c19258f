import { describe, expect, it } from 'vitest';
import { EMPTY_TOASTS, TOAST_LINES, addNews, nextToast, type Toasts } from '../../../src/lib/features/game';

/** Feed a run of events to the queue, checking after each that at most one toast is shown. */
function run(events: (string[] | 'expire')[]): Toasts<string>[] {
	const states: Toasts<string>[] = [];
	let q: Toasts<string> = EMPTY_TOASTS;
	for (const e of events) {
		q = e === 'expire' ? nextToast(q) : addNews(q, e);
		states.push(q);
	}
	return states;
}

describe('celebration toasts', () => {
	it('news of one answer shows together, in one toast', () => {
		const [q] = run([['level', 'achievement', 'goal']]);
		expect(q!.shown).toEqual(['level', 'achievement', 'goal']);
		expect(q!.waiting).toEqual([]);
	});

	it('news arriving while a toast shows waits for it, then shows as one toast', () => {
		const states = run([['level'], ['goal'], ['quest'], 'expire', 'expire']);
		expect(states.map((q) => q.shown)).toEqual([['level'], ['level'], ['level'], ['goal', 'quest'], null]);
	});

	it('a toast holds a few lines; the rest follow in the next toast, never side by side', () => {
		const news = ['a', 'b', 'c', 'd', 'e'];
		const [first, second, third] = run([news, 'expire', 'expire']);
		expect(first!.shown).toEqual(news.slice(0, TOAST_LINES));
		expect(second!.shown).toEqual(news.slice(TOAST_LINES));
		expect(third!.shown).toBeNull();
		expect(TOAST_LINES).toBeLessThanOrEqual(3);
	});

	it('nothing new changes nothing; expiring an empty queue is harmless', () => {
		expect(addNews(EMPTY_TOASTS, [])).toBe(EMPTY_TOASTS);
		expect(nextToast(EMPTY_TOASTS)).toEqual(EMPTY_TOASTS);
	});

	it('keeps the order the news came in', () => {
		const states = run([['1'], ['2', '3'], ['4'], 'expire']);
		expect(states.at(-1)!.shown).toEqual(['2', '3', '4']);
	});
});
