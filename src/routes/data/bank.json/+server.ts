import { json } from '@sveltejs/kit';
import { studyData } from '$lib/server/bank';

export const prerender = true;

/**
 * The whole bank in both languages: only the classroom needs it (a class quiz's fingerprint covers
 * both languages). Study pages fetch the index and the slices beside it (`/data/bank/…`).
 */
export function GET() {
	return json(studyData());
}
