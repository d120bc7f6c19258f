import { advance, SimulationError, type Choice, type Prediction, type Sim, type State } from '../../core/fsm';
import { SIM_UI } from '../../components/fsm/fsm-ui';
import type { Text } from '../../core/text';
import { atEnd, back, forward, pause, play, resize, startPlayer, type StepPlayer } from './step-player';

/**
 * The simulator's run as data: the shared step player, plus predict mode's question before a step
 * and its feedback after. Pure: the page passes in the clock and which steps ask (`AskFor`), and
 * keeps the interval, the record and the scrolling.
 */
export interface PredictRun {
	player: StepPlayer;
	/** The question standing before step `index`, asked since `since`. */
	asking: { index: number; prediction: Prediction; since: number } | null;
	/** The answer just given; `saved` is null until the record is written (or could not be). */
	feedback: { index: number; chosen: State; prediction: Prediction; saved: boolean | null } | null;
	/** Steps already predicted in this run: going back and forth does not ask (or record) twice. */
	answered: readonly number[];
	/** Whether the newest step has just arrived (and is drawn arriving). */
	fresh: boolean;
}

/** The question before step `index`, if predict mode asks one there. */
export type AskFor = (index: number) => Prediction | undefined;

export const startRun = (total: number): PredictRun => ({ player: startPlayer(total), asking: null, feedback: null, answered: [], fresh: false });

/** Back to the start with `total` steps: nothing asked, answered or playing. */
export const restartRun = (total: number): PredictRun => startRun(total);

/** Reveal the next step, or first ask about it (which stops playing). */
export function reveal(run: PredictRun, askFor: AskFor, now: number): PredictRun {
	const { player } = run;
	if (run.asking || atEnd(player)) return run;
	const prediction = run.answered.includes(player.shown) ? undefined : askFor(player.shown);
	if (prediction) return { ...run, player: pause(player), asking: { index: player.shown, prediction, since: now } };
	return { ...run, player: forward(player), feedback: null, fresh: true };
}

/** One step back; a question standing is dropped. */
export function stepBack(run: PredictRun): PredictRun {
	return { ...run, player: back(run.player), asking: null, feedback: null, fresh: false };
}

/** The answer to the question standing: the step happens and its feedback shows. */
export function answer(run: PredictRun, chosen: State): PredictRun {
	if (!run.asking) return run;
	const { index, prediction } = run.asking;
	return {
		...run,
		player: { ...run.player, shown: index + 1 },
		asking: null,
		answered: [...run.answered, index],
		feedback: { index, chosen, prediction, saved: null },
		fresh: true
	};
}

/** Whether the answer to step `index` was written to the record; a later answer's feedback is left alone. */
export function markSaved(run: PredictRun, index: number, saved: boolean): PredictRun {
	return run.feedback?.index === index ? { ...run, feedback: { ...run.feedback, saved } } : run;
}

/** Predict mode switched: a question standing is dropped. */
export const dropQuestion = (run: PredictRun): PredictRun => (run.asking ? { ...run, asking: null } : run);

/** The builder's steps changed to `total` (a move added or taken back): the last feedback is over. */
export function resizeRun(run: PredictRun, total: number): PredictRun {
	return { ...run, player: resize(run.player, total), answered: run.answered.filter((i) => i < total), feedback: null };
}

/** The builder took its last move back. */
export function undoMove(run: PredictRun, total: number): PredictRun {
	return { ...resizeRun(run, total), asking: null, fresh: false };
}

/** Play from where it is (from the start at the end) and take the first step now; or pause. */
export function togglePlay(run: PredictRun, askFor: AskFor, now: number): PredictRun {
	if (run.player.playing) return { ...run, player: pause(run.player) };
	const started = { ...run, player: play(run.player) };
	return reveal(started, askFor, now);
}

/** The interval's beat: the next step while playing, and stopped at a question or at the end. */
export function beat(run: PredictRun, askFor: AskFor, now: number): PredictRun {
	if (!run.player.playing || run.asking || atEnd(run.player)) return { ...run, player: pause(run.player) };
	return reveal(run, askFor, now);
}

/** Why the builder cannot take `choice` from `sim` (impossible, or a call that changes no state), or null if it can. */
export function moveProblem(sim: Sim, choice: Choice): Text | null {
	try {
		const { step } = advance(sim, choice.move);
		return choice.move.kind === 'app' && !step.transition ? SIM_UI.noTransition(choice.side, sim[choice.side].state) : null;
	} catch (e) {
		if (!(e instanceof SimulationError)) throw e;
		return SIM_UI.impossible(e.message);
	}
}
