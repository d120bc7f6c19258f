import { describe, expect, it } from 'vitest';
import {
	computeDuration,
	findParam,
	keepaliveDetection,
	orphanRetries,
	PARAMS,
	retries2Timeline,
	retryTimeline,
	synAckTimeline,
	synTimeline
} from '../../src/lib/core/params';

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
	it('reads tcp_orphan_retries = 0 as 8 retries: an orphan gives up after at least 102.2 s (tcp_timer.c)', () => {
		expect(orphanRetries(0)).toBe(8);
		expect(orphanRetries(3)).toBe(3);
		expect(computeDuration('orphan_give_up')).toBe(102.2);
		// 0 and 8 are the same setting; 3 retries: 0.2 + 0.4 + 0.8 + 1.6.
		expect(computeDuration('orphan_give_up', { tcp_orphan_retries: 8 })).toBe(102.2);
		expect(computeDuration('orphan_give_up', { tcp_orphan_retries: 3 })).toBe(3);
		expect(retryTimeline('orphan_give_up')?.retransmissionsAt.at(-1)).toBe(51);
	});
	it('falls short of RFC 9293’s 3 minutes of SYN retransmission by default; 7 retries reach it', () => {
		expect(computeDuration('syn_give_up')).toBeLessThan(180);
		expect(computeDuration('syn_give_up', { tcp_syn_retries: 7 })).toBe(251);
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
	it('records what a fresh kernel prints for the settings of the later topics', () => {
		// tcp_fastopen: 0x1, client only (ip-sysctl.rst); tcp_rfc1337: 0; tcp_orphan_retries: 0, read as 8.
		expect(findParam('tcp_fastopen')?.default).toBe(1);
		expect(findParam('tcp_rfc1337')?.default).toBe(0);
		expect(findParam('tcp_orphan_retries')?.default).toBe(0);
		expect(findParam('tcp_orphan_retries')?.effectiveDefault).toBe(8);
	});
});
