import { cleanTitle, resultRecordId, type ClassRecord, type ClassResultRecord } from './records';

/**
 * Where a teacher's classes and collected result codes are kept. The store keeps them in
 * IndexedDB (src/lib/store/classroom.ts); where the browser allows no IndexedDB, `memoryClassBook`
 * keeps them for the tab with the same rules, so the classroom works either way.
 */
export interface ClassBook {
	/** Keep a class (a quiz code) with its label; adding a known code keeps its first date. */
	saveClass(code: string, title: string, now: number): Promise<ClassRecord>;
	/** Every class, newest first. */
	allClasses(): Promise<ClassRecord[]>;
	getClass(code: string): Promise<ClassRecord | undefined>;
	/** A class and all its results. */
	deleteClass(code: string): Promise<void>;
	/** Add checked result codes to a known class; a code already there counts once. */
	addResults(classCode: string, results: readonly { code: string; name: string }[], now: number): Promise<{ added: number; skipped: number }>;
	/** A class's results in the order they were added. */
	classResults(classCode: string): Promise<ClassResultRecord[]>;
	deleteResult(id: string): Promise<void>;
}

/** Everything a memory book holds, as plain data (to keep it across reloads of the tab). */
export interface ClassBookData {
	classes: ClassRecord[];
	results: ClassResultRecord[];
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the store's indexes give: classes newest first; results oldest first, ties by id. */
export const newestClassFirst = (a: ClassRecord, b: ClassRecord) => b.createdAt - a.createdAt || byCode(b.code, a.code);
export const resultOrder = (a: ClassResultRecord, b: ClassResultRecord) => a.addedAt - b.addedAt || byCode(a.id, b.id);

/** A class book in memory; `changed` hears the whole content after every change. */
export function memoryClassBook(initial: ClassBookData = { classes: [], results: [] }, changed: (data: ClassBookData) => void = () => {}): ClassBook {
	const classes = new Map(initial.classes.map((c) => [c.code, { ...c }]));
	const results = new Map(initial.results.filter((r) => classes.has(r.classCode)).map((r) => [r.id, { ...r }]));
	const tell = () => changed({ classes: [...classes.values()].map((c) => ({ ...c })), results: [...results.values()].map((r) => ({ ...r })) });
	return {
		async saveClass(code, title, now) {
			const record: ClassRecord = { code, title: cleanTitle(title), createdAt: classes.get(code)?.createdAt ?? now };
			classes.set(code, record);
			tell();
			return { ...record };
		},
		async allClasses() {
			return [...classes.values()].map((c) => ({ ...c })).sort(newestClassFirst);
		},
		async getClass(code) {
			const c = classes.get(code);
			return c && { ...c };
		},
		async deleteClass(code) {
			classes.delete(code);
			for (const [id, r] of results) if (r.classCode === code) results.delete(id);
			tell();
		},
		async addResults(classCode, list, now) {
			if (!classes.has(classCode)) throw new Error(`no class ${classCode}`);
			let added = 0;
			for (const r of list) {
				const id = resultRecordId(classCode, r.code);
				if (results.has(id)) continue;
				results.set(id, { id, classCode, code: r.code, name: r.name, addedAt: now });
				added++;
			}
			if (added) tell();
			return { added, skipped: list.length - added };
		},
		async classResults(classCode) {
			return [...results.values()].filter((r) => r.classCode === classCode).map((r) => ({ ...r })).sort(resultOrder);
		},
		async deleteResult(id) {
			if (results.delete(id)) tell();
		}
	};
}
