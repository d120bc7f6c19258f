/**
 * One player for everything that is shown a step at a time: the simulator's scenarios, the
 * diagram's presets and the classroom projector. Pure: the page keeps the interval that calls
 * `tick`, and redraws from the state.
 */
export interface StepPlayer {
	/** How many steps there are. */
	total: number;
	/** How many of them have happened: 0 is before the first, `total` after the last. */
	shown: number;
	/** Whether it moves on by itself (the page's interval calls `tick`). */
	playing: boolean;
}

export const startPlayer = (total: number): StepPlayer => ({ total: Math.max(0, total), shown: 0, playing: false });

export const atStart = (p: StepPlayer) => p.shown === 0;
export const atEnd = (p: StepPlayer) => p.shown >= p.total;

/** Go to step `to`, kept within 0…total. */
export function goTo(p: StepPlayer, to: number): StepPlayer {
	return { ...p, shown: Math.max(0, Math.min(p.total, to)) };
}

export const forward = (p: StepPlayer) => goTo(p, p.shown + 1);
export const back = (p: StepPlayer) => goTo(p, p.shown - 1);

/** Back to before the first step, stopped. */
export const rewind = (p: StepPlayer): StepPlayer => ({ ...p, shown: 0, playing: false });

/** A different number of steps (a move built or taken back): what has happened stays, within the new total. */
export function resize(p: StepPlayer, total: number): StepPlayer {
	const t = Math.max(0, total);
	return { ...p, total: t, shown: Math.min(p.shown, t) };
}

/** Start playing; from the end it starts over. The first step is the caller's to take (`forward`). */
export function play(p: StepPlayer): StepPlayer {
	return { ...p, shown: atEnd(p) ? 0 : p.shown, playing: true };
}

export const pause = (p: StepPlayer): StepPlayer => (p.playing ? { ...p, playing: false } : p);

/** The interval's beat: one step on while playing, and stopped at the end. */
export function tick(p: StepPlayer): StepPlayer {
	if (!p.playing || atEnd(p)) return pause(p);
	return forward(p);
}
