import { describe, expect, it } from 'vitest';
import { buildLayout, edgeIdOf, neighbour, rfcLayout, STATES, TRANSITIONS, type State } from '../../src/lib/core/fsm';

const LAYOUT = rfcLayout();
const nodeOf = (s: State) => LAYOUT.nodes.find((n) => n.state === s)!;

/** Points along an SVG path made of M, L, Q and C commands (all this layout uses). */
function pathPoints(d: string): { x: number; y: number }[] {
	const tokens = d.match(/[MLQC]|-?\d+(?:\.\d+)?/g)!;
	const out: { x: number; y: number }[] = [];
	let cmd = '';
	let nums: number[] = [];
	let at = { x: 0, y: 0 };
	const flush = () => {
		const pts = [];
		for (let i = 0; i + 1 < nums.length; i += 2) pts.push({ x: nums[i]!, y: nums[i + 1]! });
		if (cmd === 'M' || cmd === 'L') for (const p of pts) { out.push(p); at = p; }
		const sample = (f: (t: number) => { x: number; y: number }) => { for (let k = 1; k <= 40; k++) out.push(f(k / 40)); };
		if (cmd === 'Q') {
			const [c, p] = pts as [{ x: number; y: number }, { x: number; y: number }];
			const a = at;
			sample((t) => ({ x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * c.x + t * t * p.x, y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * c.y + t * t * p.y }));
			at = p;
		}
		if (cmd === 'C') {
			const [c1, c2, p] = pts as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
			const a = at;
			const u = (t: number) => 1 - t;
			sample((t) => ({
				x: u(t) ** 3 * a.x + 3 * u(t) ** 2 * t * c1.x + 3 * u(t) * t * t * c2.x + t ** 3 * p.x,
				y: u(t) ** 3 * a.y + 3 * u(t) ** 2 * t * c1.y + 3 * u(t) * t * t * c2.y + t ** 3 * p.y
			}));
			at = p;
		}
		nums = [];
	};
	for (const tok of tokens) {
		if (/[MLQC]/.test(tok)) {
			flush();
			cmd = tok;
		} else nums.push(Number(tok));
	}
	flush();
	return out;
}

describe('state diagram layout', () => {
	it('is laid out once, on first use, and shared by every diagram after', () => {
		expect(rfcLayout()).toBe(LAYOUT);
		expect(rfcLayout()).toEqual(buildLayout());
	});

	it('the layout contains every state and every transition of the machine exactly once', () => {
		expect(LAYOUT.nodes.map((n) => n.state).sort()).toEqual([...STATES].sort());
		const drawn = LAYOUT.edges.flatMap((e) => e.transitions);
		expect(drawn).toHaveLength(TRANSITIONS.length);
		for (const t of TRANSITIONS) expect(drawn.filter((d) => d === t), `${t.from} ${t.event} ${t.cond ?? ''}`).toHaveLength(1);
		// One arrow per pair of states, and each transition sits on the arrow of its own pair.
		expect(new Set(LAYOUT.edges.map((e) => e.id)).size).toBe(LAYOUT.edges.length);
		for (const e of LAYOUT.edges) for (const t of e.transitions) expect(edgeIdOf(t)).toBe(e.id);
	});

	it('is computed from the table: a different table draws different arrows', () => {
		const smaller = TRANSITIONS.filter((t) => t.event !== 'abort');
		const layout = buildLayout(smaller);
		expect(layout.edges.flatMap((e) => e.transitions)).toHaveLength(smaller.length);
	});

	it('has the classic shape: client down the left, server down the right, shared states in the middle', () => {
		for (const s of ['SYN_SENT', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'] as const) expect(nodeOf(s).column, s).toBe(0);
		for (const s of ['LISTEN', 'SYN_RECEIVED', 'CLOSE_WAIT', 'LAST_ACK'] as const) expect(nodeOf(s).column, s).toBe(2);
		for (const s of ['CLOSED', 'ESTABLISHED', 'CLOSING'] as const) expect(nodeOf(s).column, s).toBe(1);
		// Time flows down: the handshake above ESTABLISHED, the teardown below it.
		const row = (s: State) => nodeOf(s).row;
		expect(row('CLOSED')).toBe(0);
		expect(row('SYN_SENT')).toBe(row('SYN_RECEIVED'));
		expect(row('LISTEN')).toBeLessThan(row('SYN_RECEIVED'));
		expect(row('SYN_RECEIVED')).toBeLessThan(row('ESTABLISHED'));
		expect(row('ESTABLISHED')).toBeLessThan(row('FIN_WAIT_1'));
		expect(row('FIN_WAIT_1')).toBe(row('CLOSE_WAIT'));
		expect(row('FIN_WAIT_2')).toBe(row('CLOSING'));
		expect(row('CLOSING')).toBeLessThan(row('TIME_WAIT'));
	});

	it('draws no two states on top of each other, and every state inside the picture', () => {
		for (const a of LAYOUT.nodes) {
			expect(a.x - a.w / 2).toBeGreaterThan(0);
			expect(a.x + a.w / 2).toBeLessThan(LAYOUT.width);
			expect(a.y + a.h / 2).toBeLessThan(LAYOUT.height);
			for (const b of LAYOUT.nodes)
				if (a !== b) expect(Math.abs(a.x - b.x) >= a.w || Math.abs(a.y - b.y) >= a.h, `${a.state} / ${b.state}`).toBe(true);
		}
	});

	it('draws self-loops as loops and no arrow through a state it does not connect', () => {
		for (const e of LAYOUT.edges) {
			expect(e.shape === 'loop', e.id).toBe(e.from === e.to);
			const points = pathPoints(e.d);
			expect(points.length).toBeGreaterThan(2);
			for (const p of points) {
				expect(p.x, e.id).toBeGreaterThanOrEqual(0);
				expect(p.x, e.id).toBeLessThanOrEqual(LAYOUT.width);
				expect(p.y, e.id).toBeGreaterThanOrEqual(0);
				for (const n of LAYOUT.nodes) {
					if (n.state === e.from || n.state === e.to) continue;
					const within = Math.abs(p.x - n.x) < n.w / 2 && Math.abs(p.y - n.y) < n.h / 2;
					expect(within, `${e.id} crosses ${n.state}`).toBe(false);
				}
			}
		}
	});

	it('moves between states with the arrow keys', () => {
		expect(neighbour(LAYOUT, 'CLOSED', 'down')).toBe('LISTEN');
		expect(neighbour(LAYOUT, 'ESTABLISHED', 'down')).toBe('FIN_WAIT_1');
		expect(neighbour(LAYOUT, 'FIN_WAIT_1', 'down')).toBe('FIN_WAIT_2');
		expect(neighbour(LAYOUT, 'FIN_WAIT_1', 'right')).toBe('CLOSE_WAIT');
		expect(neighbour(LAYOUT, 'SYN_SENT', 'right')).toBe('SYN_RECEIVED');
		expect(neighbour(LAYOUT, 'CLOSED', 'up')).toBeUndefined();
		// Every state can be reached from CLOSED by arrow keys alone.
		const seen = new Set<State>(['CLOSED']);
		const queue: State[] = ['CLOSED'];
		while (queue.length) {
			const s = queue.shift()!;
			for (const dir of ['up', 'down', 'left', 'right'] as const) {
				const n = neighbour(LAYOUT, s, dir);
				if (n && !seen.has(n)) {
					seen.add(n);
					queue.push(n);
				}
			}
		}
		expect(seen.size).toBe(STATES.length);
	});
});
