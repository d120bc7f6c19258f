import type { Theme } from '../../core/log/settings';
import { text, type Lang, type Text } from '../../core/text';

type Persistence = 'granted' | 'denied' | 'unsupported' | 'unknown';

const percent = (r: number) => `${Math.round(r * 100)}%`;

/** Every string of the settings page, in both languages. */
export const SETTINGS_UI = {
	title: text('设置', 'Settings'),
	loading: text('正在读取你的设置…', 'Reading your settings…'),
	lede: text('学习节奏、外观、备份和同步都在这里设置。更改会立即保存，不需要“保存”按钮。', 'Your study pace, the look, backups and sync. Changes are saved as you make them.'),
	saved: text('已保存', 'Saved'),
	saveFailed: text('保存失败，请重试。', 'Could not save. Try again.'),

	language: text('语言', 'Language'),
	languageName: { zh: text('简体中文', '简体中文 (Chinese)'), en: text('English（英文）', 'English') } satisfies Record<Lang, Text>,

	study: text('学习', 'Study'),
	dailyNew: text('每天的新卡片数', 'New cards per day'),
	dailyNewHint: (max: number) => text(`0 到 ${max} 张。设为 0 则只复习，不学新卡片。`, `0 to ${max}. At 0 you only review, with no new cards.`),
	fewer: text('减少一张', 'One fewer'),
	more: text('增加一张', 'One more'),
	retention: text('目标记忆率', 'Desired retention'),
	retentionOption: (r: number) => text(`${percent(r)}`, `${percent(r)}`),
	retentionDefault: text('（默认）', ' (default)'),
	retentionHint: text('越高，忘得越少，但每天要复习的卡片越多。', 'Higher means you forget less, but get more reviews each day.'),

	appearance: text('外观', 'Appearance'),
	theme: { system: text('跟随系统', 'Match the system'), light: text('浅色', 'Light'), dark: text('深色', 'Dark') } satisfies Record<Theme, Text>,

	storage: text('存储', 'Storage'),
	persistence: {
		granted: text('已开启持久存储：即使设备空间不足，浏览器也不会清除你的进度。', 'Persistent storage is on: the browser will not clear your progress even when space runs low.'),
		denied: text('浏览器没有开启持久存储：设备空间不足时，它可能会清除你的进度。请不时导出备份。', 'The browser has not granted persistent storage: it may clear your progress when space runs low. Export a backup now and then.'),
		unsupported: text('这个浏览器不支持持久存储，进度可能会被清除。请不时导出备份。', 'This browser cannot keep storage persistent, so your progress could be cleared. Export a backup now and then.'),
		unknown: text('正在检查存储是否持久…', 'Checking whether storage is persistent…')
	} satisfies Record<Persistence, Text>,
	reviewsStored: text('这台设备上保存的作答：', 'Answers stored on this device: '),
	reviewsUnit: (n: number) => text('次', n === 1 ? 'answer' : 'answers'),
	/** Shown when undos make the stored records more than the answers. */
	recordsDetail: (records: number, undos: number) =>
		text(
			`（共 ${records} 条记录，包括 ${undos} 次撤销和被撤销的作答）`,
			`(${records} records, counting ${undos === 1 ? '1 undo' : `${undos} undos`} and the answers undone)`
		),

	backup: text('备份', 'Backup'),
	backupHint: text('进度只保存在这台设备上。导出一个文件保管好，或在另一台设备上导入。导入只会添加没有的记录，不会覆盖现有记录。', 'Your progress lives only on this device. Export a file to keep it safe or move it to another device. Importing only adds records you do not have; nothing is overwritten.'),
	export: text('导出进度', 'Export progress'),
	exported: (file: string, n: number) => text(`已导出 ${file}（${n} 条记录）。`, `Exported ${file} (${n === 1 ? '1 record' : `${n} records`}).`),
	exportFailed: text('导出失败：', 'Export failed: '),
	import: text('导入进度', 'Import progress'),
	importing: text('正在导入…', 'Importing…'),
	working: text('备份进度', 'Backup progress'),
	imported: (added: number, skipped: number) =>
		text(`导入完成：新增 ${added} 条记录，已有 ${skipped} 条（未重复添加）。`, `Import done: added ${added}, already had ${skipped}.`),
	fileHad: (n: number, day: string) => text(`这个文件导出于 ${day}，共 ${n} 条记录。`, `The file was exported on ${day} and holds ${n === 1 ? '1 record' : `${n} records`}.`),
	nothingChanged: text('你的进度没有任何改动。', 'Nothing was changed.'),
	otherSettings: text('这个文件里的设置和这台设备上的不同：', 'The file’s settings differ from the ones on this device:'),
	fileVsMine: (file: Text, mine: Text) => text(`${file.zh}（这台设备：${mine.zh}）`, `${file.en} (this device: ${mine.en})`),
	takeSettings: text('改用文件里的设置', 'Use the file’s settings'),
	keepSettings: text('保留现在的设置', 'Keep mine'),
	settingsTaken: text('已改用文件里的设置。目标和时区的历史已合并，过去的日子不受影响。', 'Now using the file’s settings. Goal and time-zone histories were merged, so past days are unchanged.'),
	settingsKept: text('设置保持不变。', 'Your settings are unchanged.'),
	followBrowser: text('跟随浏览器', 'Follow the browser'),
	on: text('开', 'On'),
	off: text('关', 'Off'),
	weights: text('FSRS 参数', 'FSRS weights'),
	weightsValue: { mine: text('根据记录算出的参数', 'computed from reviews'), default: text('默认参数', 'the defaults') },
	unreadable: text('无法读取这个文件。', 'Could not read this file.'),

	sync: text('同步', 'Sync'),
	syncHint: text('用你自己的 CouchDB 服务器在几台设备之间同步。不打开就不会发出任何请求。', 'Sync between your devices through your own CouchDB server. Nothing is sent unless you set it up.'),
	syncOpen: text('设置同步', 'Set up sync'),
	danger: text('重置', 'Reset'),
	resetHint: text('删除这台设备上的全部学习记录，从头开始。设置会保留。', 'Delete every study record on this device and start over. Settings are kept.'),
	reset: text('重置进度…', 'Reset progress…'),
	confirmTitle: text('删除全部进度？', 'Delete all progress?'),
	confirmBody: (n: number) =>
		text(`这会删除这台设备上的 ${n} 条学习记录，无法撤销。如果以后可能还需要，请先导出备份。`, `This deletes ${n === 1 ? '1 study record' : `${n} study records`} on this device and cannot be undone. Export a backup first if you might want them back.`),
	confirm: text('删除全部进度', 'Delete all progress'),
	cancel: text('取消', 'Cancel'),
	resetDone: text('进度已重置：学习记录已全部删除。', 'Progress reset: every study record was deleted.'),
	resetFailed: text('重置失败，进度没有改动。', 'Reset failed; nothing was changed.'),
	resetCancelled: text('已取消，没有删除任何内容。', 'Cancelled; nothing was deleted.')
};
