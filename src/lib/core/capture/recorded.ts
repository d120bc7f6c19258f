/**
 * The captures recorded from a Linux kernel by `npm run captures` (static/captures/): what the
 * index says about each one. A capture cannot show an app call whose segment never left the
 * kernel (a FIN held behind unread data) nor tell a segment lost after the capture point from one
 * delivered: the recorder knows both and writes them here, and the replay is told.
 */
import type { Side } from '$lib/core/fsm/simulate';

export interface HiddenCall {
	side: Side;
	event: 'close';
	/** The call happened after this many packets had been captured. */
	beforePacket: number;
}

export interface CaptureInfo {
	id: string;
	/** `uname -sr` of the machine that recorded it. */
	kernel: string;
	tcpdump: string;
	/** ISO date of the recording. */
	date: string;
	/** The commands run, in order. */
	commands: string[];
	hidden: HiddenCall[];
	/** Indices (from 0) of packets dropped by nftables after tcpdump saw them. */
	lost: number[];
}

export interface CaptureIndex {
	captures: CaptureInfo[];
}
