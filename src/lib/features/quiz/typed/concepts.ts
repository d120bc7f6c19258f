/**
 * What a typed answer can name: a state, a segment, a Linux parameter or a quantity. Each reader
 * turns free text into one of these and says which spelling it recognised, so the matcher can
 * tell the learner what was accepted and why.
 */
import { RFC_NAME, SEGMENTS, SS_NAME, STATES, type Segment, type State } from '../../../core/fsm';
import { text, type Text } from '../../../core/text';
import { PARAMS } from '../../../core/params';

export type Concept =
	| { kind: 'state'; state: State }
	| { kind: 'segment'; segment: Segment }
	| { kind: 'param'; name: string }
	/** `value` in seconds when `timed` (the text carried a time unit), else the bare number. */
	| { kind: 'quantity'; value: number; timed: boolean };

export interface Reading {
	concept: Concept;
	/** Which spelling matched, in words ("the name `ss` prints"). */
	spelling: Text;
}

/** Full-width letters and digits folded (ＳＹＮ → SYN), case and separators dropped. */
export function foldSpelling(input: string): string {
	return input.normalize('NFKC').trim().toUpperCase().replace(/[\s_\-–—+/.·]/g, '');
}

const stateSpellings = new Map<string, { state: State; spelling: Text }>();
function addState(spelled: string, state: State, spelling: Text) {
	const key = foldSpelling(spelled);
	if (!stateSpellings.has(key)) stateSpellings.set(key, { state, spelling });
}
for (const s of STATES) addState(RFC_NAME[s], s, text('RFC 9293 的写法', 'the RFC 9293 name'));
for (const s of STATES) addState(SS_NAME[s], s, text('`ss` 显示的名字', 'the name `ss` prints'));
for (const s of STATES) addState(s, s, text('状态机表里的名字', 'the name in the state table'));
/** netstat's and BSD's spellings, and the notes'; kept in step with fsm/states.ts EXTRA_ALIASES. */
const OTHER_STATE_SPELLINGS: Record<string, State> = {
	SYN_RECVD: 'SYN_RECEIVED',
	SYN_RCVD: 'SYN_RECEIVED',
	SYN_RECV: 'SYN_RECEIVED',
	FIN_WAIT1: 'FIN_WAIT_1',
	FIN_WAIT2: 'FIN_WAIT_2'
};
for (const [spelled, s] of Object.entries(OTHER_STATE_SPELLINGS))
	addState(spelled, s, text('netstat、BSD 和学习笔记里的写法', 'the spelling of netstat, BSD and study notes'));
/**
 * The Chinese names the content teaches (content/README.md: 半连接 is SYN-RECEIVED and its queue,
 * 半关闭 is FIN-WAIT-2). Chinese has no settled name for the other states: the pages use the RFC's.
 */
const CHINESE_STATE_NAMES: Record<string, State> = {
	半连接: 'SYN_RECEIVED',
	半连接状态: 'SYN_RECEIVED',
	半关闭: 'FIN_WAIT_2',
	半关闭状态: 'FIN_WAIT_2'
};
for (const [spelled, s] of Object.entries(CHINESE_STATE_NAMES))
	addState(spelled, s, text('本应用内容里教的中文名', 'the Chinese name the topics teach'));

const SEGMENT_SPELLINGS: Record<string, Segment> = {
	'SYN+ACK': 'SYN_ACK',
	'SYN/ACK': 'SYN_ACK',
	RESET: 'RST',
	NONE: 'none',
	NOTHING: 'none',
	'NO SEGMENT': 'none',
	'SENDS NOTHING': 'none',
	不发送: 'none',
	不发: 'none',
	不发送任何报文: 'none',
	无: 'none',
	什么都不发: 'none'
};
const segmentSpellings = new Map<string, Segment>();
for (const s of SEGMENTS) segmentSpellings.set(foldSpelling(s), s);
for (const [spelled, s] of Object.entries(SEGMENT_SPELLINGS)) segmentSpellings.set(foldSpelling(spelled), s);

const paramSpellings = new Map<string, { name: string; spelling: Text }>();
for (const p of PARAMS) {
	paramSpellings.set(foldSpelling(p.name), { name: p.name, spelling: text('参数名', 'the parameter name') });
	paramSpellings.set(foldSpelling(p.sysctl), { name: p.name, spelling: text('sysctl 的完整名字', 'the full sysctl name') });
	paramSpellings.set(foldSpelling(`/proc/sys/${p.sysctl.replace(/\./g, '/')}`), { name: p.name, spelling: text('/proc/sys 下的路径', 'its path under /proc/sys') });
}

/** Seconds per unit, in both languages and the usual abbreviations. */
const UNIT_SECONDS: Record<string, number> = {
	ms: 0.001, msec: 0.001, millisecond: 0.001, milliseconds: 0.001, 毫秒: 0.001,
	s: 1, sec: 1, secs: 1, second: 1, seconds: 1, 秒: 1, 秒钟: 1,
	m: 60, min: 60, mins: 60, minute: 60, minutes: 60, 分: 60, 分钟: 60,
	h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, 小时: 3600, 时: 3600, 个小时: 3600
};
/** Words that only say "this many": 6 次, 6 times. */
const COUNT_WORDS = new Set(['次', 'times', 'time', '个']);

/** A number with optional units ("2 min 11 s", "131秒", "1000 ms", "6 次"), or null. */
export type Quantity = Extract<Concept, { kind: 'quantity' }>;

export function readQuantity(input: string): Quantity | null {
	const s = input.normalize('NFKC').trim().toLowerCase().replace(/,(?=\d{3}\b)/g, '');
	if (s === '') return null;
	const part = /(-?\d+(?:\.\d+)?)\s*([a-z\u4e00-\u9fff]*)\s*/gy;
	let total = 0;
	let timed = false;
	let bare = false;
	let parts = 0;
	let end = 0;
	for (let m = part.exec(s); m; m = part.exec(s)) {
		if (m[0] === '') break;
		parts++;
		end = part.lastIndex;
		const n = Number(m[1]);
		const unit = m[2]!;
		if (unit === '' || COUNT_WORDS.has(unit)) {
			if (parts > 1 || timed) return null;
			bare = true;
			total = n;
		} else if (unit in UNIT_SECONDS) {
			if (bare) return null;
			timed = true;
			total += n * UNIT_SECONDS[unit]!;
		} else return null;
	}
	if (parts === 0 || end !== s.length) return null;
	return { kind: 'quantity', value: Math.round(total * 1e6) / 1e6, timed };
}

/** Read free text as one concept, or null when it names nothing the app knows. */
export function readConcept(input: string): Reading | null {
	const key = foldSpelling(input);
	if (key === '') return null;
	const state = stateSpellings.get(key);
	if (state) return { concept: { kind: 'state', state: state.state }, spelling: state.spelling };
	const segment = segmentSpellings.get(key);
	if (segment) return { concept: { kind: 'segment', segment }, spelling: text('报文的名字', 'the segment’s name') };
	const param = paramSpellings.get(key);
	if (param) return { concept: { kind: 'param', name: param.name }, spelling: param.spelling };
	const quantity = readQuantity(input);
	if (quantity) return { concept: quantity, spelling: quantity.timed ? text('带单位的时长', 'a duration with its unit') : text('一个数', 'a number') };
	return null;
}

/** Every spelling the readers know, folded: the near-miss check compares against these. */
export function knownSpellings(kind: Concept['kind']): string[] {
	if (kind === 'state') return [...stateSpellings.keys()];
	if (kind === 'segment') return [...segmentSpellings.keys()];
	if (kind === 'param') return [...paramSpellings.keys()];
	return [];
}

export function sameConcept(a: Concept, b: Concept): boolean {
	if (a.kind !== b.kind) return false;
	switch (a.kind) {
		case 'state':
			return a.state === (b as typeof a).state;
		case 'segment':
			return a.segment === (b as typeof a).segment;
		case 'param':
			return a.name === (b as typeof a).name;
		case 'quantity':
			return a.timed === (b as typeof a).timed && Math.abs(a.value - (b as typeof a).value) <= 1e-6 * Math.max(1, Math.abs(a.value));
	}
}

/** All spellings of one state, as the tests and the "why" line list them. */
export function stateSpellingsOf(state: State): string[] {
	return [...stateSpellings].filter(([, v]) => v.state === state).map(([k]) => k);
}
