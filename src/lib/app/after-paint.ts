/**
 * Resolves once the browser has painted the next frame (a task after that frame's animation
 * callbacks), so that work started then does not hold back what the page has just rendered. Where
 * no frame comes (a hidden tab paints none), after `timeout` ms; at once where there are no frames.
 */
export function afterNextPaint(timeout = 100): Promise<void> {
	if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		const timer = setTimeout(done, timeout);
		requestAnimationFrame(() => setTimeout(done, 0));
	});
}
