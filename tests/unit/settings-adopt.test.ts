import { describe, expect, it } from 'vitest';
import { adoptSettings, changedChoices, CHOICES, DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../src/lib/core/log/settings';

const base = (extra: Partial<Settings> = {}): Settings => ({ ...sanitizeSettings({}), ...extra });
const W = Array.from({ length: 21 }, (_, i) => i / 10);

describe("a backup's settings", () => {
	it('offers every setting except the histories, which are merged (a new setting must be one or the other)', () => {
		const notOffered = Object.keys(DEFAULT_SETTINGS).filter((k) => !(CHOICES as readonly string[]).includes(k));
		expect(notOffered.sort()).toEqual(['goalHistory', 'previousWeights', 'zones']);
		expect(changedChoices(base(), base({ leechThreshold: 5, autoSuspendLeeches: true }))).toEqual(['leechThreshold', 'autoSuspendLeeches']);
	});

	it('names only the choices that differ', () => {
		expect(changedChoices(base(), base())).toEqual([]);
		expect(changedChoices(base(), base({ dailyNew: 20, theme: 'dark', goalHistory: [{ since: '2026-01-01', setting: 'serious' }] }))).toEqual(['dailyNew', 'theme']);
		expect(changedChoices(base(), base({ lang: 'en', weights: W }))).toEqual(['lang', 'weights']);
	});

	it('takes the choices and merges the histories, so no past day changes', () => {
		const mine = base({ goal: 'casual', goalHistory: [{ since: '2026-01-01', setting: 'casual' }], zones: [{ since: 1, timeZone: 'Asia/Shanghai' }] });
		const file = base({
			goal: 'intense',
			dailyNew: 30,
			goalHistory: [{ since: '2025-12-01', setting: 'regular' }, { since: '2026-02-01', setting: 'intense' }],
			zones: [{ since: 5, timeZone: 'Europe/Berlin' }]
		});
		const taken = adoptSettings(mine, file);
		expect(taken).toMatchObject({ goal: 'intense', dailyNew: 30 });
		expect(taken.goalHistory.map((g) => g.since)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
		expect(taken.zones.map((z) => z.timeZone)).toEqual(['Asia/Shanghai', 'Europe/Berlin']);
		expect(changedChoices(taken, file)).toEqual([]);
		// Taking the same file again changes nothing more.
		expect(adoptSettings(taken, file)).toEqual(taken);
	});

	it('keeps the weights it replaces to go back to', () => {
		const taken = adoptSettings(base(), base({ weights: W }));
		expect(taken.weights).toEqual(W);
		expect(taken.previousWeights).toEqual([DEFAULT_SETTINGS.weights]);
		expect(adoptSettings(taken, base({ weights: W })).previousWeights).toEqual([null]);
	});
});

describe('the offer after an import', () => {
	it('says each differing choice with the file’s value and this device’s, in both languages', async () => {
		const { settingsOffer } = await import('../../src/lib/features/settings/form');
		const lines = settingsOffer(['dailyNew', 'lang', 'weights'], base(), base({ dailyNew: 30, lang: 'en', weights: W }));
		expect(lines.map((l) => l.zh)).toEqual(['每天的新卡片数：30（这台设备：10）', '语言：English（英文）（这台设备：跟随浏览器）', 'FSRS 参数：根据记录算出的参数（这台设备：默认参数）']);
		expect(lines[0]!.en).toBe('New cards per day: 30 (this device: 10)');
	});
});
