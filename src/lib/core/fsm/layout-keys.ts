import type { State } from './states';
import type { DiagramLayout } from './layout-types';

export type Direction = 'up' | 'down' | 'left' | 'right';

function lexLess(a: number[], b: number[]): boolean {
	const i = a.findIndex((v, k) => v !== b[k]);
	return i >= 0 && a[i]! < b[i]!;
}

/** The state an arrow key moves to: up and down go to the nearest row, left and right stay on the row if they can. */
export function neighbour(layout: DiagramLayout, from: State, direction: Direction): State | undefined {
	const a = layout.nodes.find((n) => n.state === from);
	if (!a) return undefined;
	const vertical = direction === 'up' || direction === 'down';
	let best: { state: State; cost: number[] } | undefined;
	for (const b of layout.nodes) {
		if (b === a) continue;
		const dx = b.x - a.x;
		const dy = b.y - a.y;
		const along = direction === 'up' ? -dy : direction === 'down' ? dy : direction === 'left' ? -dx : dx;
		const across = vertical ? Math.abs(dx) : Math.abs(dy);
		if (along <= 0) continue;
		// Nearest row (or column) first, then the closest along it, then reading order.
		const cost = vertical ? [along, across, dx] : [across, along, dy];
		if (!best || lexLess(cost, best.cost)) best = { state: b.state, cost };
	}
	return best?.state;
}
