/** Which ends of a sideways-scrolling row have more content past them. */
export type Overflow = 'none' | 'left' | 'right' | 'both';

/** `slack` absorbs sub-pixel scroll positions, so a row scrolled to its end reads as at the end. */
export function overflowSides(scrollLeft: number, scrollWidth: number, clientWidth: number, slack = 2): Overflow {
	const left = scrollLeft > slack;
	const right = scrollLeft + clientWidth < scrollWidth - slack;
	return left && right ? 'both' : left ? 'left' : right ? 'right' : 'none';
}

/**
 * Reports which ends of a sideways-scrolling row hide more (for a fade at that edge): on scroll,
 * and when the row or any item in it changes size, as on a change of language.
 */
export function overflowHint(node: HTMLElement, onchange: (more: Overflow) => void) {
	let last: Overflow | undefined;
	const update = () => {
		const more = overflowSides(node.scrollLeft, node.scrollWidth, node.clientWidth);
		if (more !== last) onchange((last = more));
	};
	const resized = new ResizeObserver(update);
	resized.observe(node);
	for (const child of node.children) resized.observe(child);
	node.addEventListener('scroll', update, { passive: true });
	update();
	return {
		destroy() {
			resized.disconnect();
			node.removeEventListener('scroll', update);
		}
	};
}
