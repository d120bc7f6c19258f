import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/lib/server/content';
import { machine } from '../../src/lib/core/fsm';
import { generateBank, validateBank, type Question } from '../../src/lib/server/generate';
import { loadDeck } from '../../src/lib/server/deck';

let deck: Deck;
let listings: Question[];
beforeAll(() => {
	deck = loadDeck();
	// Capture questions show tcpdump text, tested in quiz-captures.test.ts.
	listings = generateBank(deck).filter((q) => q.listing && q.kind !== 'capture');
});

/** Socket rows of a listing: state, Recv-Q, Send-Q, local, peer. */
const rows = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim().split(/\s+/))
		.filter((f) => f.length === 5 && /^\d+$/.test(f[1]!) && /^[A-Z]/.test(f[0]!));
const counts = (text: string) => [...text.matchAll(/^\s*(\d+) ([A-Z][A-Z0-9-]+)$/gm)].map((m) => [m[2]!, Number(m[1])] as const);

describe('ss listings in questions', () => {
	it('show a pile as a count of hundreds or thousands, as `uniq -c` prints it, with a few rows as a sample', () => {
		expect(listings.length).toBeGreaterThanOrEqual(16);
		for (const q of listings) {
			expect(q.listing, q.id).toMatch(/uniq -c/);
			const top = Math.max(...counts(q.listing!).map(([, n]) => n));
			// A full accept queue is read from the listener's row, not from a pile.
			if (q.subject?.diagnoses !== 'LISTEN') expect(top, q.id).toBeGreaterThanOrEqual(500);
			expect(rows(q.listing!).length, q.id).toBeLessThanOrEqual(12);
		}
	});

	it('give one host one local address, and its outgoing connections ports from 32768–60999', () => {
		for (const q of listings) {
			const local = new Set(rows(q.listing!).map((r) => r[3]!.replace(/:\d+$/, '')).filter((a) => a !== '0.0.0.0' && a !== '*'));
			expect(local.size, q.id).toBeLessThanOrEqual(1);
			if (q.subject?.diagnoses !== 'TIME_WAIT') continue;
			for (const r of rows(q.listing!).filter((x) => x[0] === 'TIME-WAIT')) {
				const port = Number(r[3]!.split(':').pop());
				expect(port, q.id).toBeGreaterThanOrEqual(32768);
				expect(port, q.id).toBeLessThanOrEqual(60999);
			}
		}
	});

	it('include a full accept queue: a listener whose Recv-Q passes its Send-Q', () => {
		const overflow = listings.filter((q) => q.subject?.diagnoses === 'LISTEN');
		expect(overflow.length).toBeGreaterThan(0);
		for (const q of overflow) {
			const full = rows(q.listing!).find((r) => r[0] === 'LISTEN' && Number(r[1]) > Number(r[2]));
			expect(full, q.id).toBeDefined();
		}
		const others = listings.filter((q) => q.subject?.diagnoses !== 'LISTEN');
		for (const q of others) for (const r of rows(q.listing!).filter((x) => x[0] === 'LISTEN')) expect(Number(r[1]), q.id).toBeLessThan(Number(r[2]));
	});

	it('are checked: a listing that shows another pile than its answer is rejected', () => {
		const bank = generateBank(deck);
		const q = structuredClone(bank.find((x) => x.id === 'ss_diagnosis:TIME_WAIT:0')!);
		q.listing = q.listing!.replace(/TIME-WAIT/g, 'CLOSE-WAIT');
		const broken = bank.map((x) => (x.id === q.id ? q : x));
		expect(validateBank(broken, deck, machine).join('\n')).toMatch(/ss_diagnosis:TIME_WAIT:0: the listing shows mostly CLOSE_WAIT/);
	});
});
