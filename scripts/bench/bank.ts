/** The bank's size per kind, and the median time to parse the content, generate and validate it. */
import { buildDeck } from '../../src/lib/server/content';
import { machine } from '../../src/lib/core/fsm';
import { generateBank, validateBank } from '../../src/lib/server/generate';
import { readCaptureFiles } from '../../src/lib/server/capture-files';
import { readContentFiles } from '../../src/lib/server/content-files';

export function benchBank() {
	const RUNS = 15;
	const BUDGET_MS = 50;
	const files = readContentFiles();
	// The committed captures' text, read once like the content files; parsing and replaying them is part of generating.
	const captures = readCaptureFiles();

	function median(xs: number[]): number {
		const s = [...xs].sort((a, b) => a - b);
		return s[Math.floor(s.length / 2)]!;
	}

	function time<T>(fn: () => T): [T, number] {
		const start = performance.now();
		const out = fn();
		return [out, performance.now() - start];
	}

	const parse: number[] = [];
	const generate: number[] = [];
	const validate: number[] = [];
	let size = 0;
	const perKind = new Map<string, number>();
	for (let i = 0; i < RUNS; i++) {
		const [{ deck: parsed }, p] = time(() => buildDeck(files));
		const deck = { ...parsed, captures };
		const [bank, g] = time(() => generateBank(deck));
		const [problems, v] = time(() => validateBank(bank, deck, machine));
		if (problems.length) throw new Error(problems.join('\n'));
		parse.push(p);
		generate.push(g);
		validate.push(v);
		size = bank.length;
		perKind.clear();
		for (const q of bank) perKind.set(q.kind, (perKind.get(q.kind) ?? 0) + 1);
	}

	console.log(`Question bank: ${size} questions in ${perKind.size} kinds`);
	for (const [kind, n] of perKind) console.log(`  ${kind.padEnd(24)} ${String(n).padStart(4)}`);
	const total = median(parse) + median(generate) + median(validate);
	console.log(`\nMedian of ${RUNS} runs (Node ${process.version}):`);
	console.log(`  parse content     ${median(parse).toFixed(2)} ms`);
	console.log(`  generate bank     ${median(generate).toFixed(2)} ms`);
	console.log(`  validate bank     ${median(validate).toFixed(2)} ms`);
	console.log(`  total             ${total.toFixed(2)} ms (budget ${BUDGET_MS} ms: ${total <= BUDGET_MS ? 'within' : 'OVER'})`);
}
