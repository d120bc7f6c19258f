/** The opening's steps are marked once per page life, where the browser keeps User Timing at all. */
import { afterEach, expect, it, vi } from 'vitest';
import { markOpening, markShown, OPENING } from '../../../src/lib/app/opening-marks';

afterEach(() => {
	vi.unstubAllGlobals();
	performance.clearMarks();
});

it('marks a step once: a later navigation does not move it', () => {
	markOpening(OPENING.asked);
	const first = performance.getEntriesByName(OPENING.asked)[0]!.startTime;
	markOpening(OPENING.asked);
	expect(performance.getEntriesByName(OPENING.asked).map((m) => m.startTime)).toEqual([first]);
	expect(performance.getEntriesByName(OPENING.read)).toEqual([]);
});

it('names every step apart, under the app’s own prefix', () => {
	const names = Object.values(OPENING);
	expect(new Set(names).size).toBe(names.length);
	for (const name of names) expect(name).toMatch(/^tcp-quest:/);
});

it('does nothing where there is no User Timing', () => {
	vi.stubGlobal('performance', undefined);
	expect(() => markOpening(OPENING.started)).not.toThrow();
	vi.stubGlobal('performance', {});
	expect(() => markOpening(OPENING.started)).not.toThrow();
});

it('marks an element shown at the start of the frame that first draws it, not before', () => {
	const frames: FrameRequestCallback[] = [];
	vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
	markShown(OPENING.shown)();
	expect(performance.getEntriesByName(OPENING.shown)).toEqual([]);
	frames.shift()!(0);
	expect(performance.getEntriesByName(OPENING.shown)).toHaveLength(1);
});

it('marks nothing where frames are never drawn (no requestAnimationFrame)', () => {
	vi.stubGlobal('requestAnimationFrame', undefined);
	expect(() => markShown(OPENING.game)()).not.toThrow();
	expect(performance.getEntriesByName(OPENING.game)).toEqual([]);
});
