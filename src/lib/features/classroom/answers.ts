import type { Question } from '../quiz/types';

/** A student's answer to one question: option ids (for steps, in their order), or null for none. */
export type ClassAnswer = readonly string[] | null;

const factorial = (n: number): bigint => {
	let f = 1n;
	for (let i = 2n; i <= BigInt(n); i++) f *= i;
	return f;
};

/**
 * How many different answers a question has, "none" included: n + 1 for one choice, 2ⁿ for
 * several (the empty set is "none"), n! + 1 for an order of n steps.
 */
export function radixOf(q: Question): bigint {
	const n = q.options.length;
	if (q.kind === 'order_steps') return factorial(n) + 1n;
	if (q.multi) return 1n << BigInt(n);
	return BigInt(n) + 1n;
}

/** The answer as a number below `radixOf(q)`. Anything malformed is "none". */
export function digitOf(q: Question, answer: ClassAnswer): bigint {
	if (!answer || answer.length === 0) return 0n;
	const ids = q.options.map((o) => o.id);
	const at = answer.map((id) => ids.indexOf(id));
	if (at.some((i) => i < 0) || new Set(at).size !== at.length) return 0n;
	if (q.kind === 'order_steps') {
		if (at.length !== ids.length) return 0n;
		// Lehmer code: for each step, how many later steps come before it in the options' order.
		let v = 0n;
		for (let i = 0; i < at.length; i++) {
			const smaller = at.slice(i + 1).filter((x) => x < at[i]!).length;
			v = v * BigInt(at.length - i) + BigInt(smaller);
		}
		return v + 1n;
	}
	if (q.multi) return at.reduce((m, i) => m | (1n << BigInt(i)), 0n);
	return at.length === 1 ? BigInt(at[0]!) + 1n : 0n;
}

/** The inverse of `digitOf`. */
export function answerOf(q: Question, digit: bigint): ClassAnswer {
	if (digit <= 0n) return null;
	const ids = q.options.map((o) => o.id);
	if (q.kind === 'order_steps') {
		let v = digit - 1n;
		const lehmer: number[] = [];
		for (let i = 1; i <= ids.length; i++) {
			lehmer.unshift(Number(v % BigInt(i)));
			v /= BigInt(i);
		}
		const left = ids.map((_, i) => i);
		return lehmer.map((l) => ids[left.splice(l, 1)[0]!]!);
	}
	if (q.multi) return ids.filter((_, i) => (digit >> BigInt(i)) & 1n);
	return [ids[Number(digit) - 1]!];
}

/** All answers as one mixed-radix number: far fewer bits than a fixed width per question. */
export function packAnswers(questions: readonly Question[], answers: readonly ClassAnswer[]): bigint {
	let v = 0n;
	questions.forEach((q, i) => (v = v * radixOf(q) + digitOf(q, answers[i] ?? null)));
	return v;
}

export function unpackAnswers(questions: readonly Question[], packed: bigint): ClassAnswer[] | null {
	let v = packed;
	const out: ClassAnswer[] = [];
	for (let i = questions.length - 1; i >= 0; i--) {
		const r = radixOf(questions[i]!);
		out.unshift(answerOf(questions[i]!, v % r));
		v /= r;
	}
	return v === 0n ? out : null;
}

/** Bits needed for every possible packed value of these questions. */
export function answerBits(questions: readonly Question[]): number {
	const max = questions.reduce((p, q) => p * radixOf(q), 1n) - 1n;
	return max === 0n ? 0 : max.toString(2).length;
}
