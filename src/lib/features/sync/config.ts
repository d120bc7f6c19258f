/**
 * Where to sync: a CouchDB server, a database and a member's name and password. The password is
 * sent only in an Authorization header, never in a URL, and the whole config stays on the device
 * (not in settings, not in backups).
 */
import { text, type Text } from '../../core/text';

export interface SyncConfig {
	/** The server's origin, e.g. `https://couch.example.org:6984` (a path prefix is allowed). */
	server: string;
	db: string;
	user: string;
	password: string;
}

/** CouchDB's own rule for database names. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type CheckedConfig = { ok: true; config: SyncConfig; origin: string; dbUrl: string } | { ok: false; error: Text };

/** Check a config typed by the learner; the database's address (no credentials in it) and the origin the CSP must allow. */
export function checkConfig(input: SyncConfig): CheckedConfig {
	const refuse = (zh: string, en: string): CheckedConfig => ({ ok: false, error: text(zh, en) });
	let url: URL;
	try {
		url = new URL(input.server.trim());
	} catch {
		return refuse('服务器地址不是有效的网址', 'The server address is not a valid URL');
	}
	if (url.username || url.password) return refuse('用户名和密码请填在下面的栏里，不要写进网址', 'Put the user and password in their own fields, not in the URL');
	if (url.search || url.hash) return refuse('服务器地址不能带 ? 或 # 部分', 'The server address cannot have a ? or # part');
	const local = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
		return refuse('只能使用 https 地址（本机 localhost 除外）', 'Only https addresses are allowed (except localhost)');
	const db = input.db.trim();
	if (!DB_NAME.test(db)) return refuse('数据库名须以小写字母开头，只含小写字母、数字和 _$()+-/', 'The database name must start with a lowercase letter and hold only a–z, 0–9 and _$()+-/');
	const user = input.user.trim();
	if (!user || user.includes(':')) return refuse('请填写用户名（不能含冒号）', 'Enter a user name (without a colon)');
	if (!input.password) return refuse('请填写密码', 'Enter the password');
	const base = url.href.replace(/\/+$/, '');
	return { ok: true, config: { server: base, db, user, password: input.password }, origin: url.origin, dbUrl: `${base}/${encodeURIComponent(db)}` };
}

/** The Authorization header for a config (HTTP basic; UTF-8 names and passwords allowed). */
export function authHeader(config: Pick<SyncConfig, 'user' | 'password'>): string {
	const bytes = new TextEncoder().encode(`${config.user}:${config.password}`);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return `Basic ${btoa(binary)}`;
}

/** An origin safe to write into a CSP (scheme, host, optional port — nothing that could end the directive). */
export const isCspOrigin = (origin: string): boolean => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^http:\/\/\[::1\](:\d{1,5})?$/.test(origin);

/** The delay before retry `n` (0-based) after a failure: 1 s doubling to 5 minutes, with jitter so devices do not beat in step. */
export function backoff(n: number, random = Math.random): number {
	const base = Math.min(300_000, 1000 * 2 ** Math.min(n, 12));
	return Math.round(base * (0.75 + 0.5 * random()));
}
