import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { familyId, followUpId, parseFamily, parseQuestionId, predictId, questionId, rowOf, rowQuestionId, statesNamed, transitionFamily, type Family } from '../../src/lib/core/ids';
import { generateBank } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';
import { TRANSITIONS } from '../../src/lib/core/fsm';

const FAMILIES: Family[] = [
	{ kind: 'transition', from: 'FIN_WAIT_1', event: 'recv_fin' },
	{ kind: 'transition', from: 'FIN_WAIT_1', event: 'recv_fin', cond: 'own_fin_unacked' },
	{ kind: 'state', state: 'TIME_WAIT' },
	{ kind: 'param', param: 'tcp_fin_timeout' },
	{ kind: 'diagnosis', state: 'CLOSE_WAIT' },
	{ kind: 'pair', from: 'FIN_WAIT_1', to: 'CLOSING' },
	{ kind: 'card', card: 'handshake-why-three' },
	{ kind: 'duration', name: 'syn_give_up' },
	{ kind: 'order', scenario: 'client_closes_first', what: 'client' }
];

describe('ids', () => {
	it('every kind of family reads back as what built it', () => {
		for (const f of FAMILIES) expect(parseFamily(familyId(f))).toEqual(f);
	});

	it('keeps the spellings old logs hold', () => {
		expect(transitionFamily({ from: 'LISTEN', event: 'recv_syn' })).toBe('t:LISTEN:recv_syn');
		expect(familyId({ kind: 'diagnosis', state: 'CLOSE_WAIT' })).toBe('diag:CLOSE_WAIT');
		expect(rowQuestionId('next_state', { from: 'TIME_WAIT', event: 'recv_rst', cond: 'rfc1337_on' })).toBe('next_state:TIME_WAIT:recv_rst:rfc1337_on');
		expect(predictId('simultaneous_close', 2)).toBe('predict:simultaneous_close:2');
	});

	it('refuses ids no version wrote', () => {
		for (const id of ['', 'x:y', 't:', 't:LISTEN', 'pair:A', 'state:A:B', 'nonsense']) expect(parseFamily(id), id).toBeUndefined();
		expect(statesNamed(parseFamily('nonsense'))).toEqual([]);
	});

	it('a follow-up reads as its twin plus the card that introduces it', () => {
		const twin = rowQuestionId('next_state', { from: 'LISTEN', event: 'recv_syn' });
		expect(parseQuestionId(followUpId(twin, 'interview-3'))).toEqual({ kind: 'next_state', parts: ['LISTEN', 'recv_syn'], card: 'interview-3' });
		expect(rowOf(parseQuestionId(twin).parts)).toEqual({ from: 'LISTEN', event: 'recv_syn' });
		expect(parseQuestionId(questionId('ss_fix', 'CLOSE_WAIT', '2'))).toEqual({ kind: 'ss_fix', parts: ['CLOSE_WAIT', '2'] });
	});

	it('every family and question id in the bank parses, and every row family names a row of the machine', () => {
		const bank = generateBank(loadDeck());
		const rows = new Set(TRANSITIONS.map(transitionFamily));
		for (const q of bank) {
			const f = parseFamily(q.family);
			expect(f, q.family).toBeDefined();
			expect(familyId(f!)).toBe(q.family);
			if (f!.kind === 'transition') expect(rows.has(q.family), q.family).toBe(true);
			expect(parseQuestionId(q.id).kind).toBe(q.kind === 'flashcard' ? 'flashcard' : q.kind);
		}
	});

	it('no other module builds or splits an id', () => {
		// A prefix followed by an interpolation or a split on the separator, outside ids.ts.
		const built = /[`'](t|state|param|diag|pair|card|dur|order|predict|flashcard|next_state|segment_sent|event_between|order_steps|state_side|state_from_description|ss_name|proc_code|param_meaning|param_from_meaning|param_default|duration|scenario|ss_diagnosis|ss_fix):\$\{/;
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (/\.(ts|svelte)$/.test(name) && !path.endsWith(join('lib', 'ids.ts'))) {
					readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
						if (built.test(line) || /(family|questionId|itemId)\??\.split\(/.test(line)) offenders.push(`${path}:${i + 1}`);
					});
				}
			}
		};
		walk('src');
		expect(offenders).toEqual([]);
	});
});
