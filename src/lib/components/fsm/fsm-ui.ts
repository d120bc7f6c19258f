import {
	RFC_NAME,
	type Event,
	type PresetId,
	type ScenarioId,
	type Side,
	type State,
	type Transition,
	type Wire
} from '../../core/fsm';
import { CONDITION_LABEL, eventLabel, SEGMENT_LABEL } from '../../core/fsm/labels';
import { text, type Text } from '../../core/text';

/** Strings of the state diagram (/fsm) and the simulator (/simulate), in both languages. */

const same = (s: string) => text(s, s);

export const NAV_SEE = {
	fsm: text('状态图', 'Diagram'),
	simulate: text('模拟器', 'Simulator')
};

export const PRESET_LABEL: Record<PresetId, Text> = {
	three_way_handshake: text('三次握手', 'Three-way handshake'),
	active_close: text('主动关闭', 'Active close'),
	passive_close: text('被动关闭', 'Passive close'),
	simultaneous_close: text('同时关闭', 'Simultaneous close'),
	simultaneous_open: text('同时打开', 'Simultaneous open'),
	reset: text('连接重置（RST）', 'Reset (RST)')
};

export const SCENARIO_LABEL: Record<ScenarioId, Text> = {
	three_way_handshake: text('三次握手', 'Three-way handshake'),
	client_closes_first: text('客户端先关闭（四次挥手）', 'Client closes first (four-way close)'),
	server_closes_first: text('服务端先关闭', 'Server closes first'),
	simultaneous_close: text('同时关闭', 'Simultaneous close'),
	simultaneous_open: text('同时打开', 'Simultaneous open'),
	reset: text('连接重置（abort 发送 RST）', 'Reset (abort sends a RST)'),
	connection_refused: text('连接被拒绝（端口没有监听）', 'Connection refused (nobody listening)'),
	lost_last_ack: text('最后一个 ACK 丢失', 'The last ACK is lost'),
	half_close: text('半关闭：关闭后仍收数据', 'Half-close: data after the first FIN'),
	lost_syn_ack: text('SYN+ACK 丢失', 'The SYN-ACK is lost'),
	lost_third_ack: text('第三次握手的 ACK 丢失', 'The third ACK is lost'),
	lost_fin: text('第一个 FIN 丢失', 'The first FIN is lost')
};

export const SIDE_NAME: Record<Side, Text> = {
	A: text('A（客户端）', 'A (client)'),
	B: text('B（服务端）', 'B (server)')
};

/** Short labels for arrows on the diagram, like the RFC's "rcv SYN / snd SYN,ACK". */
const EVENT_SHORT: Record<Event, Text> = {
	passive_open: same('listen'),
	active_open: same('connect'),
	send: same('send'),
	close: same('close'),
	abort: same('abort'),
	recv_syn: text('收 SYN', 'rcv SYN'),
	recv_syn_ack: text('收 SYN+ACK', 'rcv SYN-ACK'),
	recv_ack: text('收 ACK', 'rcv ACK'),
	recv_fin: text('收 FIN', 'rcv FIN'),
	recv_fin_ack: text('收 FIN+ACK', 'rcv FIN+ACK'),
	recv_rst: text('收 RST', 'rcv RST'),
	timeout_2msl: text('2MSL 到期', '2MSL'),
	retransmit: text('重传', 'retransmit'),
	user_timeout: text('超时放弃', 'give up')
};

export function shortTransition(t: Transition): Text {
	const e = EVENT_SHORT[t.event];
	if (t.send === 'none') return e;
	return { zh: `${e.zh} / 发 ${SEGMENT_LABEL[t.send].zh}`, en: `${e.en} / snd ${SEGMENT_LABEL[t.send].en}` };
}

/** "a FIN arrives, sends ACK, enters CLOSE-WAIT" */
export function transitionSentence(t: Transition): Text {
	const cond = t.cond ? CONDITION_LABEL[t.cond] : undefined;
	const sends = t.send === 'none' ? text('不发送报文', 'sends nothing') : text(`发送 ${SEGMENT_LABEL[t.send].zh}`, `sends ${SEGMENT_LABEL[t.send].en}`);
	const goes = t.from === t.to ? text(`停留在 ${RFC_NAME[t.to]}`, `stays in ${RFC_NAME[t.to]}`) : text(`进入 ${RFC_NAME[t.to]}`, `enters ${RFC_NAME[t.to]}`);
	return {
		zh: `${eventLabel(t.event, t.from).zh}${cond ? `（${cond.zh}）` : ''}：${sends.zh}，${goes.zh}`,
		en: `${eventLabel(t.event, t.from).en}${cond ? ` (${cond.en})` : ''}: ${sends.en}, ${goes.en}`
	};
}

export const FSM_UI = {
	title: text('TCP 状态图', 'The TCP state diagram'),
	lede: text(
		'由状态机直接画出，和题目用同一张表。点按状态看它的卡片，点按箭头看转换。',
		'Drawn from the machine behind every question: tap a state or an arrow.'
	),
	diagramLabel: text('TCP 状态图', 'TCP state diagram'),
	toSimulator: text('打开双端模拟器', 'Open the two-host simulator'),
	keyboardHint: text(
		'键盘：Tab 在状态间移动（选中状态后，Tab 继续进入它的转换），方向键按位置移动，Enter 或空格选中，Esc 取消选中。',
		'Keyboard: Tab moves between states (after you select one, Tab goes on to its transitions), arrow keys move by position, Enter or Space selects, Esc clears.'
	),
	zoomGroup: text('缩放', 'Zoom'),
	zoomIn: text('放大', 'Zoom in'),
	zoomOut: text('缩小', 'Zoom out'),
	zoomReset: text('还原视图', 'Reset view'),
	zoomHint: text('放大后可拖动平移，也可以双指缩放。', 'When zoomed in, drag to pan, or pinch.'),
	legend: text('图例', 'Legend'),
	legendClient: text('客户端路径（主动打开、主动关闭）', 'Client path (active open, active close)'),
	legendServer: text('服务端路径（被动打开、被动关闭）', 'Server path (passive open, passive close)'),
	legendShared: text('双方都会经过，或只在同时打开/关闭时经过', 'Both sides, or only when both act at once'),
	legendEscape: text('虚线：中止、RST 或超时，回到 CLOSED', 'Dashed: abort, RST or timeout, back to CLOSED'),
	legendLoop: text('小环：状态不变（例如重传的 FIN 再次被确认）', 'Small loops: the state stays (e.g. a repeated FIN is ACKed again)'),
	presets: text('一步一步点亮一条路径', 'Light up a path, step by step'),
	presetCount: (n: number, more: boolean) =>
		more ? text(`共 ${n} 条，左右滑动查看其余`, `${n} paths: swipe sideways for the rest`) : text(`共 ${n} 条`, `${n} paths`),
	previous: text('上一步', 'Previous'),
	next: text('下一步', 'Next'),
	stop: text('结束', 'Stop'),
	stepOf: (k: number, n: number) => text(`第 ${k} / ${n} 步`, `Step ${k} of ${n}`),
	ready: (a: State, b: State) =>
		text(`开始：A 处于 ${RFC_NAME[a]}，B 处于 ${RFC_NAME[b]}。按“下一步”。`, `Start: A is in ${RFC_NAME[a]}, B is in ${RFC_NAME[b]}. Press Next.`),
	done: text('这条路径走完了。', 'That is the whole path.'),
	follow: (side: Side) => text(`重点看 ${SIDE_NAME[side].zh} 的路径。`, `Follow ${SIDE_NAME[side].en}.`),
	details: text('详情', 'Details'),
	announceState: (s: State) => text(`已选中 ${RFC_NAME[s]}，详情在图下方。`, `Selected ${RFC_NAME[s]}; details below the diagram.`),
	announceEdge: (from: State, to: State) =>
		text(`已选中 ${RFC_NAME[from]} → ${RFC_NAME[to]}，详情在图下方。`, `Selected ${RFC_NAME[from]} → ${RFC_NAME[to]}; details below the diagram.`),
	selectPrompt: text('选中一个状态或一条箭头，这里会显示详情。', 'Select a state or an arrow to see the details here.'),
	// State card
	waits: text('在等待什么', 'Waiting for'),
	side: text('谁会经过', 'Who passes through'),
	ss: text('Linux ss 显示为', 'Linux ss shows'),
	leaves: text('如何离开', 'What leaves it'),
	out: (s: State) => text(`离开 ${RFC_NAME[s]} 的转换`, `Transitions out of ${RFC_NAME[s]}`),
	into: (s: State) => text(`进入 ${RFC_NAME[s]} 的转换`, `Transitions into ${RFC_NAME[s]}`),
	fromState: (s: State) => text(`从 ${RFC_NAME[s]}：`, `From ${RFC_NAME[s]}: `),
	quizMe: text('就这个状态考考我', 'Quiz me on this state'),
	readCard: text('阅读完整卡片', 'Read the full card'),
	simulateIt: text('在模拟器里看它', 'Watch it in the simulator'),
	more: text('详细说明', 'More about it'),
	clear: text('取消选中', 'Clear selection'),
	// Transition card
	transitions: (n: number) => text(`${n} 个转换`, n === 1 ? '1 transition' : `${n} transitions`),
	event: text('事件', 'Event'),
	sends: text('发送', 'Sends'),
	condition: text('条件', 'Condition'),
	source: text('依据', 'Source'),
	result: text('结果', 'Result'),
	resultOf: (t: Transition) =>
		t.from === t.to ? text(`停留在 ${RFC_NAME[t.to]}`, `stays in ${RFC_NAME[t.to]}`) : text(`进入 ${RFC_NAME[t.to]}`, `enters ${RFC_NAME[t.to]}`),
	showState: (s: State) => text(`查看 ${RFC_NAME[s]}`, `Show ${RFC_NAME[s]}`),
	// Text alternative
	tableSummary: (n: number) => text(`全部 ${n} 个状态转换（文字版）`, `All ${n} transitions as text`),
	tableCaption: text('TCP 状态机的全部转换（RFC 9293）', 'Every transition of the TCP state machine (RFC 9293)'),
	colFrom: text('从', 'From'),
	colEvent: text('事件', 'Event'),
	colCond: text('条件', 'Condition'),
	colSends: text('发送', 'Sends'),
	colTo: text('到', 'To'),
	colSource: text('依据', 'Source'),
	tableRegion: text('状态转换表，可横向滚动', 'Transition table, scrolls sideways'),
	nodeLabel: (s: State, ss: string, out: number, into: number) =>
		text(
			`${RFC_NAME[s]}（ss：${ss}），${out} 个转换离开，${into} 个转换进入`,
			`${RFC_NAME[s]} (ss: ${ss}), ${out} transitions out, ${into} in`
		),
	edgeLabel: (from: State, to: State, ts: Transition[]) =>
		from === to
			? text(
					`${RFC_NAME[from]} 停留：${ts.map((t) => EVENT_SHORT[t.event].zh).join('、')}`,
					`${RFC_NAME[from]} stays: ${ts.map((t) => EVENT_SHORT[t.event].en).join(', ')}`
				)
			: text(
					`${RFC_NAME[from]} 到 ${RFC_NAME[to]}：${ts.map((t) => shortTransition(t).zh).join('；')}`,
					`${RFC_NAME[from]} to ${RFC_NAME[to]}: ${ts.map((t) => shortTransition(t).en).join('; ')}`
				)
};

// ——— Simulator ———

const APP_CALL: Record<Extract<Event, 'passive_open' | 'active_open' | 'send' | 'close' | 'abort'>, Text> = {
	passive_open: text('listen()（被动打开）', 'listen()'),
	active_open: text('connect()（主动打开）', 'connect()'),
	send: text('send() 发送数据', 'send() data'),
	close: text('close()', 'close()'),
	abort: text('abort()（发送 RST）', 'abort()')
};

/** "SYN-ACK seq=300 ack=101", the label of an arrow. */
export function wireText(w: Wire): Text {
	const rest = `seq=${w.seq}${w.ack !== undefined ? ` ack=${w.ack}` : ''}${w.len ? ` len=${w.len}` : ''}`;
	return { zh: `${SEGMENT_LABEL[w.flag].zh} ${rest}`, en: `${SEGMENT_LABEL[w.flag].en} ${rest}` };
}

export const SIM_UI = {
	title: text('双端模拟器', 'Two-host simulator'),
	lede: text(
		'A 与 B 两端并排，时间向下流动；每一步都由状态机模拟得出。',
		'A and B side by side, time flowing down; every step comes from the state machine.'
	),
	scenario: text('场景', 'Scenario'),
	presets: text('经典路径', 'Classic paths'),
	more: text('更多场景', 'More scenarios'),
	builder: text('自己动手：逐步选择每一端的动作', 'Build your own: pick each side’s moves'),
	predict: text('预测模式：每一步之前，先猜轮到动作的一端（A 或 B）进入哪个状态', 'Predict mode: before each step, guess the next state of the side that acts (A or B)'),
	predictRestarted: text('预测模式已开启：这一轮已经放完，所以从头开始。', 'Predict mode is on: the run had ended, so it begins again from the start.'),
	predictFromNext: text('预测模式已开启：从下一步开始提问。', 'Predict mode is on: questions begin from the next step.'),
	skipHandshake: text('跳过握手：从 ESTABLISHED 开始', 'Skip the handshake: start from ESTABLISHED'),
	restart: text('从头开始', 'Restart'),
	controls: text('播放控制', 'Playback'),
	onDiagram: text('在状态图上一步步点亮这条路径', 'Light this path up on the state diagram'),
	toDiagram: text('打开状态图', 'Open the state diagram'),
	toCapture: text('看 Linux 内核真实录下的这一场景', 'See this recorded from a Linux kernel'),
	previous: text('上一步', 'Previous'),
	next: text('下一步', 'Next'),
	play: text('自动播放', 'Play'),
	pause: text('暂停', 'Pause'),
	stepOf: (k: number, n: number) => text(`第 ${k} / ${n} 步`, `Step ${k} of ${n}`),
	ready: text('两端都处于 CLOSED。按“下一步”开始。', 'Both ends are CLOSED. Press Next to begin.'),
	readyOpen: text('两端都处于 ESTABLISHED，握手已经完成。按“下一步”开始。', 'Both ends are ESTABLISHED: the handshake is done. Press Next to begin.'),
	builderReady: text('两端都处于 CLOSED。从下面为 A 或 B 选一个动作。', 'Both ends are CLOSED. Pick a move for A or B below.'),
	done: text('场景结束。', 'End of the scenario.'),
	diagramLabel: (n: number) =>
		text(`时序图：A 与 B 之间的 ${n} 步，下方列表逐步说明。`, `Sequence diagram of ${n} steps between A and B; the list below describes each step.`),
	inFlight: text('在途', 'in flight'),
	lost: text('丢失', 'lost'),
	now: text('现在', 'now'),
	// Builder
	whatNext: text('下一步发生什么？', 'What happens next?'),
	builderHint: text('只列出此刻可能发生的动作：应用调用、送达或丢弃在途报文、重传、计时器。', 'Only the moves possible right now: application calls, delivering or losing a segment in flight, a retransmission, a timer.'),
	inState: (side: Side, s: State) => text(`${SIDE_NAME[side].zh}，处于 ${RFC_NAME[s]}`, `${SIDE_NAME[side].en}, in ${RFC_NAME[s]}`),
	app: (e: keyof typeof APP_CALL) => APP_CALL[e],
	deliver: (w: Wire) => text(`送达 ${wireText(w).zh}`, `Deliver ${wireText(w).en}`),
	deliverFirst: (w: Wire) => text(`先送达 ${wireText(w).zh}（越过更早的报文）`, `Deliver ${wireText(w).en} first (overtaking)`),
	lose: (w: Wire) => text(`丢弃 ${wireText(w).zh}`, `Lose ${wireText(w).en}`),
	retransmit: text('重传计时器到期：重传', 'Retransmission timer: resend'),
	timeout: (s: State) => (s === 'TIME_WAIT' ? text('2MSL 计时器到期', '2MSL timer expires') : text('用户超时：放弃', 'User timeout: give up')),
	nothing: text('此刻没有可做的动作。', 'Nothing can happen right now.'),
	undo: text('撤销一步', 'Undo a move'),
	startOver: text('清空重来', 'Start over'),
	impossible: (why: string) => text(`这一步不可能：${why}`, `That move is not possible: ${why}`),
	noTransition: (side: Side, s: State) =>
		text(`${SIDE_NAME[side].zh}处于 ${RFC_NAME[s]}，状态机没有这个转换。`, `${SIDE_NAME[side].en} is in ${RFC_NAME[s]}, and the machine has no such transition.`),
	// Predict
	predictHeading: (side: Side) => text(`预测 ${SIDE_NAME[side].zh}的下一个状态`, `Predict ${SIDE_NAME[side].en}’s next state`),
	question: (side: Side, t: Transition, wire?: Wire) => {
		const cond = t.cond ? CONDITION_LABEL[t.cond] : undefined;
		const seg = wire ? wireText(wire) : undefined;
		return text(
			`${SIDE_NAME[side].zh}处于 ${RFC_NAME[t.from]}，此时${eventLabel(t.event, t.from).zh}${seg ? `（${seg.zh}）` : ''}${cond ? `，条件：${cond.zh}` : ''}。它接下来处于哪个状态？`,
			`${SIDE_NAME[side].en} is in ${RFC_NAME[t.from]} and ${eventLabel(t.event, t.from).en}${seg ? ` (${seg.en})` : ''}${cond ? `; ${cond.en}` : ''}. Which state is it in next?`
		);
	},
	right: text('答对了！', 'Right!'),
	wrong: (s: State) => text(`不对：正确答案是 ${RFC_NAME[s]}。`, `Not quite: it is ${RFC_NAME[s]}.`),
	because: (t: Transition) => transitionSentence(t),
	saved: text('已记入复习记录，会影响下次复习的时间。', 'Saved to your review log; it counts for scheduling.'),
	notSaved: text('学习记录尚未加载，这次回答没有保存。', 'Your progress is not loaded, so this answer was not saved.'),
	continue: text('继续', 'Continue'),
	log: text('发生了什么', 'What happened'),
	wire: text('线上的报文（tcpdump -nn）', 'On the wire (tcpdump -nn)'),
	wireNote: text(
		'同一过程在抓包里的样子：初始序号由种子随机生成，SYN 行是绝对序号，之后是相对序号，和 tcpdump 一样；每次发送 100 字节数据。',
		'The same run as a capture shows it: random initial sequence numbers from a seed, absolute in the SYN lines and relative after them, as tcpdump prints; each send carries 100 bytes.'
	),
	wireEmpty: text('还没有报文发出。', 'No segment has been sent yet.'),
	logEmpty: text('还没有发生任何事。', 'Nothing has happened yet.'),
	start: text('开始：A 与 B 都处于 CLOSED', 'Start: A and B are both CLOSED'),
	startOpen: text('开始：A 与 B 都处于 ESTABLISHED（握手已跳过）', 'Start: A and B are both ESTABLISHED (handshake skipped)'),
	openDiagram: (s: State) => text(`在状态图中查看 ${RFC_NAME[s]}`, `See ${RFC_NAME[s]} on the diagram`)
};

