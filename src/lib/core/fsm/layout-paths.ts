import type { NodeBox, Point } from './layout-types';

/** The geometry the diagram's arrows are drawn with: Bézier pieces, sampled paths, rounded corners, loops. */

const CORNER_RADIUS = 8;

export type Box = { x0: number; y0: number; x1: number; y1: number };
export const boxOf = (n: NodeBox, pad = 0): Box => ({
	x0: n.x - n.w / 2 - pad,
	y0: n.y - n.h / 2 - pad,
	x1: n.x + n.w / 2 + pad,
	y1: n.y + n.h / 2 + pad
});
export const inside = (p: Point, b: Box) => p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1;
const r1 = (v: number) => Math.round(v * 10) / 10;
export const fmt = (p: Point) => `${r1(p.x)} ${r1(p.y)}`;

export function quad(p0: Point, c: Point, p1: Point, t: number): Point {
	const u = 1 - t;
	return { x: u * u * p0.x + 2 * u * t * c.x + t * t * p1.x, y: u * u * p0.y + 2 * u * t * c.y + t * t * p1.y };
}

/** The part of a quadratic Bézier between t0 and t1, as a new quadratic. */
export function subQuad(p0: Point, c: Point, p1: Point, t0: number, t1: number): [Point, Point, Point] {
	const a = quad(p0, c, p1, t0);
	const b = quad(p0, c, p1, t1);
	// Control point of the sub-curve: the tangent lines at t0 and t1 meet there.
	const lerp = (p: Point, q: Point, t: number): Point => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
	const ctrl = lerp(a, lerp(c, p1, t0), (t1 - t0) / (1 - t0 || 1));
	return [a, ctrl, b];
}

export const SAMPLES = 120;
export function sampleQuad(p0: Point, c: Point, p1: Point): Point[] {
	return Array.from({ length: SAMPLES + 1 }, (_, i) => quad(p0, c, p1, i / SAMPLES));
}

export function samplePolyline(points: Point[]): Point[] {
	const out: Point[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const a = points[i]!;
		const b = points[i + 1]!;
		const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4));
		for (let k = 0; k < n; k++) out.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
	}
	out.push(points.at(-1)!);
	return out;
}

/** A polyline with rounded corners. */
export function roundedPath(points: Point[], radius = CORNER_RADIUS): string {
	let d = `M${fmt(points[0]!)}`;
	for (let i = 1; i + 1 < points.length; i++) {
		const prev = points[i - 1]!;
		const p = points[i]!;
		const next = points[i + 1]!;
		const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
		const outLen = Math.hypot(next.x - p.x, next.y - p.y);
		const r = Math.min(radius, inLen / 2, outLen / 2);
		const a = { x: p.x - ((p.x - prev.x) / inLen) * r, y: p.y - ((p.y - prev.y) / inLen) * r };
		const b = { x: p.x + ((next.x - p.x) / outLen) * r, y: p.y + ((next.y - p.y) / outLen) * r };
		d += ` L${fmt(a)} Q${fmt(p)} ${fmt(b)}`;
	}
	return `${d} L${fmt(points.at(-1)!)}`;
}

/** Places a state's own loop may sit: on a side (and where along it), pointing outward. */
export const LOOP_SPOTS: { side: 'top' | 'bottom' | 'left' | 'right'; along: number }[] = [
	{ side: 'top', along: -0.3 },
	{ side: 'top', along: 0.3 },
	{ side: 'left', along: 0 },
	{ side: 'right', along: 0 },
	{ side: 'bottom', along: -0.3 },
	{ side: 'bottom', along: 0.3 },
	{ side: 'top', along: 0 },
	{ side: 'bottom', along: 0 }
];

/** A small teardrop leaving a side of the box and coming back to it. */
export function loop(n: NodeBox, spot: (typeof LOOP_SPOTS)[number]) {
	const horizontal = spot.side === 'top' || spot.side === 'bottom';
	const normal = { x: spot.side === 'left' ? -1 : spot.side === 'right' ? 1 : 0, y: spot.side === 'top' ? -1 : spot.side === 'bottom' ? 1 : 0 };
	const tangent = { x: horizontal ? 1 : 0, y: horizontal ? 0 : 1 };
	const at = {
		x: n.x + normal.x * (n.w / 2) + tangent.x * spot.along * n.w,
		y: n.y + normal.y * (n.h / 2) + tangent.y * spot.along * n.h
	};
	const move = (p: Point, t: number, o: number) => ({ x: p.x + tangent.x * t + normal.x * o, y: p.y + tangent.y * t + normal.y * o });
	const start = move(at, -7, 0);
	const end = move(at, 7, 3);
	const c1 = move(at, -22, 30);
	const c2 = move(at, 22, 30);
	const samples = Array.from({ length: 41 }, (_, i) => {
		const t = i / 40;
		const u = 1 - t;
		return {
			x: u * u * u * start.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * end.x,
			y: u * u * u * start.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * end.y
		};
	}).slice(3, -3);
	return {
		spot,
		samples,
		d: `M${fmt(start)} C${fmt(c1)} ${fmt(c2)} ${fmt(end)}`,
		label: move(at, 0, 34)
	};
}
