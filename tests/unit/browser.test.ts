import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, describeChoice, findBrowser, NO_BROWSER_MESSAGE, type BrowserProbes } from '../../scripts/browser/find';

const CACHED = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine with the given files, whose installs succeed or fail as told, recording what was tried. */
function machine(opts: { files?: string[]; playwrightDownloads?: boolean; root?: boolean; aptGet?: boolean; aptWorks?: boolean }) {
	const files = new Set(opts.files ?? []);
	const tried: string[] = [];
	const probes: BrowserProbes = {
		exists: (path) => files.has(path),
		playwrightChromium: () => CACHED,
		playwrightInstall: () => {
			tried.push('playwright');
			if (opts.playwrightDownloads) files.add(CACHED);
			return !!opts.playwrightDownloads;
		},
		isRoot: () => !!opts.root,
		hasAptGet: () => !!opts.aptGet,
		aptInstall: () => {
			tried.push('apt-get');
			if (opts.aptWorks) files.add(DEBIAN_CHROMIUM);
			return !!opts.aptWorks;
		}
	};
	return { probes, tried };
}

describe('finding a browser for the end-to-end tests', () => {
	it("takes Debian's Chromium first and installs nothing", () => {
		const { probes, tried } = machine({ files: [DEBIAN_CHROMIUM, CACHED], root: true, aptGet: true });
		expect(findBrowser(probes)).toEqual({ ok: true, source: 'debian', executablePath: DEBIAN_CHROMIUM });
		expect(tried).toEqual([]);
	});

	it("takes Playwright's cache next", () => {
		const { probes, tried } = machine({ files: [CACHED] });
		expect(findBrowser(probes)).toEqual({ ok: true, source: 'playwright-cache', executablePath: CACHED });
		expect(tried).toEqual([]);
	});

	it("downloads Playwright's Chromium when nothing is installed", () => {
		const { probes, tried } = machine({ playwrightDownloads: true, root: true, aptGet: true, aptWorks: true });
		expect(findBrowser(probes)).toMatchObject({ ok: true, source: 'playwright-install' });
		expect(tried).toEqual(['playwright']);
	});

	it('falls back to apt-get as root when the download fails (a closed network)', () => {
		const { probes, tried } = machine({ root: true, aptGet: true, aptWorks: true });
		expect(findBrowser(probes)).toEqual({ ok: true, source: 'apt-get', executablePath: DEBIAN_CHROMIUM });
		expect(tried).toEqual(['playwright', 'apt-get']);
	});

	it('never runs apt-get for someone who is not root, or where there is no apt-get', () => {
		for (const opts of [{ root: false, aptGet: true }, { root: true, aptGet: false }]) {
			const { probes, tried } = machine({ ...opts, aptWorks: true });
			expect(findBrowser(probes)).toEqual({ ok: false, message: NO_BROWSER_MESSAGE });
			expect(tried).toEqual(['playwright']);
		}
	});

	it('stops with one line that says what to install when every source fails', () => {
		const { probes, tried } = machine({ root: true, aptGet: true, aptWorks: false });
		const choice = findBrowser(probes);
		expect(choice.ok).toBe(false);
		expect(tried).toEqual(['playwright', 'apt-get']);
		const line = describeChoice(choice);
		expect(line).not.toContain('\n');
		expect(line).toMatch(/apt-get install chromium/);
		expect(line).toMatch(/npx playwright install chromium/);
	});

	it('says which browser it used', () => {
		const { probes } = machine({ files: [DEBIAN_CHROMIUM] });
		expect(describeChoice(findBrowser(probes))).toBe(`e2e browser: Debian's Chromium (${DEBIAN_CHROMIUM})`);
	});
});
