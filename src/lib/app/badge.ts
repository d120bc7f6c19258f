/**
 * The due count on the installed app's icon (Badging API). Only where the browser has it (Chromium
 * on desktop and Android for installed apps, Safari on iOS for home-screen apps); elsewhere nothing
 * happens. Zero clears the badge rather than showing "0".
 */
interface Badging {
	setAppBadge?: (count?: number) => Promise<void>;
	clearAppBadge?: () => Promise<void>;
}

let shown: number | null = null;

export function showDueBadge(count: number, nav: Badging | undefined = globalThis.navigator as Badging | undefined): void {
	if (!nav?.setAppBadge || count === shown) return;
	shown = count;
	// A refusal (not installed, no permission) changes nothing the learner sees: ignored.
	const done = count > 0 ? nav.setAppBadge(count) : (nav.clearAppBadge?.() ?? nav.setAppBadge(0));
	done.catch(() => {});
}
