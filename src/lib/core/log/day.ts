/**
 * Local days. "Today" is the learner's calendar day in the time zone the runtime reports (the
 * browser's, which is the user's), computed with Date's local-time methods rather than a fixed
 * offset, so daylight-saving changes are handled by the platform. Tests that care construct times
 * with `new Date(y, m, d, h)`, which is local too, so they pass in any time zone.
 */

/** The local calendar day of an epoch-ms time, as `YYYY-MM-DD` (sortable, comparable with ===). */
export function localDay(at: number): string {
	const d = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
