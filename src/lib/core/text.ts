export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** A string in both languages. Every visible string of the app is one of these. */
export type Text = Record<Lang, string>;

export const text = (zh: string, en: string): Text => ({ zh, en });

/** After a label: "问：" in Chinese, "Q: " in English. */
export const COLON: Text = text('：', ': ');

/**
 * A whole number with its thousands apart, `12,345`, as counts and XP read in both languages; without
 * Intl, whose first use on a page loads ICU's locale data (see log/zone.ts). Others go to Intl.
 */
export const groupDigits = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US'));
