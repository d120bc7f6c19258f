import { pendingIn, type Condition, type Event, type Role, type Segment, type State } from './';
import { text, type Text } from '../text';

/**
 * How an event reads in a sentence: "FIN-WAIT-1 on receiving a FIN". Each label fits every state
 * the event is used in (nothing here presumes a SYN or FIN of ours is outstanding); `eventLabel`
 * says more where the state allows it.
 */
export const EVENT_LABEL: Record<Event, Text> = {
	passive_open: text('应用调用 listen（被动打开）', 'the application listens (passive open)'),
	active_open: text('应用调用 connect（主动打开）', 'the application connects (active open)'),
	send: text('应用发送数据', 'the application sends data'),
	close: text('应用调用 close', 'the application closes'),
	abort: text('应用中止连接（abort）', 'the application aborts'),
	recv_syn: text('收到 SYN', 'a SYN arrives'),
	recv_syn_ack: text('收到 SYN+ACK', 'a SYN-ACK arrives'),
	recv_ack: text('收到一个 ACK', 'an ACK arrives'),
	recv_fin: text('收到 FIN', 'a FIN arrives'),
	recv_fin_ack: text('收到一个带 ACK 的 FIN', 'a FIN with an ACK arrives'),
	recv_rst: text('收到 RST', 'a RST arrives'),
	timeout_2msl: text('2MSL 计时器到期', 'the 2MSL timer expires'),
	retransmit: text('重传计时器到期', 'the retransmission timer expires'),
	user_timeout: text('重传次数用尽（用户超时到期）', 'retries run out (the user timeout expires)')
};

/** Sharper labels where the state can have our FIN outstanding, so the premise is possible there. */
const ACK_OF_OUR_FIN = text('收到对本端 FIN 的 ACK', 'the ACK of our FIN arrives');
const FIN_ACKING_OUR_FIN = text('收到同时确认了本端 FIN 的 FIN', 'a FIN arrives that also acknowledges our FIN');

/** RFC 9293's SEND on a listening connection turns it active; no sockets API call does that. */
const SEND_IN_LISTEN = text(
	'应用在监听中的连接上调用 SEND（RFC 定义的接口，套接字 API 里没有对应的调用）',
	'the application calls SEND on the listening connection (an RFC call no sockets API offers)'
);

/** The event as it reads in this state. */
export function eventLabel(event: Event, state: State): Text {
	if (event === 'send' && state === 'LISTEN') return SEND_IN_LISTEN;
	if (pendingIn(state).has('FIN')) {
		if (event === 'recv_ack') return ACK_OF_OUR_FIN;
		if (event === 'recv_fin_ack') return FIN_ACKING_OUR_FIN;
	}
	return EVENT_LABEL[event];
}

export const SEGMENT_LABEL: Record<Segment, Text> = {
	SYN: text('SYN', 'SYN'),
	SYN_ACK: text('SYN+ACK', 'SYN-ACK'),
	ACK: text('ACK', 'ACK'),
	FIN: text('FIN', 'FIN'),
	RST: text('RST', 'RST'),
	none: text('不发送任何报文', 'nothing')
};

export const CONDITION_LABEL: Record<Condition, Text> = {
	from_listen: text('该连接由 LISTEN（被动打开）进入 SYN-RECEIVED', 'SYN-RECEIVED was reached from LISTEN (passive open)'),
	from_syn_sent: text('该连接由 SYN-SENT（同时打开）进入 SYN-RECEIVED', 'SYN-RECEIVED was reached from SYN-SENT (simultaneous open)'),
	ack_acceptable: text('ACK 可接受：它确认了本端的 SYN', 'the ACK is acceptable: it acknowledges our SYN'),
	ack_unacceptable: text('ACK 不可接受：它确认的序号本端从未发送过', 'the ACK is not acceptable: it acknowledges a number we never sent'),
	own_fin_unacked: text('本端的 FIN 尚未被确认', 'our own FIN is not yet acknowledged'),
	data_unacked: text('本端发出的数据尚未被确认', 'data we sent is still unacknowledged'),
	rfc1337_off: text('tcp_rfc1337 = 0，即 Linux 的默认值', 'tcp_rfc1337 = 0, Linux’s default'),
	rfc1337_on: text('tcp_rfc1337 = 1', 'tcp_rfc1337 = 1')
};

export const ROLE_LABEL: Record<Role, Text> = {
	both: text('通信双方都会经过', 'both sides, in every connection'),
	active_opener: text('主动打开方（客户端）', 'the active opener (the client)'),
	passive_opener: text('被动打开方（服务端）', 'the passive opener (the server)'),
	active_closer: text('主动关闭方（先发 FIN 的一方）', 'the active closer (the side that sends the first FIN)'),
	passive_closer: text('被动关闭方（后发 FIN 的一方）', 'the passive closer (the side that receives the first FIN)'),
	simultaneous_open: text('仅在同时打开时，双方都会经过', 'both sides, only in a simultaneous open'),
	simultaneous_close: text('仅在同时关闭时，双方都会经过', 'both sides, only in a simultaneous close')
};
