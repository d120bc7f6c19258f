/**
 * The recorder's tools: tcpdump on loopback, and nftables rules that drop chosen segments.
 * Everything here needs root (CI is root on Debian); `captureSupport()` says what is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

export const TCPDUMP = 'tcpdump';
export const NFT = 'nft';
/** Enough for Ethernet + IPv6 + a TCP header with every option: data bytes are not kept. */
export const SNAPLEN = 160;
const NFT_TABLE = 'tcpquest_capture';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export interface Support {
	ok: boolean;
	drop: boolean;
	reason?: string;
}

/** Whether this machine can record (root and tcpdump) and drop segments (nft that works). */
export function captureSupport(): Support {
	if (process.getuid?.() !== 0) return { ok: false, drop: false, reason: 'not root (tcpdump on lo needs it)' };
	if (!has(TCPDUMP)) return { ok: false, drop: false, reason: 'tcpdump is not installed (apt-get install tcpdump)' };
	if (!has(NFT)) return { ok: true, drop: false, reason: 'nft is not installed (apt-get install nftables)' };
	const probe = spawnSync(NFT, ['add', 'table', 'inet', `${NFT_TABLE}_probe`], { encoding: 'utf8' });
	if (probe.status !== 0) return { ok: true, drop: false, reason: `nft cannot add a table here: ${probe.stderr.trim()}` };
	spawnSync(NFT, ['delete', 'table', 'inet', `${NFT_TABLE}_probe`]);
	return { ok: true, drop: true };
}

export function kernelVersion(): string {
	return spawnSync('uname', ['-sr'], { encoding: 'utf8' }).stdout.trim();
}

export function tcpdumpVersion(): string {
	return spawnSync(TCPDUMP, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]!.trim();
}

/** Packets in a pcap file written so far (tcpdump -U writes each one whole). */
export function packetsWritten(file: string): number {
	let buf: Buffer;
	try {
		if (statSync(file).size < 24) return 0;
		buf = readFileSync(file);
	} catch {
		return 0;
	}
	const le = buf.readUInt32LE(0) === 0xa1b2c3d4 || buf.readUInt32LE(0) === 0xa1b23c4d;
	let n = 0;
	for (let off = 24; off + 16 <= buf.length; n++) {
		const incl = le ? buf.readUInt32LE(off + 8) : buf.readUInt32BE(off + 8);
		if (off + 16 + incl > buf.length) break;
		off += 16 + incl;
	}
	return n;
}

export interface Recording {
	args: string[];
	stop(): Promise<void>;
}

/** Start tcpdump on lo for one port and resolve once it is listening. */
export async function startTcpdump(port: number, file: string): Promise<Recording> {
	const args = ['-i', 'lo', '-nn', '-U', '--immediate-mode', '-s', String(SNAPLEN), '-w', file, `tcp port ${port}`];
	const child: ChildProcess = spawn(TCPDUMP, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		let err = '';
		const timer = setTimeout(() => reject(new Error(`tcpdump did not start: ${err}`)), 5000);
		child.stderr!.on('data', (d: Buffer) => {
			err += d.toString();
			if (err.includes('listening on')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => reject(new Error(`tcpdump exited (${code}): ${err}`)));
	});
	return {
		args,
		async stop() {
			await new Promise((r) => setTimeout(r, 200)); // the last packets reach the file
			child.kill('SIGINT');
			await exited;
		}
	};
}

/** `tcpdump -nn -r file` with times relative to the first packet and relative sequence numbers. */
export const TEXT_ARGS = ['-nn', '-ttttt', '-r'];

export function pcapToText(file: string): string {
	const r = spawnSync(TCPDUMP, [...TEXT_ARGS, file], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`tcpdump -r ${file}: ${r.stderr}`);
	return r.stdout;
}

export interface DropRule {
	/** The nft commands run, for the provenance. */
	commands: string[];
	remove(): void;
}

/**
 * Drop matching segments as they arrive on lo (the input hook): tcpdump has already seen them,
 * as a capture at the sender would, but the receiving socket never does.
 */
export function dropOnInput(match: string): DropRule {
	const commands = [
		`nft add table inet ${NFT_TABLE}`,
		`nft add chain inet ${NFT_TABLE} in { type filter hook input priority 0 ; }`,
		`nft add rule inet ${NFT_TABLE} in ${match} drop`
	];
	for (const c of commands) {
		const r = spawnSync(NFT, [c.slice(NFT.length + 1)], { encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`${c}: ${r.stderr}`);
	}
	return { commands: [...commands, `nft delete table inet ${NFT_TABLE}`], remove: removeDropRules };
}

/** Remove the recorder's nftables table (and with it every drop rule). */
export function removeDropRules() {
	spawnSync(NFT, ['delete', 'table', 'inet', NFT_TABLE], { stdio: 'ignore' });
}
