/** Geometry of the simulator's sequence diagram that is worth testing without a browser. */

/** The arrowhead drawn at the end of a segment: its length along the line. */
export const ARROWHEAD = 9;
/** Room kept free between a label and the arrowhead. */
export const LABEL_GAP = 6;

/**
 * Approximate width of a label in the diagram's units: CJK characters are square, the rest are
 * taken a little wider than an average Latin glyph (labels are semi-bold and full of digits), so
 * the estimate errs towards too wide.
 */
export const labelWidth = (text: string, size: number) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.64), 0);

export interface LabelPlace {
	x: number;
	y: number;
	/** Degrees, turned so the text never reads upside down. */
	angle: number;
	/** Distance of the label's centre from the segment's start, along it. */
	along: number;
}

/**
 * Where a delivered segment's label sits: centred on the line where it fits, otherwise slid back
 * towards the sender, so its end keeps clear of the arrowhead at the receiver.
 */
export function labelAlong(x1: number, y1: number, x2: number, y2: number, width: number): LabelPlace {
	const length = Math.hypot(x2 - x1, y2 - y1);
	// The head wins over the tail: a label too long for its line overhangs the sender's end instead.
	const along = Math.min(length / 2, length - ARROWHEAD - LABEL_GAP - width / 2);
	const f = length === 0 ? 0 : along / length;
	let angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
	if (angle > 90) angle -= 180;
	if (angle < -90) angle += 180;
	return { x: x1 + (x2 - x1) * f, y: y1 + (y2 - y1) * f, angle, along };
}
