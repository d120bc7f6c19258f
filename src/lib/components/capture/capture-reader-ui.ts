import type { CallStep, Oddity, PacketStep } from '../../core/capture/replay';
import { RFC_NAME, type Side, type State } from '../../core/fsm';
import { eventLabel } from '../../core/fsm/labels';
import { SIDE_NAME } from '../fsm/fsm-ui';
import { text, type Text } from '../../core/text';

/** Strings of the capture reader (the diagram, the packet and the player of /capture), in both languages. */

/** Short words drawn next to an odd packet: the colour is never the only sign. */
export const ODDITY_TAG: Record<Oddity, Text> = {
	rst: text('RST', 'RST'),
	retransmission: text('重传', 'retransmission'),
	zero_window: text('零窗口', 'zero window'),
	unexpected: text('意外', 'unexpected'),
	lost: text('丢失', 'lost'),
	duplicate: text('重复', 'duplicate')
};

/** What each oddity means, said once under the diagram for the current packet. */
export function oddityExplained(odd: Oddity, step: PacketStep, arriving: Record<Side, State>): Text {
	const to = SIDE_NAME[step.to];
	const state = RFC_NAME[arriving[step.to]];
	switch (odd) {
		case 'rst':
			return text('RST：发送方要立刻终止这条连接（或告诉对方：这个端口没有连接）。', 'RST: the sender ends the connection at once (or says there is no connection on this port).');
		case 'retransmission':
			return text('重传：这一段之前已经发过，发送方的重传计时器到期后又发了一次。', 'Retransmission: this segment was sent before; the sender’s retransmission timer fired and sent it again.');
		case 'zero_window':
			return text('零窗口：发送方的接收缓冲区满了，请对方暂停发送数据。', 'Zero window: the sender’s receive buffer is full; it asks the other end to stop sending data.');
		case 'unexpected': {
			const what = step.event ? eventLabel(step.event, arriving[step.to]) : text('收到这个报文', 'this segment arrives');
			return text(
				`意外：${to.zh}处于 ${state}，${what.zh}——状态机在这个状态下没有对应的转换。`,
				`Unexpected: ${to.en} is in ${state} and ${what.en}; the machine has no transition for that here.`
			);
		}
		case 'lost':
			return text('丢失：tcpdump 看到它发出，但录制时的 nftables 规则把它丢掉了，对方没有收到。', 'Lost: tcpdump saw it leave, but the recording’s nftables rule dropped it; the other end never got it.');
		case 'duplicate':
			return text(`重复：${to.zh}已经收到过这些序号，状态不变。`, `Duplicate: ${to.en} had these sequence numbers already; its state does not change.`);
	}
}

const CALL: Record<CallStep['event'], string> = { passive_open: 'listen()', active_open: 'connect()', close: 'close()', abort: 'abort (RST)' };
export const callTag = (c: CallStep): string => CALL[c.event];

export function callSentence(c: CallStep): Text {
	const who = SIDE_NAME[c.side];
	const how = c.inferred ? text('（从报文推断）', ' (read off the wire)') : text('（录制脚本记录，线路上看不到）', ' (noted by the recorder; not visible on the wire)');
	return text(`${who.zh}调用 ${CALL[c.event]}${how.zh}`, `${who.en} calls ${CALL[c.event]}${how.en}`);
}

export const READER_UI = {
	source: (what: string, n: number) => text(`${what}：${n} 个 TCP 报文`, `${what}: ${n} TCP packets`),
	skipped: (n: number) => text(`跳过了 ${n} 行或帧（不是 TCP）。`, `${n} lines or frames that are not TCP were skipped.`),
	truncated: (n: number) => text(`报文太多，只读了前 ${n} 个。`, `Too many packets: only the first ${n} were read.`),
	otherConnections: (n: number) => text(`另有 ${n} 个报文属于别的连接，没有显示。`, `${n} packets of other connections are left out.`),
	selfConnect: text('这个套接字连接到了自己：两列是同一个主机。', 'This socket connected to itself: both columns are the same host.'),
	provenance: (kernel: string, tcpdump: string, date: string) =>
		text(`录制于 ${date.slice(0, 10)}，${kernel}，${tcpdump}。`, `Recorded on ${date.slice(0, 10)} with ${kernel}, ${tcpdump}.`),
	commands: text('录制命令', 'Commands'),
	hosts: (a: string, b: string) => text(`A：${a}；B：${b}`, `A: ${a} · B: ${b}`),
	diagramLabel: (n: number, k: number) =>
		text(`时序图：共 ${n} 个报文，已显示 ${k} 个；下方文字逐个说明。`, `Sequence diagram of ${n} packets, ${k} shown; the text below describes each one.`),
	earlier: (n: number) => text(`前面还有 ${n} 个报文没画出`, `${n} earlier packets not drawn`),
	ready: text('还没有显示报文。按“下一个”或 → 键开始。', 'No packet shown yet. Press Next or → to begin.'),
	packetOf: (k: number, n: number) => text(`第 ${k} / ${n} 个报文`, `Packet ${k} of ${n}`),
	sent: (from: Side, to: Side, label: string, time: number) =>
		text(`${time.toFixed(6)} 秒：${SIDE_NAME[from].zh} → ${SIDE_NAME[to].zh} ${label}`, `${time.toFixed(6)} s: ${SIDE_NAME[from].en} → ${SIDE_NAME[to].en} ${label}`),
	after: text('这个报文之后：', 'After this packet:'),
	stateOf: (side: Side) => SIDE_NAME[side],
	changed: (from: State) => text(`由 ${RFC_NAME[from]} 变为`, `was ${RFC_NAME[from]}, now`),
	nothingOdd: text('状态机认为这个报文很正常。', 'Nothing odd here for the machine.'),
	controls: text('逐个报文', 'Packet by packet'),
	first: text('第一个之前', 'Before the first'),
	previous: text('上一个', 'Previous'),
	next: text('下一个', 'Next'),
	last: text('最后', 'Last'),
	keys: text('键盘：← → 逐个报文，Home / End 到开头 / 结尾。', 'Keyboard: ← → one packet, Home / End to the start / the end.'),
	toSimulator: text('在模拟器里看同一场景', 'The same scenario in the simulator'),
	toDiagram: text('打开状态图', 'Open the state diagram'),
	stateLink: (s: State) => text(`在状态图中查看 ${RFC_NAME[s]}`, `See ${RFC_NAME[s]} on the diagram`)
};
