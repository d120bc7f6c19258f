import { boxOf, fmt, inside, loop, LOOP_SPOTS, quad, roundedPath, sampleQuad, samplePolyline, SAMPLES, subQuad } from './layout-paths';
import { columnsOf, isEscape, rankStates } from './layout-rows';
import type { DiagramLayout, Edge, EdgeShape, NodeBox, Point } from './layout-types';
import { STATES, type State } from './states';
import { TRANSITIONS, type Transition } from './transitions';

export * from './layout-types';
export * from './layout-keys';

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

const NODE_W = 112;
const NODE_H = 34;
const COLUMN_GAP = 138;
const ROW_GAP = 70;
const MARGIN_X = 30;
const MARGIN_TOP = 44;
const MARGIN_BOTTOM = 30;
const RAIL_INSET = 9;

export const pairId = (from: State, to: State) => `${from}>${to}`;
/** The arrow that draws a transition. */
export const edgeIdOf = (t: Pick<Transition, 'from' | 'to'>) => pairId(t.from, t.to);

/** Build the layout of a transition table (the RFC's by default). */
export function buildLayout(table: readonly Transition[] = TRANSITIONS): DiagramLayout {
	const column = columnsOf();
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

let rfc: DiagramLayout | null = null;

/**
 * The diagram of RFC 9293's machine, laid out when first drawn. Not at import: most pages import the
 * machine and never draw it, and laying it out cost each of them ~20 ms on a phone profile.
 */
export function rfcLayout(): DiagramLayout {
	return (rfc ??= buildLayout());
}
