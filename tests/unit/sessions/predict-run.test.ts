import { describe, expect, it } from 'vitest';
import { possibleMoves, predictionFor, replay, SCENARIOS, type Choice } from '../../../src/lib/core/fsm';
import { answer, beat, dropQuestion, markSaved, moveProblem, resizeRun, reveal, startRun, stepBack, togglePlay, undoMove, type AskFor } from '../../../src/lib/features/study/predict-run';

const steps = replay(SCENARIOS.three_way_handshake).steps;
const asks: AskFor = (i) => predictionFor(steps[i]!, `three_way_handshake:${i}`);
const never: AskFor = () => undefined;

describe('the simulator run', () => {
	it('reveals steps one by one without predict mode', () => {
		let run = startRun(steps.length);
		run = reveal(run, never, 0);
		expect(run).toMatchObject({ player: { shown: 1 }, asking: null, fresh: true });
		run = stepBack(run);
		expect(run).toMatchObject({ player: { shown: 0 }, fresh: false });
	});

	it('asks before a step that moves a state, then shows the step and the feedback', () => {
		const first = asks(0)!;
		expect(first).toBeDefined();
		let run = reveal(startRun(steps.length), asks, 1000);
		expect(run.player.shown).toBe(0);
		expect(run.asking).toEqual({ index: 0, prediction: first, since: 1000 });
		// Asking again while a question stands changes nothing.
		expect(reveal(run, asks, 2000)).toBe(run);
		run = answer(run, first.answer);
		expect(run).toMatchObject({ player: { shown: 1 }, asking: null, answered: [0], fresh: true });
		expect(run.feedback).toEqual({ index: 0, chosen: first.answer, prediction: first, saved: null });
		run = markSaved(run, 0, true);
		expect(run.feedback?.saved).toBe(true);
		// A late save for another step does not touch this feedback.
		expect(markSaved(run, 5, false)).toBe(run);
	});

	it('does not ask twice for a step already answered', () => {
		let run = answer(reveal(startRun(steps.length), asks, 0), 'LISTEN');
		run = stepBack(run);
		expect(run.player.shown).toBe(0);
		run = reveal(run, asks, 0);
		expect(run).toMatchObject({ player: { shown: 1 }, asking: null });
	});

	it('plays until a question stops it, and stops at the end', () => {
		let run = togglePlay(startRun(steps.length), never, 0);
		expect(run.player).toMatchObject({ shown: 1, playing: true });
		while (run.player.playing) run = beat(run, never, 0);
		expect(run.player.shown).toBe(steps.length);
		// Play at the end starts over.
		run = togglePlay(run, never, 0);
		expect(run.player).toMatchObject({ shown: 1, playing: true });
		expect(togglePlay(run, never, 0).player.playing).toBe(false);

		const asked = togglePlay(startRun(steps.length), asks, 0);
		expect(asked.asking?.index).toBe(0);
		expect(asked.player.playing).toBe(false);
		expect(beat(asked, asks, 0)).toMatchObject({ player: { playing: false }, asking: { index: 0 } });
	});

	it('drops a standing question when predict mode switches or a step goes back', () => {
		const asked = reveal(startRun(steps.length), asks, 0);
		expect(dropQuestion(asked).asking).toBeNull();
		expect(stepBack(asked).asking).toBeNull();
	});

	it('follows the builder as moves are added and taken back', () => {
		let run = startRun(0);
		run = resizeRun(run, 1);
		run = answer(reveal(run, asks, 0), 'SYN_SENT');
		run = resizeRun(run, 2);
		run = reveal(run, never, 0);
		expect(run.player).toMatchObject({ total: 2, shown: 2 });
		run = undoMove(run, 1);
		expect(run).toMatchObject({ player: { total: 1, shown: 1 }, answered: [0], asking: null, feedback: null, fresh: false });
		run = undoMove(run, 0);
		expect(run).toMatchObject({ player: { total: 0, shown: 0 }, answered: [] });
	});
});

describe('the builder’s moves', () => {
	it('says why a move cannot be taken, and nothing when it can', () => {
		const closed = replay([]).sim;
		const offered = possibleMoves(closed);
		expect(offered.length).toBeGreaterThan(0);
		for (const choice of offered) expect(moveProblem(closed, choice)).toBeNull();
		// Nothing is in flight to deliver.
		const deliver: Choice = { ...offered[0]!, move: { kind: 'deliver', to: 'A' } };
		expect(moveProblem(closed, deliver)?.en).toMatch(/^That move is not possible/);
	});
});
