import {
	isCondition,
	isEvent,
	isSegment,
	parseState,
	RFC_NAME,
	SS_NAME,
	type Machine,
	type State,
	type Transition
} from '../../core/fsm';
import { eventLabel, SEGMENT_LABEL } from '../../core/fsm/labels';
import type { Lang } from '../../core/text';
import { computeDuration, DURATIONS, findParam, type Unit } from '../../core/params';
import { resolveSource, type Source } from '../../features/content/sources';

/**
 * Claims are the machine-checkable facts inside content, written {{kind arguments}}.
 * See content/README.md for the syntax a teacher uses.
 */
export type Claim =
	| { kind: 'state'; state: State }
	| { kind: 't'; transition: Transition }
	| { kind: 'param'; name: string }
	| { kind: 'default'; name: string; value: number; unit: Unit }
	| { kind: 'since' | 'removed'; name: string; version: string }
	| { kind: 'duration'; name: string; args: Record<string, number>; seconds: number }
	| { kind: 'src'; source: Source };

export const CLAIM_PATTERN = /\{\{([^{}]*)\}\}/g;

const UNIT_WORDS: Record<string, Unit> = { s: 's', ms: 'ms' };

function state(word: string | undefined): State {
	const s = word ? parseState(word) : undefined;
	if (!s) throw new Error(`unknown state "${word ?? ''}"`);
	return s;
}

/** Parse one claim and check it against the machine and the parameter list; throws a message. */
export function parseClaim(body: string, machine: Machine): Claim {
	const [kind, ...rest] = body.trim().split(/\s+/);
	switch (kind) {
		case 'state':
			return { kind, state: state(rest[0]) };
		case 't':
			return { kind, transition: checkTransition(rest, machine) };
		case 'param': {
			const name = rest[0] ?? '';
			if (!findParam(name)) throw new Error(`unknown parameter "${name}"`);
			return { kind, name: findParam(name)!.name };
		}
		case 'default':
			return checkDefault(rest);
		case 'since':
		case 'removed': {
			const [name = '', version = ''] = rest;
			const p = findParam(name);
			if (!p) throw new Error(`unknown parameter "${name}"`);
			const known = kind === 'since' ? p.since : p.removedIn;
			if (known !== version) throw new Error(`${name}: ${kind} is ${known ?? 'not recorded'}, not ${version}`);
			return { kind, name: p.name, version };
		}
		case 'duration':
			return checkDuration(rest);
		case 'src': {
			const source = resolveSource(rest[0] ?? '');
			if (typeof source === 'string') throw new Error(source);
			return { kind, source };
		}
		default:
			throw new Error(`unknown claim "{{${kind ?? ''}}}"; use state, t, param, default, since, removed, duration or src`);
	}
}

/** {{t FROM EVENT -> TO [/ SEGMENT] [if COND]}} */
function checkTransition(words: string[], machine: Machine): Transition {
	const arrow = words.indexOf('->');
	if (arrow !== 2) throw new Error('write a transition as {{t FROM event -> TO / SEGMENT if condition}}');
	const from = state(words[0]);
	const event = words[1]!;
	if (!isEvent(event)) throw new Error(`unknown event "${event}"`);
	const to = state(words[3]);
	let send: string | undefined;
	let cond: string | undefined;
	for (let i = 4; i < words.length; i += 2) {
		if (words[i] === '/') send = words[i + 1];
		else if (words[i] === 'if') cond = words[i + 1];
		else throw new Error(`unexpected "${words[i]}" in transition`);
	}
	if (send !== undefined && !isSegment(send)) throw new Error(`unknown segment "${send}"`);
	if (cond !== undefined && !isCondition(cond)) throw new Error(`unknown condition "${cond}"`);
	const rows = machine.outcomes(from, event);
	if (rows.length === 0) throw new Error(`the state machine has no transition from ${from} on ${event}`);
	const row = cond ? rows.find((r) => r.cond === cond) : rows.length === 1 ? rows[0] : undefined;
	if (!row) {
		const options = rows.map((r) => `${r.to} if ${r.cond}`).join(', ');
		throw new Error(`${from} on ${event} depends on a condition: ${options}; add "if <condition>"`);
	}
	if (row.to !== to) throw new Error(`the state machine says ${from} on ${event} goes to ${row.to}, not ${to}`);
	if (send !== undefined && row.send !== send)
		throw new Error(`the state machine says ${from} on ${event} sends ${row.send}, not ${send}`);
	return row;
}

/** {{default NAME = VALUE [s|ms]}} */
function checkDefault(words: string[]): Claim {
	const [name = '', eq, raw = '', unitWord] = words;
	if (eq !== '=') throw new Error('write a default as {{default NAME = VALUE [s|ms]}}');
	const p = findParam(name);
	if (!p) throw new Error(`unknown parameter "${name}"`);
	if (p.default === null) throw new Error(`${name} has no fixed default (${p.scales ?? 'removed'}); describe it in words`);
	const value = Number(raw);
	if (!Number.isFinite(value)) throw new Error(`"${raw}" is not a number`);
	if (value !== p.default) throw new Error(`${name} defaults to ${p.default}, not ${value}`);
	const unit = unitWord === undefined ? undefined : UNIT_WORDS[unitWord];
	const timed = p.unit === 's' || p.unit === 'ms';
	if (timed && unit !== p.unit) throw new Error(`${name} is in ${p.unit}; write {{default ${name} = ${p.default} ${p.unit}}}`);
	if (!timed && unitWord !== undefined) throw new Error(`${name} has no unit (it is a ${p.unit})`);
	return { kind: 'default', name: p.name, value, unit: p.unit };
}

/** {{duration NAME [param=value ...] = VALUE s}} */
function checkDuration(words: string[]): Claim {
	const [name = '', ...rest] = words;
	if (!DURATIONS[name]) throw new Error(`unknown duration "${name}"; known: ${Object.keys(DURATIONS).join(', ')}`);
	const eq = rest.indexOf('=');
	if (eq < 0 || rest.length !== eq + 3) throw new Error(`write {{duration ${name} [param=value] = VALUE s}}`);
	const args: Record<string, number> = {};
	for (const pair of rest.slice(0, eq)) {
		const [k = '', v = ''] = pair.split('=');
		if (k !== 'initial_rto' && !findParam(k)) throw new Error(`unknown parameter "${k}" in duration`);
		args[k] = Number(v);
	}
	const claimed = Number(rest[eq + 1]);
	const scale = { s: 1, ms: 0.001, min: 60 }[rest[eq + 2] ?? ''];
	if (scale === undefined) throw new Error(`durations are in s, ms or min, not "${rest[eq + 2]}"`);
	const seconds = computeDuration(name, args);
	if (Math.abs(claimed * scale - seconds) > 1e-6)
		throw new Error(`${name} is ${seconds} s, not ${rest[eq + 1]} ${rest[eq + 2]}`);
	return { kind: 'duration', name, args, seconds };
}

const UNIT_TEXT: Record<Lang, Partial<Record<Unit, string>>> = {
	zh: { s: ' 秒', ms: ' 毫秒' },
	en: { s: ' s', ms: ' ms' }
};

/** "7875 s (2 h 11 min 15 s)", "7875 秒（2 小时 11 分钟 15 秒）" */
export function formatSeconds(seconds: number, lang: Lang): string {
	const unit = lang === 'zh' ? [' 秒', ' 小时', ' 分钟', ' 秒'] : [' s', ' h', ' min', ' s'];
	const base = `${seconds}${unit[0]}`;
	if (seconds < 60 || !Number.isInteger(seconds)) return base;
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	const parts = [h && `${h}${unit[1]}`, m && `${m}${unit[2]}`, s && `${s}${unit[3]}`].filter(Boolean);
	return lang === 'zh' ? `${base}（${parts.join(' ')}）` : `${base} (${parts.join(' ')})`;
}

export const stateName = (s: State) => RFC_NAME[s];
export const stateWithSs = (s: State) => (RFC_NAME[s] === SS_NAME[s] ? RFC_NAME[s] : `${RFC_NAME[s]} (ss: ${SS_NAME[s]})`);

/**
 * "FIN-WAIT-2 → TIME-WAIT (when a FIN arrives, sending ACK)": the two states joined by a spaced
 * arrow, then what moves the connection in words. A line may break only after the arrow: the
 * arrow is tied to the state before it, and in HTML state names never wrap (app.css .transition).
 */
export function renderTransition(t: Transition, lang: Lang, html: boolean): string {
	const name = (s: State) => (html ? `<span class="state">${stateName(s)}</span>` : stateName(s));
	const states = `${name(t.from)}\u00a0→ ${name(t.to)}`;
	// The chip is already followed by brackets: drop a label's own "(passive open)" rather than nest them.
	const event = eventLabel(t.event, t.from)[lang].replace(/\s*[（(][^）)]*[）)]$/, '');
	const segment = t.send === 'none' ? '' : SEGMENT_LABEL[t.send][lang];
	const how =
		lang === 'zh'
			? `（${event}${segment && `，发送 ${segment}`}）`
			: ` (when ${event}${segment && `, sending ${segment}`})`;
	return html ? `<span class="transition">${states}</span>${how}` : `${states}${how}`;
}

/** How a claim reads in running text. `markdown` adds links to sources. */
export function renderClaim(claim: Claim, lang: Lang, markdown: boolean): string {
	switch (claim.kind) {
		case 'state':
			return stateName(claim.state);
		case 't':
			return renderTransition(claim.transition, lang, markdown);
		case 'param':
			return markdown ? `\`${claim.name}\`` : claim.name;
		case 'default':
			return `${claim.value}${UNIT_TEXT[lang][claim.unit] ?? ''}`;
		case 'since':
		case 'removed':
			return `Linux ${claim.version}`;
		case 'duration':
			return formatSeconds(claim.seconds, lang);
		case 'src':
			return markdown && claim.source.url ? `[${claim.source.label}](${claim.source.url})` : claim.source.label;
	}
}
