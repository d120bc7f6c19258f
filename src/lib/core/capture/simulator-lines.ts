import type { Move } from '$lib/core/fsm/simulate';
import { runPackets } from './packet-sim';
import { formatTcpdumpText } from './tcpdump-text';

/**
 * The /simulate page's run as `tcpdump -nn` prints it: the moves so far, on the wire. Loaded only
 * when the reader opens the section, so the page's first download does not grow.
 */
export function simulatorLines(moves: readonly Move[], seed = 'simulate'): string {
	const { packets } = runPackets(moves, { seed, quietData: true });
	return packets.length ? formatTcpdumpText(packets) : '';
}
