/** Where a teacher's classes live when the browser allows no IndexedDB: this tab's session storage. */
import { memoryClassBook, type ClassBook, type ClassBookData } from '$lib/features/classroom/book';

const TAB_CLASSES = 'tcp-quest:classes';

/** A class book that lasts across this tab's reloads (and only as long as the page without session storage). */
export function tabClassBook(storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof sessionStorage === 'undefined' ? null : sessionStorage): ClassBook {
	let initial: ClassBookData | undefined;
	try {
		const data = JSON.parse(storage?.getItem(TAB_CLASSES) ?? 'null') as ClassBookData | null;
		if (data && Array.isArray(data.classes) && Array.isArray(data.results)) initial = data;
	} catch {
		// No session storage either: the classes last as long as this page.
	}
	return memoryClassBook(initial, (data) => {
		try {
			storage?.setItem(TAB_CLASSES, JSON.stringify(data));
		} catch {
			// As above.
		}
	});
}
