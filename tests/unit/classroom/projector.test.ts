import { describe, expect, it } from 'vitest';
import { projectorTick, projectTo, secondsLeft, slideOf, startProjector } from '../../../src/lib/features/classroom/projector';

describe('the projector run', () => {
	it('walks join, each question asked then answered, and the end', () => {
		let run = startProjector(2, 0);
		const slides = [];
		for (let to = 0; to <= 6; to++) {
			run = projectTo(run, to, 0);
			slides.push(slideOf(run));
		}
		expect(slides).toEqual([
			{ kind: 'join' },
			{ kind: 'question', index: 0, revealed: false },
			{ kind: 'question', index: 0, revealed: true },
			{ kind: 'question', index: 1, revealed: false },
			{ kind: 'question', index: 1, revealed: true },
			{ kind: 'end' },
			{ kind: 'end' }
		]);
		expect(projectTo(run, -3, 0).player.shown).toBe(0);
	});

	it('an untimed quiz never counts down', () => {
		const run = projectTo(startProjector(3, 0), 1, 1000);
		expect(run.deadline).toBeNull();
		expect(projectorTick(run, 10_000_000)).toBe(run);
	});

	it('a timed question counts down in whole seconds and shows the answer at zero', () => {
		const asked = projectTo(startProjector(3, 20), 1, 1000);
		expect(asked.deadline).toBe(21_000);
		expect(secondsLeft(asked, 1000)).toBe(20);
		expect(secondsLeft(asked, 1001)).toBe(20);
		expect(secondsLeft(asked, 2000)).toBe(19);
		expect(projectorTick(asked, 20_999)).toBe(asked);
		const shown = projectorTick(asked, 21_000);
		expect(slideOf(shown)).toEqual({ kind: 'question', index: 0, revealed: true });
		expect(shown.deadline).toBeNull();
		expect(secondsLeft(asked, 99_000)).toBe(0);
	});

	it('stepping back onto a question starts its countdown afresh; the answer and the end have none', () => {
		let run = projectTo(startProjector(2, 10), 2, 0);
		expect(run.deadline).toBeNull();
		run = projectTo(run, 1, 5000);
		expect(run.deadline).toBe(15_000);
		expect(projectTo(run, 5, 6000).deadline).toBeNull();
		expect(projectTo(run, 0, 6000).deadline).toBeNull();
	});
});
