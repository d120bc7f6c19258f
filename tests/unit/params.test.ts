import { describe, expect, it } from 'vitest';
import { computeDuration, findParam, keepaliveDetection, PARAMS, retries2Timeline, synAckTimeline, synTimeline } from '../../src/lib/params';

describe('durations implied by the defaults (facts.md)', () => {
	it('connect() gives up at 131 s by default: four linear 1 s retries first (Linux 6.5+, ip-sysctl.rst)', () => {
		expect(synTimeline()).toEqual({ retransmissionsAt: [1, 2, 3, 4, 5, 7, 11, 19, 35, 67], giveUpAt: 131 });
		expect(computeDuration('syn_give_up')).toBe(131);
		expect(computeDuration('syn_last_retransmission')).toBe(67);
	});
	it('gave up at 127 s, last SYN at 63 s, before the linear timeouts', () => {
		expect(synTimeline(6, 0)).toEqual({ retransmissionsAt: [1, 3, 7, 15, 31, 63], giveUpAt: 127 });
		expect(computeDuration('syn_give_up', { tcp_syn_linear_timeouts: 0 })).toBe(127);
	});
	it('quotes the pre-3.1 figure with a 3 s initial RTO', () => {
		expect(computeDuration('syn_give_up', { tcp_syn_retries: 5, tcp_syn_linear_timeouts: 0, initial_rto: 3 })).toBe(189);
	});
	it('gives up on a half-open connection at 63 s', () => {
		expect(synAckTimeline()).toEqual({ retransmissionsAt: [1, 3, 7, 15, 31], giveUpAt: 63 });
	});
	it('kills a dead established connection after at least 924.6 s', () => {
		expect(retries2Timeline().giveUpAt).toBe(924.6);
	});
	it('finds a dead idle peer after 7875 s', () => {
		expect(keepaliveDetection()).toBe(7875);
	});
	it('knows TIME_WAIT by the RFC and by Linux', () => {
		expect(computeDuration('rfc_time_wait')).toBe(240);
		expect(computeDuration('linux_time_wait')).toBe(60);
	});
});

describe('the parameter registry', () => {
	it('holds the notes’ parameters, tcp_retries2 and somaxconn', () => {
		for (const name of ['tcp_syn_retries', 'tcp_retries1', 'tcp_retries2', 'somaxconn', 'tcp_tw_recycle', 'tcp_keepalive_intvl'])
			expect(findParam(name), name).toBeDefined();
		expect(findParam('net.core.somaxconn')?.default).toBe(4096);
		expect(new Set(PARAMS.map((p) => p.name)).size).toBe(PARAMS.length);
	});
	it('records current defaults, not the notes’', () => {
		expect(findParam('tcp_syn_retries')?.default).toBe(6);
		expect(findParam('tcp_tw_reuse')?.default).toBe(2);
		expect(findParam('tcp_tw_recycle')?.removedIn).toBe('4.12');
		expect(findParam('tcp_max_tw_buckets')?.default).toBeNull();
	});
});
