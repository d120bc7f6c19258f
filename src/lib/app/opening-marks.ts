/**
 * The steps of a learner's page opening, as User Timing marks: devtools' Performance panel shows
 * them, and the bench prints where a cold open's time goes from them (scripts/bench/browser.ts).
 */
export const OPENING = {
	/** The layout's module has run: the framework and the page's code are in. */
	started: 'tcp-quest:started',
	/** The page knows it shows progress and asks for the app layer (and opens storage). */
	asked: 'tcp-quest:app-layer-asked',
	/** The app layer's code has run. */
	loaded: 'tcp-quest:app-layer-loaded',
	/** Settings, schedule and the last days are read from storage: the page renders them next. */
	read: 'tcp-quest:progress-read',
	/** Home's due counts are on screen: the frame that first shows them (a cold open's "usable"). */
	shown: 'tcp-quest:figures-shown',
	/** XP, streak and quests are on screen: the frame that first shows them (a cold open's "complete"). */
	game: 'tcp-quest:game-shown'
} as const;

export type OpeningStep = (typeof OPENING)[keyof typeof OPENING];

/** Marks a step once per page life (a later navigation does not move it). */
export function markOpening(step: OpeningStep): void {
	const timing = globalThis.performance;
	if (typeof timing?.mark !== 'function' || timing.getEntriesByName(step).length > 0) return;
	timing.mark(step);
}

/**
 * An attachment (`{@attach markShown(step)}`) that marks `step` at the start of the first frame
 * that draws its element: what a reader sees, timed by the page itself, so the bench can read it
 * afterwards from a browser no tool was attached to while it loaded.
 */
export const markShown = (step: OpeningStep) => (): void => {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => markOpening(step));
};
