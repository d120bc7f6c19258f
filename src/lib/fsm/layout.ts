import { roleOf, type Role } from './roles';
import { STATES, type State } from './states';
import { TRANSITIONS, type Transition } from './transitions';

/**
 * Where the state diagram puts each state and how it draws each arrow, computed from the table:
 * the classic shape of RFC 9293 Figure 5, with the client's path down the left, the server's down
 * the right and the states both sides pass through (or only meet when acting at once) in the middle.
 *
 * Columns come from who passes through a state (roles.ts); rows from the longest path from CLOSED
 * over the table's forward transitions. Arrows are one per (from, to) pair; a pair that leads back
 * to CLOSED from far below runs along a rail at the side, and a state's own loop sits at the corner
 * with the most room.
 */

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

const NODE_W = 112;
const NODE_H = 34;
const COLUMN_GAP = 138;
const ROW_GAP = 70;
const MARGIN_X = 30;
const MARGIN_TOP = 44;
const MARGIN_BOTTOM = 30;
const RAIL_INSET = 9;
const CORNER_RADIUS = 8;

const COLUMN_OF: Record<Role, Column> = {
	active_opener: 0,
	active_closer: 0,
	both: 1,
	simultaneous_open: 1,
	simultaneous_close: 1,
	passive_opener: 2,
	passive_closer: 2
};

export const pairId = (from: State, to: State) => `${from}>${to}`;
/** The arrow that draws a transition. */
export const edgeIdOf = (t: Pick<Transition, 'from' | 'to'>) => pairId(t.from, t.to);

/**
 * The abnormal exits: an abort, a reset, giving up (the user timeout; TIME_WAIT's 2MSL timer is the
 * normal way out), or a half-open connection going back to LISTEN.
 */
const isEscape = (t: Transition) =>
	t.event === 'abort' || t.event === 'recv_rst' || t.event === 'user_timeout' || (t.to === 'LISTEN' && t.from !== 'CLOSED');

/** Rows: longest path from CLOSED over forward, same-side transitions, then each state pulled down next to its successors. */
function rankStates(table: readonly Transition[], column: Record<State, Column>): Record<State, number> {
	// Forward edges: a depth-first walk from CLOSED in table order drops the edges that close a cycle.
	const forward: Transition[] = [];
	const onStack = new Set<State>();
	const done = new Set<State>();
	const visit = (s: State) => {
		onStack.add(s);
		for (const t of table) {
			if (t.from !== s || t.to === s || onStack.has(t.to)) continue;
			forward.push(t);
			if (!done.has(t.to)) visit(t.to);
		}
		onStack.delete(s);
		done.add(s);
	};
	visit('CLOSED');
	// Edges that cross from one side to the other (LISTEN → SYN_SENT, SYN_SENT → SYN_RECEIVED) do not push rows apart.
	const ranking = forward.filter((t) => Math.abs(column[t.from] - column[t.to]) < 2);
	const rank = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
	for (let changed = true, guard = 0; changed && guard < STATES.length + 1; guard++) {
		changed = false;
		for (const t of ranking) {
			if (rank[t.to] < rank[t.from] + 1) {
				rank[t.to] = rank[t.from] + 1;
				changed = true;
			}
		}
	}
	// Pull each state down to just above its nearest successor (so SYN_SENT sits beside SYN_RECEIVED).
	const byRankDesc = [...STATES].sort((a, b) => rank[b] - rank[a]);
	for (const s of byRankDesc) {
		const next = ranking.filter((t) => t.from === s).map((t) => rank[t.to]);
		if (next.length > 0) rank[s] = Math.max(rank[s], Math.min(...next) - 1);
	}
	return rank;
}

// ——— geometry ———

type Box = { x0: number; y0: number; x1: number; y1: number };
const boxOf = (n: NodeBox, pad = 0): Box => ({
	x0: n.x - n.w / 2 - pad,
	y0: n.y - n.h / 2 - pad,
	x1: n.x + n.w / 2 + pad,
	y1: n.y + n.h / 2 + pad
});
const inside = (p: Point, b: Box) => p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1;
const r1 = (v: number) => Math.round(v * 10) / 10;
const fmt = (p: Point) => `${r1(p.x)} ${r1(p.y)}`;

function quad(p0: Point, c: Point, p1: Point, t: number): Point {
	const u = 1 - t;
	return { x: u * u * p0.x + 2 * u * t * c.x + t * t * p1.x, y: u * u * p0.y + 2 * u * t * c.y + t * t * p1.y };
}

/** The part of a quadratic Bézier between t0 and t1, as a new quadratic. */
function subQuad(p0: Point, c: Point, p1: Point, t0: number, t1: number): [Point, Point, Point] {
	const a = quad(p0, c, p1, t0);
	const b = quad(p0, c, p1, t1);
	// Control point of the sub-curve: the tangent lines at t0 and t1 meet there.
	const lerp = (p: Point, q: Point, t: number): Point => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
	const ctrl = lerp(a, lerp(c, p1, t0), (t1 - t0) / (1 - t0 || 1));
	return [a, ctrl, b];
}

const SAMPLES = 120;
function sampleQuad(p0: Point, c: Point, p1: Point): Point[] {
	return Array.from({ length: SAMPLES + 1 }, (_, i) => quad(p0, c, p1, i / SAMPLES));
}

function samplePolyline(points: Point[]): Point[] {
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
function roundedPath(points: Point[], radius = CORNER_RADIUS): string {
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

/** Build the layout of a transition table (the RFC's by default). */
export function buildLayout(table: readonly Transition[] = TRANSITIONS): DiagramLayout {
	const column = Object.fromEntries(STATES.map((s) => [s, COLUMN_OF[roleOf(s)]])) as Record<State, Column>;
	const rank = rankStates(table, column);
	const rows = Math.max(...STATES.map((s) => rank[s])) + 1;
	const width = MARGIN_X * 2 + NODE_W + COLUMN_GAP * 2;
	const height = MARGIN_TOP + (rows - 1) * ROW_GAP + NODE_H / 2 + MARGIN_BOTTOM;

	const nodes: NodeBox[] = STATES.map((state) => ({
		state,
		column: column[state],
		row: rank[state],
		x: MARGIN_X + NODE_W / 2 + column[state] * COLUMN_GAP,
		y: MARGIN_TOP + rank[state] * ROW_GAP,
		w: NODE_W,
		h: NODE_H
	})).sort((a, b) => a.row - b.row || a.column - b.column);
	const node = Object.fromEntries(nodes.map((n) => [n.state, n])) as Record<State, NodeBox>;

	// One arrow per pair, in table order.
	const pairs = new Map<string, Transition[]>();
	for (const t of table) pairs.set(edgeIdOf(t), [...(pairs.get(edgeIdOf(t)) ?? []), t]);

	const clear = (points: Point[], except: State[], pad = 3) => {
		const boxes = nodes.filter((n) => !except.includes(n.state)).map((n) => boxOf(n, pad));
		return points.every((p) => boxes.every((b) => !inside(p, b)));
	};

	const edges: Edge[] = [];
	const drawn: Point[] = [];

	/** A curve from centre to centre, bent by `bend` to its right, trimmed to the two boxes. */
	function curve(from: NodeBox, to: NodeBox, bend: number) {
		const p0 = { x: from.x, y: from.y };
		const p1 = { x: to.x, y: to.y };
		const len = Math.hypot(p1.x - p0.x, p1.y - p0.y);
		const normal = { x: -(p1.y - p0.y) / len, y: (p1.x - p0.x) / len };
		const c = { x: (p0.x + p1.x) / 2 + normal.x * bend * 2, y: (p0.y + p1.y) / 2 + normal.y * bend * 2 };
		const samples = sampleQuad(p0, c, p1);
		const fromBox = boxOf(from, 1);
		const toBox = boxOf(to, 4);
		const i0 = samples.findIndex((p) => !inside(p, fromBox));
		const i1 = samples.findLastIndex((p) => !inside(p, toBox));
		const [a, ctrl, b] = subQuad(p0, c, p1, i0 / SAMPLES, i1 / SAMPLES);
		return { samples: samples.slice(i0, i1 + 1), d: `M${fmt(a)} Q${fmt(ctrl)} ${fmt(b)}`, label: quad(a, ctrl, b, 0.5) };
	}

	/** Back to CLOSED along the rail on one side: out of the box, along, up and in. */
	function rail(from: NodeBox, to: NodeBox) {
		const side = from.column === 0 ? -1 : 1;
		const railX = side < 0 ? RAIL_INSET : width - RAIL_INSET;
		const start = { x: from.x + (side * from.w) / 2, y: from.y };
		let points: Point[] = [start, { x: railX, y: from.y }];
		if (!clear(samplePolyline(points), [from.state])) {
			// Blocked sideways (a state beside it): leave from below and run under the row.
			const below = from.y + ROW_GAP / 2;
			points = [{ x: from.x, y: from.y + from.h / 2 }, { x: from.x, y: below }, { x: railX, y: below }];
		}
		const turn = points.at(-1)!;
		const entry = { x: to.x + side * (to.w / 2 + 4), y: to.y };
		points = [...points, { x: railX, y: to.y }, entry];
		return { samples: samplePolyline(points), d: roundedPath(points), label: { x: railX, y: turn.y - 16 } };
	}

	for (const [id, transitions] of pairs) {
		const { from, to } = transitions[0]!;
		if (from === to) continue;
		const escape = transitions.every(isEscape);
		const a = node[from];
		const b = node[to];
		const reverse = pairs.has(pairId(to, from));
		let route: { samples: Point[]; d: string; label: Point } | undefined;
		let shape: EdgeShape = 'line';
		if (!(to === 'CLOSED' && escape)) {
			// Straight (or slightly apart from its reverse); else bend further, nearest first, outward first.
			const base = reverse ? 12 : 0;
			const outward = a.column === 0 ? -1 : 1;
			for (const extra of [0, 10, 20, 30, 40, 50, 60, 70]) {
				const tries = extra === 0 ? [base] : [base + extra * outward, base - extra * outward];
				route = tries.map((bend) => curve(a, b, bend)).find((r) => clear(r.samples, [from, to]));
				if (route) break;
			}
		}
		if (!route && to === 'CLOSED') {
			route = rail(a, b);
			shape = 'rail';
		}
		if (!route) throw new Error(`no room to draw ${id}`);
		drawn.push(...route.samples);
		edges.push({ id, from, to, transitions, shape, escape, d: route.d, label: route.label });
	}

	// Loops last, at the corner of the box farthest from every arrow already drawn.
	for (const [id, transitions] of pairs) {
		const { from, to } = transitions[0]!;
		if (from !== to) continue;
		const n = node[from];
		// The first spot (in order of preference) with the most room, counting room up to 16 units.
		const options = LOOP_SPOTS.map((spot) => loop(n, spot));
		const score = (o: ReturnType<typeof loop>) => {
			const blocked = clear(o.samples, [from], 2) ? 0 : 1000;
			const xs = o.samples.map((p) => p.x);
			const ys = o.samples.map((p) => p.y);
			const [x0, x1, y0, y1] = [Math.min(...xs) - 16, Math.max(...xs) + 16, Math.min(...ys) - 16, Math.max(...ys) + 16];
			const near = drawn.filter((q) => q.x > x0 && q.x < x1 && q.y > y0 && q.y < y1);
			let nearest = 16;
			for (const p of o.samples) for (const q of near) nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
			const outside = o.samples.every((p) => p.x > 2 && p.x < width - 2 && p.y > 2 && p.y < height - 2) ? 0 : 1000;
			return Math.min(Math.floor(nearest), 16) - blocked - outside;
		};
		const best = options.reduce((x, y) => (score(y) > score(x) ? y : x));
		drawn.push(...best.samples);
		edges.push({ id, from, to, transitions, shape: 'loop', escape: transitions.every(isEscape), d: best.d, label: best.label });
	}
	return { width, height, nodes, edges };
}

/** Places a state's own loop may sit: on a side (and where along it), pointing outward. */
const LOOP_SPOTS: { side: 'top' | 'bottom' | 'left' | 'right'; along: number }[] = [
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
function loop(n: NodeBox, spot: (typeof LOOP_SPOTS)[number]) {
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

/** The diagram of RFC 9293's machine. */
export const LAYOUT: DiagramLayout = buildLayout();

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
