import { json } from '@sveltejs/kit';
import { studyData } from '$lib/server/bank';
import { indexFile } from '$lib/features/study/slices';

export const prerender = true;

/** Every question's id, kind, topic and family: what due counts and session plans need (see slices.ts). */
export function GET() {
	return json(indexFile(studyData()));
}
