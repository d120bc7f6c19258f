/**
 * Which Chromium the end-to-end tests run in, and how to get one on a machine that has none.
 * Pure: every lookup and install is a probe passed in, so a unit test can play any machine.
 */

/** Debian's package: the one browser this machine's closed network can always install. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type BrowserSource = 'debian' | 'playwright-cache' | 'playwright-install' | 'apt-get';

export interface BrowserProbes {
	exists(path: string): boolean;
	/** Where Playwright keeps the Chromium of its own version (present or not). */
	playwrightChromium(): string;
	/** `npx playwright install chromium`; false when the download fails. */
	playwrightInstall(): boolean;
	isRoot(): boolean;
	hasAptGet(): boolean;
	/** `apt-get update && apt-get install -y chromium`; false when it fails. */
	aptInstall(): boolean;
}

export type BrowserChoice =
	| { ok: true; source: BrowserSource; executablePath: string }
	| { ok: false; message: string };

export const NO_BROWSER_MESSAGE =
	"No Chromium for the end-to-end tests: install Debian's chromium (apt-get install chromium) or run `npx playwright install chromium`.";

/** A browser already on this machine, without installing anything (what playwright.config uses). */
export function installedBrowser(probes: Pick<BrowserProbes, 'exists' | 'playwrightChromium'>): BrowserChoice {
	if (probes.exists(DEBIAN_CHROMIUM)) return { ok: true, source: 'debian', executablePath: DEBIAN_CHROMIUM };
	const cached = probes.playwrightChromium();
	if (probes.exists(cached)) return { ok: true, source: 'playwright-cache', executablePath: cached };
	return { ok: false, message: NO_BROWSER_MESSAGE };
}

/**
 * The first that works, in order: Debian's Chromium, Playwright's cache, Playwright's download,
 * then apt-get (as root only: anyone else would be asked for a password mid-test).
 */
export function findBrowser(probes: BrowserProbes): BrowserChoice {
	const installed = installedBrowser(probes);
	if (installed.ok) return installed;
	if (probes.playwrightInstall() && probes.exists(probes.playwrightChromium())) {
		return { ok: true, source: 'playwright-install', executablePath: probes.playwrightChromium() };
	}
	if (probes.isRoot() && probes.hasAptGet() && probes.aptInstall() && probes.exists(DEBIAN_CHROMIUM)) {
		return { ok: true, source: 'apt-get', executablePath: DEBIAN_CHROMIUM };
	}
	return installed;
}

const SOURCE_TEXT: Record<BrowserSource, string> = {
	debian: "Debian's Chromium",
	'playwright-cache': "Playwright's cached Chromium",
	'playwright-install': 'Chromium just downloaded by Playwright',
	'apt-get': "Debian's Chromium, just installed with apt-get"
};

/** The one line the test run prints about its browser. */
export function describeChoice(choice: BrowserChoice): string {
	return choice.ok ? `e2e browser: ${SOURCE_TEXT[choice.source]} (${choice.executablePath})` : choice.message;
}

/**
 * Flags for a headless Chromium as root with no network beyond the registries: without the
 * background-networking ones it keeps dialling Google's hosts and getting refused.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
