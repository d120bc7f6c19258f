import type { Lang, Text } from '$lib/i18n/lang';

const KEY = 'tcp-quest:lang';

/** The reader's language: saved choice, else the browser's, else Chinese (the prerendered one). */
class Language {
	current = $state<Lang>('zh');

	init() {
		const saved = localStorage.getItem(KEY);
		this.set(saved === 'zh' || saved === 'en' ? saved : navigator.language.startsWith('zh') ? 'zh' : 'en', false);
	}

	set(lang: Lang, save = true) {
		this.current = lang;
		document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
		if (save) localStorage.setItem(KEY, lang);
	}

	toggle() {
		this.set(this.current === 'zh' ? 'en' : 'zh');
	}

	t = (text: Text) => text[this.current];
}

export const language = new Language();
