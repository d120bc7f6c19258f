import type { ClassBook } from '../features/classroom/book';
import { cleanTitle, resultRecordId, type ClassRecord, type ClassResultRecord } from '../features/classroom/records';
import type { ProgressDB } from './db';

/**
 * A teacher's classes and the result codes collected for them. Only codes are stored: scores and
 * tables are computed again from them against the bank, so nothing here can drift.
 */

/** Keep a class (a quiz code) with its label; adding a known code keeps its first date. */
export async function saveClass(db: ProgressDB, code: string, title: string, now: number): Promise<ClassRecord> {
	const tx = db.transaction('classes', 'readwrite');
	const known = await tx.store.get(code);
	const record: ClassRecord = { code, title: cleanTitle(title), createdAt: known?.createdAt ?? now };
	await Promise.all([tx.store.put(record), tx.done]);
	return record;
}

/** Every class, newest first. */
export async function allClasses(db: ProgressDB): Promise<ClassRecord[]> {
	return (await db.getAllFromIndex('classes', 'by-created')).reverse();
}

export function getClass(db: ProgressDB, code: string): Promise<ClassRecord | undefined> {
	return db.get('classes', code);
}

/** A class and all its results, in one transaction. */
export async function deleteClass(db: ProgressDB, code: string): Promise<void> {
	const tx = db.transaction(['classes', 'classResults'], 'readwrite');
	const results = tx.objectStore('classResults');
	const keys = await results.index('by-class').getAllKeys(code);
	await Promise.all([tx.objectStore('classes').delete(code), ...keys.map((k) => results.delete(k)), tx.done]);
}

/**
 * Add checked result codes to a class. A code already there is skipped, so pasting the same
 * result twice counts once. Returns how many were new.
 */
export async function addResults(db: ProgressDB, classCode: string, results: readonly { code: string; name: string }[], now: number): Promise<{ added: number; skipped: number }> {
	const tx = db.transaction(['classes', 'classResults'], 'readwrite');
	if (!(await tx.objectStore('classes').get(classCode))) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new Error(`no class ${classCode}`);
	}
	const store = tx.objectStore('classResults');
	let added = 0;
	const seen = new Set<string>();
	for (const r of results) {
		const id = resultRecordId(classCode, r.code);
		if (seen.has(id) || (await store.getKey(id)) !== undefined) continue;
		seen.add(id);
		const record: ClassResultRecord = { id, classCode, code: r.code, name: r.name, addedAt: now };
		await store.add(record);
		added++;
	}
	await tx.done;
	return { added, skipped: results.length - added };
}

/** A class's results in the order they were added. */
export async function classResults(db: ProgressDB, classCode: string): Promise<ClassResultRecord[]> {
	const records = await db.getAllFromIndex('classResults', 'by-class', classCode);
	return records.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function deleteResult(db: ProgressDB, id: string): Promise<void> {
	return db.delete('classResults', id);
}

/** The classes in this database, behind the interface an in-memory book shares (see ClassBook). */
export function storedClassBook(db: ProgressDB): ClassBook {
	return {
		saveClass: (code, title, now) => saveClass(db, code, title, now),
		allClasses: () => allClasses(db),
		getClass: (code) => getClass(db, code),
		deleteClass: (code) => deleteClass(db, code),
		addResults: (classCode, results, now) => addResults(db, classCode, results, now),
		classResults: (classCode) => classResults(db, classCode),
		deleteResult: (id) => deleteResult(db, id)
	};
}
