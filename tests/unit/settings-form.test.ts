import { describe, expect, it } from 'vitest';
import { DAILY_NEW_MAX, DEFAULT_SETTINGS } from '../../src/lib/core/log';
import {
	backupFileName,
	clampDailyNew,
	importReport,
	isDefaultRetention,
	parseDailyNew,
	parseRetention,
	retentionChoices
} from '../../src/lib/features/settings/form';

describe('backupFileName', () => {
	it('is dated by the local day, zero-padded', () => {
		expect(backupFileName(new Date(2025, 0, 6, 23, 59).getTime())).toBe('tcp-quest-backup-2025-01-06.json');
		expect(backupFileName(new Date(2024, 11, 31, 0, 0).getTime())).toBe('tcp-quest-backup-2024-12-31.json');
	});
});

describe('importReport', () => {
	it('says how many were added and how many were already here, with what the file held', () => {
		const r = importReport({ ok: true, added: 3, skipped: 2, exportedAt: new Date(2025, 2, 9, 12).getTime() });
		expect(r.ok).toBe(true);
		expect(r.message.en).toBe('Import done: added 3, already had 2. The file was exported on 2025-03-09 and holds 5 records.');
		expect(r.message.zh).toBe('导入完成：新增 3 条记录，已有 2 条（未重复添加）。这个文件导出于 2025-03-09，共 5 条记录。');
	});

	it('passes a refusal on in both languages and says nothing changed', () => {
		const r = importReport({ ok: false, error: { zh: '无法导入：第 2 条记录：“at”不是时间戳（毫秒）', en: 'Cannot import: record 2: "at" is not a number (epoch ms)' } });
		expect(r.ok).toBe(false);
		expect(r.message.zh).toBe('无法导入：第 2 条记录：“at”不是时间戳（毫秒）。你的进度没有任何改动。');
		expect(r.message.en).toBe('Cannot import: record 2: "at" is not a number (epoch ms). Nothing was changed.');
	});
});

describe('retention picker', () => {
	it('offers 80% to 97% in whole percent', () => {
		const c = retentionChoices(0.9);
		expect(c[0]).toBe(0.8);
		expect(c.at(-1)).toBe(0.97);
		expect(c).toHaveLength(18);
		expect(c).toContain(0.9);
	});

	it('includes a current value outside the list, in order', () => {
		const c = retentionChoices(0.72);
		expect(c[0]).toBe(0.72);
		expect(c).toHaveLength(19);
		// Rounded to whole percent first, so a near value does not add a near-duplicate.
		expect(retentionChoices(0.9001)).toHaveLength(18);
	});

	it('parses only values in range', () => {
		expect(parseRetention('0.93')).toBe(0.93);
		expect(parseRetention('0.5')).toBeNull();
		expect(parseRetention('0.99')).toBeNull();
		expect(parseRetention('')).toBeNull();
		expect(parseRetention('x')).toBeNull();
	});

	it('knows the default', () => {
		expect(isDefaultRetention(DEFAULT_SETTINGS.retention)).toBe(true);
		expect(isDefaultRetention(0.95)).toBe(false);
	});
});

describe('daily new cards', () => {
	it('accepts whole numbers from 0 to the maximum while typing', () => {
		expect(parseDailyNew('0')).toBe(0);
		expect(parseDailyNew(' 25 ')).toBe(25);
		expect(parseDailyNew(String(DAILY_NEW_MAX))).toBe(DAILY_NEW_MAX);
		expect(parseDailyNew(String(DAILY_NEW_MAX + 1))).toBeNull();
		expect(parseDailyNew('')).toBeNull();
		expect(parseDailyNew('2.5')).toBeNull();
		expect(parseDailyNew('-1')).toBeNull();
	});

	it('clamps what is left in the field to the nearest allowed value', () => {
		expect(clampDailyNew('999', 10)).toBe(DAILY_NEW_MAX);
		expect(clampDailyNew('-4', 10)).toBe(0);
		expect(clampDailyNew('2.6', 10)).toBe(3);
		expect(clampDailyNew('', 10)).toBe(10);
	});
});
