import { text } from '../core/text';

/** Messages about saving progress: storage trouble, a newer version in another tab, long jobs. */
export const STORAGE_UI = {
	replaced: text(
		'TCP Quest 已在另一个标签页中更新。请重新载入此页以继续；你的学习记录都已保存。',
		'TCP Quest was updated in another tab. Reload this page to go on; everything you studied is saved.'
	),
	reload: text('重新载入', 'Reload'),
	full: (n: number) =>
		text(
			`存储空间已满：最近 ${n} 次作答只保存在这个标签页中。请释放一些空间；下次作答时会一并保存。`,
			`Storage is full: your last ${n === 1 ? 'answer is' : `${n} answers are`} kept in this tab only. Free some space; ${n === 1 ? 'it is' : 'they are'} saved with your next answer.`
		),
	unavailable: text(
		'这个浏览器不允许保存进度（可能是无痕模式）。你可以继续学习，作答会保留到关闭此标签页。',
		'This browser does not let TCP Quest save progress (a private window?). You can keep studying; answers are kept until you close this tab.'
	),
	saved: text('已保存所有作答。', 'All answers are saved.'),
	job: {
		load: text('正在读取进度', 'Reading progress'),
		rebuild: text('正在整理复习计划', 'Preparing your schedule'),
		totals: text('正在汇总学习记录', 'Adding up your study history'),
		import: text('正在导入', 'Importing'),
		merge: text('正在合并其他设备的记录', 'Merging answers from your other devices'),
		export: text('正在导出', 'Exporting')
	}
};
