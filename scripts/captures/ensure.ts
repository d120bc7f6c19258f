/**
 * Before the unit tests: the capture re-recording test needs tcpdump (and nftables for the
 * lost-segment scenarios). As root with apt-get, install what is missing; otherwise say what the
 * test will skip. Never fails: the tests themselves report the skip.
 */
import { spawnSync } from 'node:child_process';

const missing = ['tcpdump', 'nft'].filter((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status !== 0);
const PACKAGE: Record<string, string> = { tcpdump: 'tcpdump', nft: 'nftables' };

if (missing.length === 0) console.log('captures: tcpdump and nft found');
else if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0)
	console.log(`captures: ${missing.join(', ')} missing and no root apt-get: the re-recording test will skip`);
else {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const pkgs = missing.map((m) => PACKAGE[m]!);
	console.log(`captures: apt-get install -y ${pkgs.join(' ')}`);
	const ok =
		spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0 &&
		spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
	if (!ok) console.log('captures: the install failed: the re-recording test will skip');
}
