import { CaptureError, MAX_CAPTURE_BYTES, MAX_PACKETS, endpointKey, flagString, noFlags, type Endpoint, type Packet } from './packet';

/**
 * `tcpdump -nn` text, read and written. Lines look like
 *   ` 00:00:00.000015 IP 127.0.0.1.43017 > 127.0.0.1.49988: Flags [S.], seq 33816, ack 34104, win 65483, options [...], length 0`
 * with any of tcpdump's time forms (or none), IPv4 or IPv6, and tcpdump's default relative
 * sequence numbers, which are turned back into absolute ones the way tcpdump made them: the first
 * packet with an ACK in a connection (or any SYN-ACK) is printed raw and sets both directions'
 * bases; later ACK-bearing packets print seq and ack minus those bases. `-S` output (absolute
 * throughout) is recognised by its large acknowledgement numbers.
 */
export interface TextResult {
	packets: Packet[];
	/** Lines that were not a TCP packet (headers, UDP, continuation lines of -v). */
	skipped: number;
	truncated: boolean;
}

const M32 = 2 ** 32;
const LINE =
	/^\s*(?:(\d{4}-\d\d-\d\d )?(\d+:\d\d:\d\d(?:\.\d+)?|\d+\.\d+)\s+)?(?:\S+\s+(?:In|Out|M|B|P)\s+)?(IP6?) (\S+)\.(\d+) > (\S+)\.(\d+): Flags \[([SFPRUEW.]*|none)\](.*)$/;
const FIELD = {
	seq: /(?:^|, )seq (\d+)(?::(\d+))?/,
	ack: /, ack (\d+)/,
	win: /, win (\d+)/,
	len: /, length (\d+)/
};

export function parseTcpdumpText(text: string): TextResult {
	if (text.length > MAX_CAPTURE_BYTES) throw new CaptureError(`text too large: ${text.length} characters (limit ${MAX_CAPTURE_BYTES})`);
	const raw: (Omit<Packet, 'seq'> & { seq?: number; clock?: number })[] = [];
	let skipped = 0;
	let truncated = false;
	const lines = text.split(/\r?\n/);
	lines.forEach((line, i) => {
		if (!line.trim()) return;
		const m = LINE.exec(line);
		if (!m) return void skipped++;
		if (raw.length >= MAX_PACKETS) return void (truncated = true);
		const rest = m[9]!;
		const flags = noFlags();
		for (const c of m[8]!) {
			if (c === 'S') flags.syn = true;
			else if (c === 'F') flags.fin = true;
			else if (c === 'R') flags.rst = true;
			else if (c === 'P') flags.psh = true;
			else if (c === '.') flags.ack = true;
		}
		const num = (re: RegExp) => {
			const r = re.exec(rest);
			return r ? Number(r[1]) : undefined;
		};
		const seqM = FIELD.seq.exec(rest);
		const ack = num(FIELD.ack);
		const len = num(FIELD.len) ?? (seqM?.[2] !== undefined ? Number(seqM[2]) - Number(seqM[1]) : 0);
		if (flags.ack && ack === undefined) throw new CaptureError(`line ${i + 1}: an ACK flag without an ack number`);
		const p: (typeof raw)[number] = {
			time: 0,
			src: { addr: m[4]!, port: Number(m[5]) },
			dst: { addr: m[6]!, port: Number(m[7]) },
			flags,
			win: num(FIELD.win) ?? 0,
			len
		};
		if (seqM) p.seq = Number(seqM[1]);
		if (flags.ack) p.ack = ack!;
		if (m[2] !== undefined) p.clock = clockSeconds(m[2]);
		if ([p.src.port, p.dst.port, p.win, len, p.seq ?? 0, p.ack ?? 0].some((n) => !Number.isSafeInteger(n) || n < 0 || n >= M32))
			throw new CaptureError(`line ${i + 1}: a number out of range`);
		raw.push(p);
	});
	if (raw.length === 0)
		throw new CaptureError(skipped > 0 ? 'no TCP packet lines found (expected tcpdump -nn output: "IP a.b.c.d.port > ...: Flags [...]")' : 'the text is empty');
	return { packets: absolute(times(raw)), skipped, truncated };
}

function clockSeconds(s: string): number {
	if (!s.includes(':')) return Number(s);
	const [h, m, sec] = s.split(':');
	return Number(h) * 3600 + Number(m) * 60 + Number(sec);
}

/** Times since the first packet. Times that go backwards were printed as deltas (-ttt): add them up. */
function times<T extends { time: number; clock?: number }>(raw: T[]): T[] {
	const clocks = raw.map((p) => p.clock);
	if (clocks.some((c) => c === undefined)) return raw;
	const deltas = clocks.some((c, i) => i > 0 && c! < clocks[i - 1]!);
	let sum = 0;
	raw.forEach((p, i) => {
		sum += clocks[i]!;
		p.time = Math.round((deltas ? sum - clocks[0]! : clocks[i]! - clocks[0]!) * 1e6) / 1e6;
		delete p.clock;
	});
	return raw;
}

function absolute(raw: (Omit<Packet, 'seq'> & { seq?: number })[]): Packet[] {
	const base = new Map<string, number>();
	const next = new Map<string, number>();
	const relative = !raw.some((p, i) => i > 0 && p.flags.ack && !p.flags.syn && (p.ack ?? 0) >= 2 ** 31);
	return raw.map((r) => {
		const src = endpointKey(r.src);
		const dst = endpointKey(r.dst);
		let seq = r.seq;
		let ack = r.ack;
		if (relative && r.flags.ack) {
			const b = base.get(src);
			if (r.flags.syn || b === undefined || !base.has(dst)) {
				if (seq !== undefined) base.set(src, seq);
				base.set(dst, (ack! - 1 + M32) % M32);
			} else {
				if (seq !== undefined) seq = (seq + b) % M32;
				ack = (ack! + base.get(dst)!) % M32;
			}
		}
		// tcpdump leaves out the sequence number of a segment with no data: it is the sender's next.
		seq ??= next.get(src) ?? 0;
		next.set(src, (seq + r.len + (r.flags.syn ? 1 : 0) + (r.flags.fin ? 1 : 0)) % M32);
		const p: Packet = { time: r.time, src: r.src, dst: r.dst, flags: r.flags, seq, win: r.win, len: r.len };
		if (ack !== undefined) p.ack = ack;
		return p;
	});
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function clock(t: number): string {
	const us = Math.round(t * 1e6);
	const s = Math.floor(us / 1e6);
	return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(us % 1e6, 6)}`;
}
const ep = (e: Endpoint) => `${e.addr}.${e.port}`;

/** Write packets as `tcpdump -nn -ttttt` would: times since the first, relative sequence numbers. */
export function formatTcpdumpText(packets: readonly Packet[]): string {
	const base = new Map<string, number>();
	return packets
		.map((p) => {
			const src = endpointKey(p.src);
			const dst = endpointKey(p.dst);
			let seq = p.seq;
			let ack = p.ack;
			if (p.flags.ack) {
				if (p.flags.syn || !base.has(src) || !base.has(dst)) {
					base.set(src, p.seq);
					base.set(dst, (p.ack! - 1 + M32) % M32);
				} else {
					seq = (p.seq - base.get(src)! + M32) % M32;
					ack = (p.ack! - base.get(dst)! + M32) % M32;
				}
			}
			const ip = p.src.addr.includes(':') ? 'IP6' : 'IP';
			const fields = [`Flags [${flagString(p.flags)}]`];
			if (p.len > 0) fields.push(`seq ${seq}:${(seq + p.len) % M32}`);
			else if (p.flags.syn || p.flags.fin || p.flags.rst) fields.push(`seq ${seq}`);
			if (ack !== undefined) fields.push(`ack ${ack}`);
			fields.push(`win ${p.win}`, `length ${p.len}`);
			return ` ${clock(p.time)} ${ip} ${ep(p.src)} > ${ep(p.dst)}: ${fields.join(', ')}`;
		})
		.join('\n');
}
