import type { SavedRun } from '$lib/features/classroom';

/** A student's finished run, kept in this browser so reopening the quiz link shows the result again. */
const key = (quizCode: string) => `tcp-quest:classroom:${quizCode}`;

/** What was saved for this quiz, unchecked (restoreRun checks it), or null. */
export function loadSavedRun(quizCode: string): unknown {
	try {
		const raw = localStorage.getItem(key(quizCode));
		return raw ? JSON.parse(raw) : null;
	} catch {
		return null;
	}
}

export function saveRun(quizCode: string, saved: SavedRun | null) {
	if (!saved) return;
	try {
		localStorage.setItem(key(quizCode), JSON.stringify(saved));
	} catch {
		// Private mode: the code is on screen, which is what matters.
	}
}
