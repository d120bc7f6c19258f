import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaptureSource } from '../core/capture/reading';
import type { CaptureIndex } from '../core/capture/recorded';

/** The committed captures' index and text forms (static/captures/). Build-time only. */
export function readCaptureFiles(dir = 'static/captures'): CaptureSource[] {
	const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as CaptureIndex;
	return index.captures.map((info) => ({ info, text: readFileSync(join(dir, `${info.id}.txt`), 'utf8') }));
}
