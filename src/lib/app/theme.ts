import type { Theme } from '$lib/core/log';

/** "system" follows prefers-color-scheme (app.css); light and dark pin it. */
export function applyTheme(theme: Theme) {
	const root = document.documentElement;
	if (theme === 'system') delete root.dataset.theme;
	else root.dataset.theme = theme;
}
