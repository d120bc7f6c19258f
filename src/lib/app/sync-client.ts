/**
 * PouchDB, loaded only by sync (its own chunk): a local database with every batch of this device's
 * copy, replicated with the learner's CouchDB. Credentials go in the Authorization header only.
 */
import PouchDB, { type PouchInstance, type Replication } from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { SyncConfig } from '$lib/features/sync/config';

const Pouch = PouchDB.plugin(idb).plugin(http).plugin(replication);
/** The local copy's IndexedDB name (PouchDB prefixes `_pouch_`). */
export const LOCAL_NAME = 'tcp-quest-sync';

export const openLocal = (): PouchInstance => new Pouch(LOCAL_NAME, { adapter: 'idb', auto_compaction: true });

export function openRemote(dbUrl: string, config: SyncConfig): PouchInstance {
	// skip_setup: a member cannot create databases, and a missing one is an error to report, not to make.
	return new Pouch(dbUrl, { adapter: 'http', skip_setup: true, auth: { username: config.user, password: config.password } });
}

export type { PouchInstance, Replication };
