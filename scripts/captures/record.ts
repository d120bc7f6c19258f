/**
 * `npm run captures`: record every scenario on loopback with tcpdump while Node sockets play it,
 * and write for each the .pcap, the text form (`tcpdump -nn -ttttt -r`: relative sequence
 * numbers and times) and its provenance in static/captures/index.json.
 * Needs root and tcpdump; the lost-segment scenarios also need nftables (skipped without it).
 * `-- --only id,id` records some; `-- --out dir` writes elsewhere (the re-recording test does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePcap } from '../../src/lib/core/capture/pcap';
import type { CaptureInfo, CaptureIndex } from '../../src/lib/core/capture/recorded';
import { PLAYS, freePort, listen, sleep, type PlayContext } from './plays';
import { captureSupport, dropOnInput, removeDropRules, kernelVersion, pcapToText, packetsWritten, startTcpdump, tcpdumpVersion, TEXT_ARGS } from './tools';

export const CAPTURE_DIR = 'static/captures';

export async function recordOne(id: string, dir: string, canDrop: boolean): Promise<CaptureInfo | undefined> {
	const play = PLAYS[id];
	if (!play) throw new Error(`no scenario ${id}`);
	if (play.drops && !canDrop) return undefined;
	const server = play.listens ? await listen() : undefined;
	const port = server ? (server.address() as { port: number }).port : await freePort();
	const pcap = join(dir, `${id}.pcap`);
	const rec = await startTcpdump(port, pcap);
	const info: CaptureInfo = {
		id,
		kernel: kernelVersion(),
		tcpdump: tcpdumpVersion(),
		date: new Date().toISOString(),
		commands: [`tcpdump ${rec.args.join(' ')}`, `tcpdump ${TEXT_ARGS.join(' ')} ${id}.pcap > ${id}.txt`],
		hidden: [],
		lost: []
	};
	const drops: { from: number; to: number; test: Parameters<PlayContext['drop']>[1] }[] = [];
	const ctx: PlayContext = {
		port,
		server,
		packets: () => packetsWritten(pcap),
		hidden: (side, event) => info.hidden.push({ side, event, beforePacket: packetsWritten(pcap) }),
		drop(match, test) {
			const rule = dropOnInput(match);
			info.commands.push(...rule.commands.slice(0, -1));
			const entry = { from: packetsWritten(pcap), to: Infinity, test };
			drops.push(entry);
			return {
				stop() {
					entry.to = packetsWritten(pcap);
					rule.remove();
					info.commands.push(rule.commands.at(-1)!);
				}
			};
		}
	};
	try {
		await play.play(ctx);
		await sleep(100);
	} finally {
		if (drops.some((d) => d.to === Infinity)) removeDropRules(); // a play that failed before its stop()
		await rec.stop();
		server?.close();
	}
	const { packets } = parsePcap(new Uint8Array(readFileSync(pcap)));
	for (const d of drops)
		packets.forEach((p, i) => {
			if (i >= d.from && i < d.to && d.test(p)) info.lost.push(i);
		});
	writeFileSync(join(dir, `${id}.txt`), pcapToText(pcap));
	return info;
}

async function main() {
	const args = process.argv.slice(2);
	const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : Object.keys(PLAYS);
	const dir = args.includes('--out') ? args[args.indexOf('--out') + 1]! : CAPTURE_DIR;
	const support = captureSupport();
	if (!support.ok) {
		console.error(`captures: cannot record here: ${support.reason}`);
		process.exit(1);
	}
	if (!support.drop) console.warn(`captures: lost-segment scenarios skipped: ${support.reason}`);
	mkdirSync(dir, { recursive: true });
	const indexFile = join(dir, 'index.json');
	let index: CaptureIndex = { captures: [] };
	try {
		index = JSON.parse(readFileSync(indexFile, 'utf8')) as CaptureIndex;
	} catch {
		// a first recording
	}
	for (const id of only) {
		const info = await recordOne(id, dir, support.drop);
		if (!info) {
			console.warn(`captures: ${id} skipped (needs nftables)`);
			continue;
		}
		index.captures = [...index.captures.filter((c) => c.id !== id), info].sort((a, b) => order(a.id) - order(b.id));
		console.log(`captures: ${id}: ${packetsWritten(join(dir, `${id}.pcap`))} packets`);
	}
	writeFileSync(indexFile, JSON.stringify(index, null, '\t') + '\n');
}

const order = (id: string) => Object.keys(PLAYS).indexOf(id);

if (process.argv[1]?.endsWith('record.ts')) await main();
