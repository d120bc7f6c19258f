import {
	APP_HOLDS_SOCKET,
	deliveries,
	firstResend,
	listingOf,
	readCapture,
	retryCounter,
	rstMeaning,
	stateAfter,
	unexpectedBefore,
	whoClosedFirst,
	type CaptureSource
} from '../../core/capture/reading';
import type { Side } from '../../core/fsm';
import { LANGS } from '../../core/text';
import { captureSetting } from './kinds/capture-labels';
import type { Question } from '../../features/quiz/types';

type Fail = (message: string) => void;
type ExpectSet = (right: Set<string>, excluded: Set<string>) => void;

/**
 * A capture question's answer, recomputed from the capture's text by parsing and replaying it:
 * the listing must be that capture, the prompt must state what the text cannot show, and a
 * distractor must be provably wrong from the text (a "missing" packet option that was
 * acknowledged; a retransmission time that matches the counter's schedule).
 */
export function checkCaptureAnswer(q: Question, captures: readonly CaptureSource[], expectSet: ExpectSet, fail: Fail) {
	const src = captures.find((c) => c.info.id === q.subject?.capture);
	if (!src) return fail(`no committed capture ${String(q.subject?.capture)}`);
	const r = readCapture(src);
	const aspect = String(q.subject?.aspect);
	if (q.listing !== listingOf(src.text)) fail('the listing is not the capture the question is about');
	const setting = captureSetting(r, aspect !== 'missing');
	for (const lang of LANGS) if (!q.prompt[lang].includes(setting[lang])) fail(`the ${lang} prompt does not state how the capture was made (hidden calls, lost packets)`);
	const packet = Number(q.subject?.packet);
	switch (aspect) {
		case 'state': {
			const side = q.subject?.side as Side;
			if (!r.byPacket[packet]) return fail(`the capture has no packet ${packet + 1}`);
			if (unexpectedBefore(r, packet)) fail(`the machine finds a packet up to ${packet + 1} unexpected: the state is not textbook`);
			if (r.byPacket[packet]!.odd.includes('lost')) fail(`packet ${packet + 1} was lost: asking the state after it invites argument`);
			for (const lang of LANGS) if (!q.prompt[lang].includes(String(packet + 1))) fail(`the ${lang} prompt does not name packet ${packet + 1}`);
			// The server's listener stays in LISTEN on that port: offering LISTEN as wrong invites argument.
			return expectSet(new Set([stateAfter(r, packet, side)]), new Set(side === 'B' ? ['LISTEN'] : []));
		}
		case 'closer':
			return expectSet(new Set([whoClosedFirst(r)]), new Set());
		case 'simultaneous':
			return expectSet(new Set([whoClosedFirst(r) === 'simultaneous' ? 'yes' : 'no']), new Set());
		case 'rst': {
			const meaning = rstMeaning(r, packet);
			if (!meaning) return fail(`packet ${packet + 1} is not a RST`);
			return expectSet(new Set([meaning]), new Set());
		}
		case 'missing': {
			const { resentUnacknowledged, acknowledged } = deliveries(r.packets);
			if (resentUnacknowledged.join() !== src.info.lost.join()) fail(`the text shows ${resentUnacknowledged.map((i) => i + 1).join(', ') || 'no'} unanswered resend, the recorder dropped ${src.info.lost.map((i) => i + 1).join(', ')}`);
			const delivered = new Set(acknowledged.map((i) => `p${i + 1}`));
			for (const o of q.options) if (!q.answer.includes(o.id) && !delivered.has(o.id)) fail(`option ${o.id} is not proved delivered by the text`);
			return expectSet(new Set(src.info.lost.map((i) => `p${i + 1}`)), new Set());
		}
		case 'retry_setting': {
			const lost = src.info.lost[0];
			if (lost === undefined || src.info.lost.length !== 1) return fail('a retransmission question needs exactly one dropped packet');
			const step = r.byPacket[lost]!;
			const counter = retryCounter(step.states[step.from], APP_HOLDS_SOCKET[src.info.id] ?? false);
			const again = firstResend(r.packets, lost);
			if (!counter || !again) return fail(`packet ${lost + 1} has no retransmission counter or no resend`);
			if (q.subject?.seconds !== again.seconds) fail(`the resend comes ${again.seconds} s later, not ${q.subject?.seconds} s`);
			for (const lang of LANGS) if (!q.prompt[lang].includes(String(again.seconds))) fail(`the ${lang} prompt does not give the measured ${again.seconds} s`);
			// The measured wait must fit the counter's schedule: its first RTO plus at most half again (RTT, timer slack).
			if (again.seconds < counter.firstWait || again.seconds > counter.firstWait * 1.5) fail(`${again.seconds} s does not fit ${counter.param}'s first wait of ${counter.firstWait} s`);
			return expectSet(new Set([counter.param]), new Set());
		}
		default:
			return fail(`unknown capture aspect ${aspect}`);
	}
}
