export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** A string in both languages. Every visible string of the app is one of these. */
export type Text = Record<Lang, string>;

export const text = (zh: string, en: string): Text => ({ zh, en });

/** After a label: "问：" in Chinese, "Q: " in English. */
export const COLON: Text = text('：', ': ');
