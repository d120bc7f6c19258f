/**
 * `npx tsx scripts/make-icons.ts`: render the SVG icons to the PNG sizes the manifest lists.
 * Run by hand when the icon changes; the PNGs are committed.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { localChromium } from './browser/local';

const browser = await chromium.launch(localChromium);
const page = await browser.newPage();
for (const [svg, size, out] of [
	['icon', 192, 'icon-192.png'],
	['icon', 512, 'icon-512.png'],
	['maskable', 512, 'maskable-512.png'],
	['icon', 180, 'apple-touch-icon.png']
] as const) {
	await page.setViewportSize({ width: size, height: size });
	const markup = readFileSync(`static/icons/${svg}.svg`, 'utf8');
	await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${markup}`);
	await page.screenshot({ path: `static/icons/${out}`, omitBackground: true });
}
await browser.close();
