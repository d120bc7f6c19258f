/**
 * Time zones answered by Temporal where the runtime has it, by Intl elsewhere (zone.ts): both must
 * give every instant the same day and accept the same names. Node 20 has no Temporal, so the
 * Temporal side is the polyfill, put where a browser has its own.
 */
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTimeZone, systemTimeZone, zoneDay } from '../../src/lib/core/log/zone';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

const withTemporal = <T>(run: () => T): T => {
	vi.stubGlobal('Temporal', Temporal);
	try {
		return run();
	} finally {
		vi.unstubAllGlobals();
	}
};

/** Zones with daylight saving, half- and quarter-hour offsets, and one that skipped a whole day (Apia, 30 Dec 2011). */
const ZONES = ['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Pacific/Apia'];

/** Every 15 minutes across each zone's offset changes in 2011–2012 and 2026, and a spread of instants from 1980 to 2035. */
function instants(): number[] {
	const out: number[] = [];
	for (const [from, to] of [
		[Date.UTC(2011, 11, 28), Date.UTC(2012, 0, 2)],
		[Date.UTC(2026, 2, 7), Date.UTC(2026, 3, 7)],
		[Date.UTC(2026, 8, 25), Date.UTC(2026, 10, 3)]
	] as const)
		for (let at = from; at < to; at += 15 * 60_000) out.push(at);
	for (let at = Date.UTC(1980, 0, 1); at < Date.UTC(2035, 0, 1); at += 7_919 * 60_000) out.push(at);
	return out;
}

describe('zoneDay', () => {
	it('gives every instant the same day by Temporal as by Intl, in every kind of zone', () => {
		const all = instants();
		for (const zone of ZONES) {
			const byIntl = zoneDay(zone);
			const byTemporal = withTemporal(() => zoneDay(zone));
			const differ = all.filter((at) => withTemporal(() => byTemporal(at)) !== byIntl(at));
			expect(differ.map((at) => new Date(at).toISOString()), zone).toEqual([]);
		}
	});

	it('knows the day Samoa skipped and a day that starts at 00:30', () => {
		withTemporal(() => {
			expect(zoneDay('Pacific/Apia')(Date.UTC(2011, 11, 30, 10, 0))).toBe('2011-12-31');
			expect(zoneDay('Asia/Kathmandu')(Date.UTC(2026, 0, 1, 18, 14))).toBe('2026-01-01');
			expect(zoneDay('Asia/Kathmandu')(Date.UTC(2026, 0, 1, 18, 16))).toBe('2026-01-02');
		});
	});

	it('refuses a name that is no zone at once, both ways', () => {
		expect(() => zoneDay('Mars/Olympus_Mons')).toThrow(RangeError);
		expect(() => withTemporal(() => zoneDay('Mars/Olympus_Mons'))).toThrow(RangeError);
	});
});

describe('isTimeZone', () => {
	it('accepts and refuses the same names by Temporal as by Intl', () => {
		const names = [...ZONES, 'Etc/GMT+8', 'America/Argentina/Buenos_Aires', 'Mars/Olympus_Mons', 'Asia', 'Not a zone', ''];
		const byIntl = names.map(isTimeZone);
		expect(withTemporal(() => names.map(isTimeZone))).toEqual(byIntl);
		expect(byIntl).toEqual([...ZONES.map(() => true), true, true, false, false, false, false]);
	});
});

describe('systemTimeZone', () => {
	it("is Temporal's answer where there is Temporal", () => {
		vi.stubGlobal('Temporal', { Now: { timeZoneId: () => 'Pacific/Chatham' } });
		expect(systemTimeZone()).toBe('Pacific/Chatham');
	});

	it("is Intl's answer elsewhere, and UTC where the runtime will not say", () => {
		vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => ({ resolvedOptions: () => ({ timeZone: 'Asia/Shanghai' }) }) as Intl.DateTimeFormat);
		expect(systemTimeZone()).toBe('Asia/Shanghai');
		vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
			throw new RangeError('no zone data');
		});
		expect(systemTimeZone()).toBe('UTC');
	});
});
