/**
 * Prepare a CouchDB 3 database for TCP Quest sync:
 *   COUCHDB_ADMIN=admin COUCHDB_ADMIN_PASSWORD=… SYNC_PASSWORD=… npm run sync:setup -- https://couch.example.org:6984 [--db tcp-quest] [--user learner]
 * Creates the database, the member user (if missing) and `_security` (members only, no admins
 * beyond the server's), and installs the design document whose validate_doc_update keeps batches
 * write-once. Every call is authenticated as the admin; credentials come from the environment, so
 * they never appear in a URL or the shell history. Running it again changes nothing.
 */
import { designDoc, DESIGN_ID } from '../../src/lib/features/sync/design';

export interface SetupOptions {
	server: string;
	db: string;
	user: string;
	admin: { name: string; password: string };
	/** The member's password; only needed when the user does not exist yet. */
	userPassword?: string;
	log?: (line: string) => void;
}

export async function setup(o: SetupOptions): Promise<void> {
	const log = o.log ?? console.log;
	const base = o.server.replace(/\/+$/, '');
	const auth = `Basic ${Buffer.from(`${o.admin.name}:${o.admin.password}`).toString('base64')}`;
	const call = async (method: string, path: string, body?: unknown, ok: number[] = []) => {
		const res = await fetch(`${base}/${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
		if (!res.ok && !ok.includes(res.status)) throw new Error(`${method} /${path}: ${res.status} ${String(json.reason ?? json.error ?? '')}`);
		return { status: res.status, json };
	};
	const db = encodeURIComponent(o.db);
	const created = await call('PUT', db, undefined, [412]);
	log(created.status === 412 ? `database ${o.db} exists` : `database ${o.db} created`);
	const userId = `org.couchdb.user:${o.user}`;
	const existing = await call('GET', `_users/${encodeURIComponent(userId)}`, undefined, [404]);
	if (existing.status === 404) {
		if (!o.userPassword) throw new Error(`user ${o.user} does not exist: set SYNC_PASSWORD to create it`);
		await call('PUT', `_users/${encodeURIComponent(userId)}`, { _id: userId, name: o.user, password: o.userPassword, roles: [], type: 'user' });
		log(`user ${o.user} created`);
	} else log(`user ${o.user} exists`);
	await call('PUT', `${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [o.user], roles: [] } });
	log(`${o.user} is the database's only member`);
	const current = await call('GET', `${db}/${DESIGN_ID}`, undefined, [404]);
	const doc = { ...designDoc(), ...(current.status === 200 ? { _rev: current.json._rev } : {}) };
	await call('PUT', `${db}/${DESIGN_ID}`, doc);
	log('design document installed: batches are write-once');
}

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const server = process.argv.slice(2).find((a) => /^https?:\/\//.test(a));
	const name = process.env.COUCHDB_ADMIN;
	const password = process.env.COUCHDB_ADMIN_PASSWORD;
	if (!server || !name || !password) {
		console.error('usage: COUCHDB_ADMIN=… COUCHDB_ADMIN_PASSWORD=… [SYNC_PASSWORD=…] npm run sync:setup -- <server url> [--db tcp-quest] [--user learner]');
		process.exit(2);
	}
	if (new URL(server).username) {
		console.error('Put credentials in COUCHDB_ADMIN and COUCHDB_ADMIN_PASSWORD, not in the URL.');
		process.exit(2);
	}
	setup({ server, db: arg('db', 'tcp-quest'), user: arg('user', 'learner'), admin: { name, password }, userPassword: process.env.SYNC_PASSWORD }).catch((e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	});
}
