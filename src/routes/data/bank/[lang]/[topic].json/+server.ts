import { error, json } from '@sveltejs/kit';
import { LANGS, type Lang } from '$lib/core/text';
import { studyData } from '$lib/server/bank';
import { sliceFile } from '$lib/features/study/slices';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => LANGS.flatMap((lang) => studyData().topics.map((t) => ({ lang, topic: t.id })));

/** One topic's questions in one language, fetched when a session asks them. */
export const GET: RequestHandler = ({ params }) => {
	const lang = params.lang as Lang;
	if (!LANGS.includes(lang) || !studyData().topics.some((t) => t.id === params.topic)) error(404, 'no such slice');
	return json(sliceFile(studyData(), params.topic, lang));
};
