/** The committed captures (static/captures/), read from disk for the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePcap } from '$lib/core/capture/pcap';
import type { CaptureIndex, CaptureInfo } from '$lib/core/capture/recorded';

export const CAPTURE_DIR = 'static/captures';

export function captureIndex(dir = CAPTURE_DIR): CaptureIndex {
	return JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as CaptureIndex;
}

export function pcapOf(info: CaptureInfo, dir = CAPTURE_DIR) {
	return parsePcap(new Uint8Array(readFileSync(join(dir, `${info.id}.pcap`))));
}

export function textOf(info: CaptureInfo, dir = CAPTURE_DIR): string {
	return readFileSync(join(dir, `${info.id}.txt`), 'utf8');
}
