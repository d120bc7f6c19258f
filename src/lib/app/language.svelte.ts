import { LANG_KEY } from '$lib/app/early-redirect.js';
import { HTML_LANG, localize } from '$lib/app/href';
import type { Lang, Text } from '$lib/core/text';

/**
 * The page's language, which its address says (`/en/…` is English). The root layout sets it from
 * the URL while rendering, so prerendered HTML is already in the right language; a reader's choice
 * is remembered for the redirect in <head> (src/lib/app/early-redirect.js).
 */
class Language {
	current = $state<Lang>('zh');

	/** Follow the address: on the server while prerendering, in the browser on every navigation. */
	use(lang: Lang) {
		this.current = lang;
		if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[lang];
	}

	/** The reader chose a language: opening a Chinese address later leads to the English one, or not. */
	remember(lang: Lang) {
		try {
			localStorage.setItem(LANG_KEY, lang);
		} catch {
			// Storage blocked: the choice lasts as long as the reader stays on addresses in that language.
		}
	}

	t = (text: Text) => text[this.current];

	/** A link that stays in the page's language: `href={language.href(resolve('/quiz'))}`. */
	href = (path: string) => localize(path, this.current);
}

export const language = new Language();
