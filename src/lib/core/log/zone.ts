/**
 * The time-zone questions a learner's days hang on: is a name a zone, which calendar day is an
 * instant in a zone, which zone is the device in. Answered by Temporal where the runtime has it,
 * else by Intl's date formatter; both read the same zone database and give the same answers
 * (tests/unit/zone.test.ts compares them). Temporal first because the first Intl formatter a page
 * creates loads ICU's locale data: 20–50 ms of a cold start in this machine's Chromium, on the way
 * to a learner's home, where Temporal answers in under a millisecond.
 */

/** The part of Temporal used here (TypeScript 5.9 has no types for it). */
interface TemporalZones {
	Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(timeZone: string): { year: number; month: number; day: number } } };
	Now: { timeZoneId(): string };
}

const temporal = (): TemporalZones | undefined => (globalThis as { Temporal?: TemporalZones }).Temporal;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`, as a function of the instant.
 * Throws a RangeError at once for a name that is not a zone.
 */
export function zoneDay(timeZone: string): (at: number) => string {
	const zones = temporal();
	if (zones) {
		const dayAt = (at: number) => {
			const { year, month, day } = zones.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
			return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
		};
		dayAt(0);
		return dayAt;
	}
	const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
	return (at) => {
		const parts = format.formatToParts(at);
		const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
		return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
	};
}

/** Whether `timeZone` names a zone the runtime knows. */
export function isTimeZone(timeZone: string): boolean {
	try {
		zoneDay(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The zone the device is in; UTC where the runtime will not say. */
export function systemTimeZone(): string {
	try {
		return temporal()?.Now.timeZoneId() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
}
