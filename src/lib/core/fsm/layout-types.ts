import type { State } from './states';
import type { Transition } from './transitions';

/** The shapes the state diagram's layout is made of (layout.ts computes them). */

export type Column = 0 | 1 | 2;

export interface Point {
	x: number;
	y: number;
}

export interface NodeBox {
	state: State;
	column: Column;
	row: number;
	/** Centre. */
	x: number;
	y: number;
	w: number;
	h: number;
}

export type EdgeShape = 'line' | 'rail' | 'loop';

export interface Edge {
	/** `FROM>TO`: one arrow per pair of states. */
	id: string;
	from: State;
	to: State;
	/** The machine's rows this arrow stands for, in table order. */
	transitions: Transition[];
	shape: EdgeShape;
	/** Only abort, RST or the user timeout: the abnormal ways out, drawn quieter. */
	escape: boolean;
	/** SVG path data, from the edge of `from` to the edge of `to`. */
	d: string;
	/** Where a label for the arrow goes. */
	label: Point;
}

export interface DiagramLayout {
	width: number;
	height: number;
	/** Every state once, in reading order (row by row, left to right): the keyboard's Tab order. */
	nodes: NodeBox[];
	/** Every (from, to) pair of the table once: transitions between states first, loops last. */
	edges: Edge[];
}
