import type { Reroute } from '@sveltejs/kit';
import { routeOfPath } from '$lib/app/href';

/** `/en/quiz` shows the `/quiz` route in English: one route folder serves both languages. */
export const reroute: Reroute = ({ url }) => routeOfPath(url.pathname);
