import { APP_HOLDS_SOCKET, type Closer, type ReadCapture, type RstMeaning } from '../../../core/capture/reading';
import type { Packet } from '../../../core/capture/packet';
import type { Side } from '../../../core/fsm';
import { text, type Text } from '../../../core/text';
import type { Option } from '../../../features/quiz/types';

/** The words of the capture questions, in both languages. */

const port = (r: ReadCapture, side: Side) => r.replay.hosts[side].port;

export function hostLabel(r: ReadCapture, side: Side): Text {
	const ep = `127.0.0.1.${port(r, side)}`;
	return side === 'A' ? text(`客户端（${ep}）`, `the client (${ep})`) : text(`服务端（${ep}）`, `the server side (${ep})`);
}

/** What a packet is, from its flags: the words a reader of tcpdump would use. */
export function packetLabel(p: Packet): Text {
	const f = p.flags;
	const [zh, en] = f.rst
		? ['RST', 'a RST']
		: f.syn
			? f.ack
				? ['SYN-ACK', 'a SYN-ACK']
				: ['SYN', 'a SYN']
			: f.fin
				? ['FIN', 'a FIN']
				: p.len > 0
					? [`${p.len} 字节数据`, `${p.len} bytes of data`]
					: ['纯 ACK', 'a bare ACK'];
	return text(`端口 ${p.src.port} 发出的 ${zh}`, `${en} from port ${p.src.port}`);
}

/**
 * What every capture question states because the text cannot show it: loopback delivery, the
 * listener opened earlier, calls whose segment never left, the dropped packet, how the
 * application ended its side.
 */
export function captureSetting(r: ReadCapture, sayLost = true): Text {
	const zh: string[] = [`抓包在本机回环接口上用 tcpdump -nn 录制（${r.info.kernel}）：每个报文被抓到时即已到达对端，两端发出的每个报文都在其中。`];
	const en: string[] = [`It was recorded on loopback with tcpdump -nn (${r.info.kernel}): each packet reaches its receiver the moment it is captured, and every segment either host sent is shown.`];
	zh.push(`客户端（端口 ${port(r, 'A')}）连接端口 ${port(r, 'B')}；若该端口有监听套接字，它在抓包开始前就已打开。`);
	en.push(`The client (port ${port(r, 'A')}) connects to port ${port(r, 'B')}; a listener on that port, if any, was opened before the capture began.`);
	for (const h of r.info.hidden) {
		const who = hostLabel(r, h.side);
		zh.push(`${who.zh}的应用在第 ${h.beforePacket} 个报文之后调用了 close()，但它的 FIN 排在未发出的数据之后，始终没有出现在线上。`);
		en.push(`The application of ${who.en} called close() after packet ${h.beforePacket}, but its FIN waits behind unsent data and never appears on the wire.`);
	}
	if (sayLost)
		for (const i of r.info.lost) {
			zh.push(`第 ${i + 1} 个报文被 tcpdump 记录后即被丢弃，没有到达对端。`);
			en.push(`Packet ${i + 1} was dropped after tcpdump saw it and never reached its receiver.`);
		}
	if (APP_HOLDS_SOCKET[r.info.id]) {
		zh.push('客户端用 shutdown(SHUT_WR)（Node 的 socket.end()）关闭自己的发送方向，套接字仍由应用持有。');
		en.push("The client ends its side with shutdown(SHUT_WR) (Node's socket.end()) and its application keeps the socket.");
	}
	return text(zh.join(''), en.join(' '));
}

/** How the connection closed: the option label, or with `full` the explanation. */
export function CLOSER_LABEL(r: ReadCapture, c: Closer, full = false): Text {
	const a = hostLabel(r, 'A');
	const b = hostLabel(r, 'B');
	const labels: Record<Closer, Text> = {
		client: text(`${a.zh}主动关闭：服务端在收到它的 FIN 之后才关闭`, `${cap(a.en)} closed actively; the server closed only after receiving its FIN`),
		server: text(`${b.zh}主动关闭：客户端在收到它的 FIN 之后才关闭`, `${cap(b.en)} closed actively; the client closed only after receiving its FIN`),
		simultaneous: text('同时关闭：双方都在收到对方的 FIN 之前调用了 close()', "A simultaneous close: each side called close() before the other's FIN reached it"),
		none: text('双方都没有发出 FIN：连接以 RST 结束，或根本没有建立', 'Neither side sent a FIN: the connection ended with a RST, or never opened')
	};
	if (!full) return labels[c];
	const why: Record<Closer, Text> = {
		client: text('先出现的 FIN 来自客户端，服务端的 FIN 在它确认之后才发出，双方都没有经过 CLOSING。', "The first FIN comes from the client; the server's FIN follows its receipt, and neither side passes through CLOSING."),
		server: text('先出现的 FIN 来自服务端，客户端的 FIN 在它确认之后才发出，双方都没有经过 CLOSING。', "The first FIN comes from the server; the client's FIN follows its receipt, and neither side passes through CLOSING."),
		simultaneous: text('一端在 FIN-WAIT-1 中收到对方的 FIN，进入 CLOSING：这正是同时关闭的路径。', "One side receives the other's FIN while in FIN-WAIT-1 and moves to CLOSING: the simultaneous-close path."),
		none: text('抓包中没有 FIN。', 'No FIN appears in the capture.')
	};
	return text(`${labels[c].zh}。${why[c].zh}`, `${labels[c].en}. ${why[c].en}`);
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export const SIMULTANEOUS_LABEL: Record<'yes' | 'no', Option> = {
	yes: { id: 'yes', label: text('是：双方都在收到对方的 FIN 之前调用了 close()', "Yes: each side called close() before the other's FIN reached it") },
	no: { id: 'no', label: text('不是：一端先关闭，另一端在收到它的 FIN 之后才关闭（或根本没有 FIN）', 'No: one side closed first and the other only after receiving its FIN (or no FIN at all)') }
};

/** Meanings a RST never has, offered beside the two it can have here. */
export const RST_NEVER = ['time_wait_over', 'window_full'] as const;

export const RST_LABEL: Record<RstMeaning | (typeof RST_NEVER)[number], Text> = {
	refused: text('该端口上没有监听：主机拒绝连接，connect() 以 ECONNREFUSED 失败', 'Nothing listens on that port: the host refuses the connection and connect() fails with ECONNREFUSED'),
	abort: text(
		'发送方的应用放弃了已建立的连接（SO_LINGER 为 0 时 close()，或关闭时还有收到的数据未读）：连接立即结束，不完成 FIN 交换，也不进入 TIME-WAIT',
		'The sender’s application abandoned an open connection (close() with SO_LINGER 0, or with received data still unread): it ends at once, without finishing the FIN exchange or entering TIME-WAIT'
	),
	time_wait_over: text('发送方的 TIME-WAIT 结束了（2MSL 定时器到期）', 'The sender’s TIME-WAIT is over (its 2MSL timer expired)'),
	window_full: text('接收窗口已满，要求对方停止发送', 'The receive window is full and the peer must stop sending')
};

/** The counters a retransmission question chooses among. */
export const RETRY_PARAMS = ['tcp_syn_retries', 'tcp_synack_retries', 'tcp_retries2', 'tcp_orphan_retries'] as const;
