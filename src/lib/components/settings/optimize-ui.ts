import { text } from '../../core/text';
import type { OptimizePhase } from '../../core/srs/training';

const loss = (x: number) => x.toFixed(4);

/** The "Optimize from my reviews" block of /settings, in both languages. */
export const OPTIMIZE_UI = {
	title: text('用我的复习记录优化', 'Optimize from my reviews'),
	what: text(
		'FSRS 靠一组参数估计你什么时候会忘掉一张卡片。默认参数是从很多人的复习记录里算出来的；用你自己的记录重新算一组，复习时间会更贴合你的记忆。全程在这台设备上计算，记录不会上传。',
		'FSRS guesses when you will forget each card using a set of weights. The default weights come from many people’s reviews; computing them from your own fits the schedule to your memory. It all runs on this device: your reviews are not sent anywhere.'
	),
	have: (have: number, need: number) =>
		text(`可用于计算的复习：${have.toLocaleString('zh-CN')} 次（需要 ${need} 次）`, `Reviews it can learn from: ${have.toLocaleString('en')} (it needs ${need})`),
	whichCount: text(
		'只算隔了至少一天的复习；同一天里的重复和自由练习不算。门槛 400 次沿用 Anki：记录少于这个数时，Anki 会提醒算出的参数不可靠。',
		'Only reviews a day or more after the card’s previous one count; repeats on the same day and free practice do not. The 400 is Anki’s: below it, Anki warns that the history is too short to trust the result.'
	),
	notYet: (left: number) => text(`再复习 ${left} 次就能优化。`, `${left} more to go.`),
	inUse: { mine: text('正在使用：根据你的记录算出的参数', 'In use: weights computed from your reviews'), default: text('正在使用：默认参数', 'In use: the default weights') },
	optimize: text('开始计算', 'Optimize'),
	cancel: text('取消', 'Cancel'),
	phase: (phase: OptimizePhase, seconds: number) =>
		({
			prepare: text('正在整理复习记录…', 'Sorting your reviews…'),
			load: text('正在下载优化器（约 440 KB，只需一次）…', 'Downloading the optimizer (about 440 KB, once)…'),
			train: text(`正在计算…已用 ${seconds} 秒`, `Computing… ${seconds} s so far`),
			evaluate: text('正在比较新旧参数…', 'Comparing the old and new weights…')
		})[phase],
	lossTitle: text('预测误差（对数损失，越低越准）', 'Prediction error (log loss; lower is better)'),
	lossBefore: (x: number) => text(`现在的参数：${loss(x)}`, `Weights in use: ${loss(x)}`),
	lossAfter: (x: number) => text(`新算出的参数：${loss(x)}`, `New weights: ${loss(x)}`),
	verdict: (before: number, after: number) =>
		after < before
			? text(`新参数预测得更准（误差低 ${(((before - after) / before) * 100).toFixed(1)}%）。`, `The new weights predict your reviews better (${(((before - after) / before) * 100).toFixed(1)}% lower).`)
			: text('新参数并没有更准，建议保留现在的参数。', 'The new weights are no better; keeping the ones in use is wiser.'),
	apply: text('使用新参数', 'Use the new weights'),
	applied: text('已改用新参数，复习时间已按新参数重新计算。', 'Now using the new weights; due dates have been recomputed.'),
	rebuilding: text('正在按新参数重新安排复习…', 'Recomputing due dates…'),
	back: text('换回上一组参数', 'Go back to the previous weights'),
	defaults: text('恢复默认参数', 'Use the default weights'),
	wentBack: text('已换回上一组参数。', 'Back to the previous weights.'),
	wentDefault: text('已恢复默认参数。', 'Back to the default weights.'),
	cancelled: text('已取消，参数没有变。', 'Cancelled; nothing changed.'),
	failed: (why: string) => text(`计算失败，参数没有变：${why}`, `The optimizer failed; nothing changed: ${why}`),
	waitForLog: text('正在读取复习记录…', 'Reading your reviews…')
};
