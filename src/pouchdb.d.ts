// PouchDB 9 ships no types; these declare the little the app and tests use (see src/lib/features/sync/engine.ts).
declare module 'pouchdb-core' {
	import type { DocDB } from '$lib/features/sync/engine';
	export interface Replication {
		on(event: string, listener: (info: unknown) => void): Replication;
		cancel(): void;
	}
	export interface PouchInstance extends DocDB {
		replicate: { to(target: PouchInstance, options?: object): Replication & Promise<unknown>; from(source: PouchInstance, options?: object): Replication & Promise<unknown> };
		sync(remote: PouchInstance, options?: object): Replication & Promise<unknown>;
		info(): Promise<{ doc_count: number; update_seq: number | string }>;
		destroy(): Promise<unknown>;
		close(): Promise<unknown>;
	}
	interface PouchStatic {
		new (name: string, options?: object): PouchInstance;
		plugin(plugin: unknown): PouchStatic;
	}
	const PouchDB: PouchStatic;
	export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
	const plugin: unknown;
	export default plugin;
}
declare module 'pouchdb-adapter-http' {
	const plugin: unknown;
	export default plugin;
}
declare module 'pouchdb-adapter-memory' {
	const plugin: unknown;
	export default plugin;
}
declare module 'pouchdb-replication' {
	const plugin: unknown;
	export default plugin;
}
