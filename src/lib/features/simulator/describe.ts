/**
 * The simulator's steps in words: the caption under the diagram, the step list, the tags on the
 * lifelines and what screen readers hear. Presentation built from the strings in components/fsm/fsm-ui.
 */
import { RFC_NAME, type Move, type State, type Step } from '../../core/fsm';
import { SIDE_NAME, SIM_UI, wireText } from '../../components/fsm/fsm-ui';
import { text, type Text } from '../../core/text';

const same = (s: string) => text(s, s);
const join = (parts: Text[]): Text => ({ zh: parts.map((p) => p.zh).join(''), en: parts.map((p) => p.en).join('') });

/** The short tag drawn on a lifeline where an endpoint acts. */
export function moveTag(move: Move, from?: State): Text | undefined {
	switch (move.kind) {
		case 'app':
			return same(`${move.event === 'passive_open' ? 'listen' : move.event === 'active_open' ? 'connect' : move.event}()`);
		case 'retransmit':
			return text('重传', 'retransmit');
		case 'timeout':
			return from === 'TIME_WAIT' ? text('2MSL 到期', '2MSL expires') : text('超时', 'timeout');
		default:
			return undefined;
	}
}

/** One step in words, for the caption, the step list and screen readers. */
export function describeStep(step: Step, before?: State): Text {
	const who = SIDE_NAME[step.side];
	const t = step.transition;
	const outcome = (): Text => {
		if (!t) return text('', '');
		const sent = step.sent ? wireText(step.sent) : undefined;
		const sends = sent ? text(`，发送 ${sent.zh}`, `, sends ${sent.en}`) : text('', '');
		const goes =
			t.from === t.to ? text(`，停留在 ${RFC_NAME[t.to]}`, `, stays in ${RFC_NAME[t.to]}`) : text(` → ${RFC_NAME[t.to]}`, ` → ${RFC_NAME[t.to]}`);
		return join([sends, goes]);
	};
	switch (step.move.kind) {
		case 'app': {
			const call = SIM_UI.app(step.move.event);
			if (!t) return text(`${who.zh}：${call.zh}——此状态下没有这个转换`, `${who.en}: ${call.en} — no such transition here`);
			return join([text(`${who.zh}：应用调用 ${call.zh}`, `${who.en}: the application calls ${call.en}`), outcome()]);
		}
		case 'timeout': {
			const what =
				before === 'TIME_WAIT'
					? text('2MSL 计时器到期', 'the 2MSL timer expires')
					: text('重传次数用尽（用户超时），放弃连接', 'retries run out (the user timeout) and it gives up');
			return join([text(`${who.zh}：${what.zh}`, `${who.en}: ${what.en}`), outcome()]);
		}
		case 'retransmit':
			return step.sent
				? text(`${who.zh}：重传计时器到期，重传 ${wireText(step.sent).zh}`, `${who.en}: the retransmission timer fires; it resends ${wireText(step.sent).en}`)
				: text(`${who.zh}：重传`, `${who.en}: retransmits`);
		case 'lose':
			return step.lost
				? text(`发往 ${who.zh}的 ${wireText(step.lost).zh} 在途中丢失`, `${wireText(step.lost).en} to ${who.en} is lost on the way`)
				: text('报文丢失', 'a segment is lost');
		case 'deliver': {
			const got = step.received ? wireText(step.received) : text('报文', 'a segment');
			const head = text(`${who.zh}：收到 ${got.zh}`, `${who.en}: receives ${got.en}`);
			if (step.note === 'data')
				return join([head, text(`，读取 ${step.received?.len ?? 0} 字节数据，状态不变`, `; reads ${step.received?.len ?? 0} bytes of data, state unchanged`)]);
			if (!t) return join([head, text('，忽略，状态不变', '; ignored, state unchanged')]);
			return join([head, outcome()]);
		}
	}
}
