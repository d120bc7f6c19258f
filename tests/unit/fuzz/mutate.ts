/**
 * A small, seeded fuzzer with no dependency: mutated copies of a valid input plus random files, the
 * same sequence for the same seed so any failure replays exactly. Any parser that takes text
 * (backup files, quiz and result codes) can use it: give it valid samples and a check per input.
 */
import { rng as seeded } from '../../../src/lib/core/random';

/** The app's seeded generator (mulberry32), with the picks a fuzzer needs. */
export function rng(seed: number) {
	const next = seeded(seed);
	const int = (n: number) => Math.floor(next() * n);
	return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof rng>;

/** Values that break naive code: wrong types, edge numbers, markup, prototype keys. */
export const NASTY_VALUES: readonly unknown[] = [
	null,
	true,
	false,
	0,
	-0,
	-1,
	1.5,
	2 ** 53,
	-(2 ** 53),
	Number.MAX_VALUE,
	8.64e15 + 1,
	'',
	'0',
	'1',
	'null',
	'NaN',
	'2025-01-01T00:00:00Z',
	'<img src=x onerror=alert(1)>',
	'__proto__',
	'constructor',
	'\u0000\uffff\ud800',
	'‮evil',
	[],
	[null],
	{},
	{ __proto__: null },
	{ length: 1e9 }
];

/** Keys that pollute prototypes when copied carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Number literals JSON.stringify cannot write but a hand-made file can hold (or that mean Infinity). */
const NUMBER_LITERALS = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '-0', '0.0000000000000000000001', '9007199254740993', '1E+400', '01', '.5', '0x10'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container in a value with the path to it, so one can be picked at random. */
function containers(value: Json, out: (Json[] | { [k: string]: Json })[] = []): (Json[] | { [k: string]: Json })[] {
	if (value !== null && typeof value === 'object') {
		out.push(value);
		for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, out);
	}
	return out;
}

/** The indexes of an array or the keys of an object: the places a value can be put. */
const slots = (c: Json[] | { [k: string]: Json }): (string | number)[] => (Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c));

const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

function randomJson(r: Rng, depth = 0): Json {
	const k = r.int(depth > 3 ? 4 : 7);
	if (k === 0) return null;
	if (k === 1) return r.chance(0.5);
	if (k === 2) return r.pick([0, 1, -1, r.next() * 1e6, 1e308, 4, 3]);
	if (k === 3) return r.pick(['', 'x', 'flashcard', 'quiz', 'undo', 'card:x', 'tcp-quest-backup', '<b>', '__proto__']);
	if (k === 4 || k === 5) return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
	const o: { [k: string]: Json } = {};
	for (let i = r.int(4); i > 0; i--) o[r.pick(['id', 'kind', 'at', 'format', 'version', 'reviews', 'x', ...POLLUTING_KEYS])] = randomJson(r, depth + 1);
	return o;
}

/** Structure-aware mutations: the file stays JSON but its shape, types or values are wrong. */
const VALUE_MUTATIONS: Record<string, (v: Json, r: Rng) => Json> = {
	swapType(v, r) {
		const c = r.pick(containers(v));
		const keys = slots(c);
		if (keys.length === 0) return v;
		(c as Record<string | number, unknown>)[r.pick(keys)] = r.pick(NASTY_VALUES);
		return v;
	},
	deleteKey(v, r) {
		const objects = containers(v).filter((c) => !Array.isArray(c));
		const o = objects.length > 0 ? (r.pick(objects) as { [k: string]: Json }) : null;
		const keys = o ? Object.keys(o) : [];
		if (o && keys.length > 0) delete o[r.pick(keys)];
		return v;
	},
	addKey(v, r) {
		const objects = containers(v).filter((c) => !Array.isArray(c));
		if (objects.length === 0) return v;
		const o = r.pick(objects) as { [k: string]: Json };
		// defineProperty, so "__proto__" becomes an own key that JSON.stringify writes out.
		Object.defineProperty(o, r.pick([...POLLUTING_KEYS, 'extra', 'id ', 'ID']), { value: randomJson(r), enumerable: true, configurable: true, writable: true });
		return v;
	},
	duplicateItem(v, r) {
		const arrays = containers(v).filter(Array.isArray);
		const a = arrays.length > 0 ? r.pick(arrays) : null;
		if (a && a.length > 0) a.splice(r.int(a.length + 1), 0, clone(r.pick(a)));
		return v;
	},
	dropItems(v, r) {
		const arrays = containers(v).filter(Array.isArray);
		const a = arrays.length > 0 ? r.pick(arrays) : null;
		if (a) a.splice(r.int(a.length + 1), r.int(a.length + 1));
		return v;
	},
	shuffleItems(v, r) {
		for (const a of containers(v).filter(Array.isArray)) a.sort(() => r.next() - 0.5);
		return v;
	},
	replaceWithRandom(v, r) {
		const c = r.pick(containers(v));
		const keys = slots(c);
		if (keys.length > 0) (c as Record<string | number, Json>)[r.pick(keys)] = randomJson(r);
		return v;
	},
	wrongVersion(v, r) {
		if (v && typeof v === 'object' && !Array.isArray(v)) v.version = r.pick<Json>([0, 2, 99, -1, 1.5, '1', null, 1e308, [1]]);
		return v;
	}
};

/** Size and depth attacks: slow to make and to parse, so drawn for about 1 input in 100. */
const HUGE_VALUE_MUTATIONS: Record<string, (v: Json, r: Rng) => Json> = {
	hugeString(v, r) {
		const c = r.pick(containers(v));
		const keys = slots(c);
		if (keys.length > 0) (c as Record<string | number, Json>)[r.pick(keys)] = r.pick(['x', '<', '"', '字']).repeat(200_000 + r.int(800_000));
		return v;
	},
	hugeArray(v, r) {
		const c = r.pick(containers(v));
		const keys = slots(c);
		const item = r.pick<Json>([0, null, 'x', {}, [], { since: 0, timeZone: 'Europe/Paris' }, { since: 1, timeZone: 'x' }]);
		if (keys.length > 0) (c as Record<string | number, Json>)[r.pick(keys)] = Array.from({ length: 20_000 + r.int(80_000) }, (_, i) => (typeof item === 'object' && item && !Array.isArray(item) && 'timeZone' in item ? { since: i, timeZone: `Zone/${i}` } : item));
		return v;
	},
	growArray(v, r) {
		// An existing list made long, its items varied so they are not plain duplicates: many
		// distinct names are what make per-entry checks (time zones, ids) expensive.
		const arrays = containers(v).filter((c): c is Json[] => Array.isArray(c) && c.length > 0);
		if (arrays.length === 0) return v;
		const a = r.pick(arrays);
		const keepIds = r.chance(0.5);
		const vary = (x: Json, i: number): Json =>
			typeof x === 'string' ? `${x}${i}` : x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, k === 'id' && keepIds ? y : vary(y, i)])) : x;
		const items = a.slice();
		for (let i = 0, n = 5_000 + r.int(25_000); i < n; i++) a.push(vary(items[i % items.length]!, i));
		return v;
	}
};


/** Text mutations: what a broken disk, a bad editor or a hostile hand makes of a file. */
const TEXT_MUTATIONS: Record<string, (s: string, r: Rng) => string> = {
	flipBits(s, r) {
		const chars = [...s];
		for (let n = 1 + r.int(8); n > 0 && chars.length > 0; n--) {
			const i = r.int(chars.length);
			chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) ^ (1 << r.int(8)));
		}
		return chars.join('');
	},
	truncate: (s, r) => s.slice(0, r.int(s.length)),
	duplicateSlice(s, r) {
		const a = r.int(s.length);
		const b = a + r.int(Math.min(200, s.length - a) + 1);
		return s.slice(0, b) + s.slice(a, b) + s.slice(b);
	},
	deleteSlice(s, r) {
		const a = r.int(s.length);
		return s.slice(0, a) + s.slice(a + 1 + r.int(50));
	},
	insertGarbage(s, r) {
		const at = r.int(s.length + 1);
		const junk = r.pick(['\u0000', '\ufeff', '"', '\\', '{', '[', ']', '}', ',', ':', 'null', '\ud800', '/*x*/', '\n']);
		return s.slice(0, at) + junk + s.slice(at);
	},
	numberLiteral(s, r) {
		const numbers = [...s.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)];
		if (numbers.length === 0) return s;
		const m = r.pick(numbers);
		return s.slice(0, m.index) + r.pick(NUMBER_LITERALS) + s.slice(m.index + m[0].length);
	},
	pollutingKey(s, r) {
		// JSON.parse makes "__proto__" an own key; careless copying would still pollute.
		const at = s.indexOf('{', r.int(s.length));
		if (at < 0) return s;
		return `${s.slice(0, at + 1)}"${r.pick(POLLUTING_KEYS)}":${r.pick(['{"polluted":true}', '[]', 'null', '{"format":"tcp-quest-backup","version":1}'])},${s.slice(at + 1)}`;
	},
	bom: (s) => '\ufeff' + s,
	wrapped: (s, r) => r.pick([`[${s}]`, `${s}${s}`, `{"backup":${s}}`, `"${s.replace(/["\\]/g, '\\$&')}"`, ` \n\t${s}\n `])
};

const HUGE_TEXT_MUTATIONS: Record<string, (s: string, r: Rng) => string> = {
	hugeRepeat: (s, r) => s.repeat(Math.ceil((100_000 + r.int(900_000)) / Math.max(1, s.length))),
	deepNesting(s, r) {
		// Up to 100,000 levels inside a real field, or as the whole file.
		const n = r.pick([1_000, 10_000, 100_000]);
		const open = r.pick(['[', '{"a":']);
		const close = open === '[' ? ']' : '}';
		const deep = open.repeat(n) + '1' + close.repeat(n);
		if (r.chance(0.3)) return deep;
		const at = s.indexOf(':', r.int(s.length));
		if (at < 0) return deep;
		const end = s.slice(at + 1).search(/[,}\]]/);
		return end < 0 ? deep : s.slice(0, at + 1) + deep + s.slice(at + 1 + end);
	}
};

/** Files from nothing: bytes, random JSON, empty, whitespace. */
function randomFile(r: Rng): string {
	switch (r.int(5)) {
		case 0:
			return Array.from({ length: r.int(300) }, () => String.fromCharCode(r.int(0x10000))).join('');
		case 1:
			return JSON.stringify(randomJson(r));
		case 2:
			return r.pick(['', ' ', 'null', 'true', '0', '""', '[]', '{}', '{"format":"tcp-quest-backup"}', 'undefined', '\ufeff{}']);
		case 3:
			return Array.from({ length: r.int(500) }, () => r.pick('{}[]":,0123456789.eE-+tfnaulrsx\\ '.split(''))).join('');
		default:
			return r.pick(NUMBER_LITERALS);
	}
}

export interface FuzzInput {
	/** Which mutations made it, e.g. "text:truncate+value:swapType". */
	how: string;
	text: string;
}

const isJson = (s: string) => {
	try {
		JSON.parse(s);
		return true;
	} catch {
		return false;
	}
};

/**
 * `count` inputs from the valid `samples`: about 45% structure-aware, 40% text, 10% both, 4%
 * random files, 1% huge or deeply nested. Samples that are not JSON (codes, links) get text
 * mutations only. Deterministic for a given seed.
 */
export function* fuzzInputs(seed: number, samples: readonly string[], count: number): Generator<FuzzInput> {
	const r = rng(seed);
	const valueNames = Object.keys(VALUE_MUTATIONS);
	const textNames = Object.keys(TEXT_MUTATIONS);
	const json = new Map(samples.map((s) => [s, isJson(s)]));
	for (let i = 0; i < count; i++) {
		const roll = r.next();
		const sample = r.pick(samples);
		const structured = json.get(sample)!;
		if (roll < 0.01) {
			const name = r.pick([...(structured ? Object.keys(HUGE_VALUE_MUTATIONS) : []), ...Object.keys(HUGE_TEXT_MUTATIONS)]);
			const value = HUGE_VALUE_MUTATIONS[name];
			yield { how: `huge:${name}`, text: value ? JSON.stringify(value(JSON.parse(sample) as Json, r)) : HUGE_TEXT_MUTATIONS[name]!(sample, r) };
			continue;
		}
		if (roll < 0.05) {
			yield { how: 'random', text: randomFile(r) };
			continue;
		}
		const how: string[] = [];
		let text = sample;
		if (roll < 0.6 && structured) {
			let v = JSON.parse(sample) as Json;
			for (let n = 1 + r.int(3); n > 0; n--) {
				const name = r.pick(valueNames);
				how.push(`value:${name}`);
				v = VALUE_MUTATIONS[name]!(v, r);
			}
			text = JSON.stringify(v);
		}
		if (roll >= 0.5 || !structured) {
			for (let n = 1 + r.int(2); n > 0; n--) {
				const name = r.pick(textNames);
				how.push(`text:${name}`);
				text = TEXT_MUTATIONS[name]!(text, r);
			}
		}
		yield { how: how.join('+'), text };
	}
}

/**
 * The time a call takes, best of two when the first run is over `budgetMs`: a garbage-collection
 * pause or another process on a shared machine can stall one run, but not a real slowdown twice.
 */
export async function timed<T>(budgetMs: number, run: () => Promise<T> | T, rerun: () => Promise<T> | T = run): Promise<{ value: T; ms: number }> {
	let start = performance.now();
	const value = await run();
	let ms = performance.now() - start;
	if (ms > budgetMs) {
		start = performance.now();
		await rerun();
		ms = Math.min(ms, performance.now() - start);
	}
	return { value, ms };
}

const baselines = new Map<number, number>();

/**
 * How long this machine, right now, takes to JSON.parse a plain file of `chars` characters (best of
 * two). Bounds written as "no more than k times this" hold on a busy CI box as on an idle laptop,
 * where a fixed number of milliseconds would flake; quadratic or exponential work still fails.
 */
export function baselineMs(chars: number): number {
	const size = Math.max(1_000, Math.round(chars / 1_000) * 1_000);
	const plain = '[' + '12345678,'.repeat(Math.ceil(size / 9)) + '0]';
	let best = Infinity;
	for (let i = 0; i < 2; i++) {
		const start = performance.now();
		JSON.parse(plain);
		best = Math.min(best, performance.now() - start);
	}
	baselines.set(size, best);
	return best;
}
