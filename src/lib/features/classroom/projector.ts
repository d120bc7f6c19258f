import { goTo, startPlayer, type StepPlayer } from '../study/step-player';

/**
 * The projector walks a class quiz on the shared step player: the join screen, then two steps per
 * question (asked, then answered), then the end. A timed quiz counts down while a question is
 * asked; at zero the answer shows. Pure: the page keeps the interval and passes the clock in.
 */
export type Slide = { kind: 'join' } | { kind: 'question'; index: number; revealed: boolean } | { kind: 'end' };

export interface ProjectorRun {
	player: StepPlayer;
	questions: number;
	/** Seconds per question, or 0 for no countdown. */
	seconds: number;
	/** When the question asked now runs out; null while nothing counts down. */
	deadline: number | null;
}

export function slideOf(run: Pick<ProjectorRun, 'player' | 'questions'>): Slide {
	const { shown, total } = run.player;
	if (shown === 0) return { kind: 'join' };
	if (shown >= total) return { kind: 'end' };
	return { kind: 'question', index: Math.floor((shown - 1) / 2), revealed: (shown - 1) % 2 === 1 };
}

export const startProjector = (questions: number, seconds: number): ProjectorRun => ({
	player: startPlayer(questions * 2 + 1),
	questions,
	seconds,
	deadline: null
});

/** Move to step `to` (kept in range); asking a question of a timed quiz starts its countdown at `now`. */
export function projectTo(run: ProjectorRun, to: number, now: number): ProjectorRun {
	const player = goTo(run.player, to);
	const slide = slideOf({ player, questions: run.questions });
	const asked = run.seconds > 0 && slide.kind === 'question' && !slide.revealed;
	return { ...run, player, deadline: asked ? now + run.seconds * 1000 : null };
}

/** Whole seconds left on the countdown at `now` (the full time before one starts). */
export function secondsLeft(run: ProjectorRun, now: number): number {
	if (run.deadline === null) return run.seconds;
	return Math.max(0, Math.ceil((run.deadline - now) / 1000));
}

/** The interval's beat: when the countdown reaches zero, the answer shows. */
export function projectorTick(run: ProjectorRun, now: number): ProjectorRun {
	if (run.deadline === null || secondsLeft(run, now) > 0) return run;
	return projectTo(run, run.player.shown + 1, now);
}
