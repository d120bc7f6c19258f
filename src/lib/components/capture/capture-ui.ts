import type { RecordedId } from '../../core/capture/catalog';
import type { ProblemKind } from '../../core/capture/problem';
import { text, type Text } from '../../core/text';

/**
 * Strings of the capture page (/capture) before a capture is open, in both languages; what the
 * reader shows once one is open is in capture-reader-ui.ts, loaded with it.
 */

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
	fromFile: (name: string) => text(`文件 ${name}`, `File ${name}`),
	pasted: text('粘贴的文本', 'Pasted text'),
};
