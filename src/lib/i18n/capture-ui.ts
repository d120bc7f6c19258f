import type { CallStep, Oddity, PacketStep } from '../capture/replay';
import type { RecordedId } from '../capture/catalog';
import type { ProblemKind } from '../capture/view';
import { RFC_NAME, type Side, type State } from '../fsm';
import { eventLabel } from './fsm-labels';
import { SIDE_NAME } from './fsm-ui';
import { text, type Text } from './lang';

/** Strings of the capture page (/capture), in both languages. */

export const RECORDED_LABEL: Record<RecordedId, Text> = {
	client_closes_first: text('客户端先关闭（四次挥手）', 'Client closes first (four-way close)'),
	server_closes_first: text('服务端先关闭', 'Server closes first'),
	three_segment_close: text('三段式关闭：FIN 顺带 ACK', 'Three-segment close: the FIN carries the ACK'),
	half_close: text('半关闭：客户端关闭后服务端继续发送', 'Half-close: the server keeps sending after the client’s FIN'),
	simultaneous_close_closing: text('同时关闭，停在 CLOSING', 'Simultaneous close, held in CLOSING'),
	passive_close_last_ack: text('被动关闭，停在 LAST-ACK', 'Passive close, held in LAST-ACK'),
	self_connect: text('自连接（同时打开）', 'Self-connect (simultaneous open)'),
	connection_refused: text('连接被拒绝（RST）', 'Connection refused (RST)'),
	abortive_close: text('强制关闭（SO_LINGER 0 → RST）', 'Abortive close (SO_LINGER 0 → RST)'),
	lost_syn_ack: text('SYN+ACK 丢失后重传', 'A lost SYN-ACK, retransmitted'),
	lost_fin: text('FIN 丢失后重传', 'A lost FIN, retransmitted')
};

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

export const PROBLEM: Record<ProblemKind, Text> = {
	too_large: text('文件太大：最多读取 4 MB。请先用 tcpdump -c 或 editcap 截取一段。', 'The file is too large: the limit is 4 MB. Cut it first, e.g. with tcpdump -c or editcap.'),
	empty: text('没有内容可读：文本为空，或者文件太短。', 'There is nothing to read: the text is empty or the file too short.'),
	no_packets: text('里面没有 TCP 报文。请粘贴 tcpdump -nn 的输出，或者打开含有 TCP 的 .pcap / .pcapng 文件。', 'There are no TCP packets in it. Paste tcpdump -nn output, or open a .pcap / .pcapng file with TCP in it.'),
	malformed: text('读不懂这个文件：它不是完整的 pcap / pcapng，也不是 tcpdump -nn 文本。原来显示的内容保持不变。', 'This file cannot be read: it is neither a whole pcap / pcapng nor tcpdump -nn text. What was shown stays as it was.')
};

export const CAPTURE_UI = {
	title: text('读抓包', 'Read a capture'),
	lede: text(
		'真实内核录下的报文，或者你自己的 tcpdump 输出：逐个报文看两端的状态怎样变化，哪里不寻常。全部在浏览器里解析，不上传。',
		'Packets recorded from a real kernel, or your own tcpdump output: step through them and watch both ends’ states, and what is odd. Parsed in your browser; nothing is uploaded.'
	),
	recorded: text('Linux 内核真实录制', 'Recorded from Linux'),
	pick: text('选择一段录制', 'Pick a recording'),
	pickNone: text('—— 选择 ——', '— choose —'),
	own: text('你自己的抓包', 'Your own capture'),
	paste: text('粘贴 tcpdump -nn 输出', 'Paste tcpdump -nn output'),
	pasteHint: text('例如：tcpdump -nn -i any port 80 的输出，每行一个报文', 'e.g. the output of tcpdump -nn -i any port 80, one packet a line'),
	readText: text('读取文本', 'Read the text'),
	openFile: text('打开 .pcap / .pcapng 文件', 'Open a .pcap / .pcapng file'),
	loading: text('正在读取…', 'Reading…'),
	fetchFailed: text('这段录制没能载入。联网后再试一次。', 'This recording did not load. Connect to the internet and try again.'),
	detail: text('解析器的说明：', 'The parser says: '),
	source: (what: string, n: number) => text(`${what}：${n} 个 TCP 报文`, `${what}: ${n} TCP packets`),
	fromFile: (name: string) => text(`文件 ${name}`, `File ${name}`),
	pasted: text('粘贴的文本', 'Pasted text'),
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
