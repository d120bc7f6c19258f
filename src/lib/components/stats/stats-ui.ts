import { text, type Text } from '../../core/text';

const pct = (share: number) => `${Math.round(share * 100)}%`;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 h 5 min", "12 min", "< 1 min": studied time is never precise to the second. */
export function duration(ms: number): Text {
	const minutes = Math.floor(ms / 60_000);
	if (minutes < 1) return ms > 0 ? text('不到 1 分钟', '< 1 min') : text('0 分钟', '0 min');
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (h === 0) return text(`${m} 分钟`, `${m} min`);
	return text(`${h} 小时${m ? ` ${m} 分` : ''}`, `${h} h${m ? ` ${m} min` : ''}`);
}

/** `2025-06-18` as "6月18日" / "18 Jun". */
export function shortDate(day: string): Text {
	const m = Number(day.slice(5, 7));
	const d = Number(day.slice(8, 10));
	return text(`${m}月${d}日`, `${d} ${EN_MONTHS[m - 1]}`);
}

/** `2025-06` as "2025年6月" / "June 2025". */
export function monthName(month: string): Text {
	const m = Number(month.slice(5, 7));
	return text(`${month.slice(0, 4)}年${m}月`, `${EN_MONTHS_LONG[m - 1]} ${month.slice(0, 4)}`);
}

export const STATS_UI = {
	title: text('统计', 'Statistics'),
	lede: text('你的复习记录一目了然：每天学了多少、记住了多少，以及哪些状态还容易混淆。', 'Your review log at a glance: how much you studied each day, how much stuck, and which states still get mixed up.'),
	loading: text('正在读取你的进度…', 'Reading your progress…'),

	emptyTitle: text('还没有统计数据', 'No statistics yet'),
	empty: [
		text('做完第一轮复习或测验后，这里会出现学习日历、每日复习次数、答对率和各状态的掌握程度。', 'After your first flashcards or quiz, this page shows your study calendar, reviews per day, how often you were right, and how well you know each state.'),
		text('所有数据都只来自这台设备上的学习记录。', 'Everything here comes from the review log on this device.')
	],
	emptyStart: text('开始学习', 'Start studying'),
	emptyQuiz: text('做个测验', 'Take a quiz'),

	glance: text('总览', 'At a glance'),
	todayReviews: text('今天复习', 'Reviews today'),
	totalReviews: text('总复习次数', 'Reviews in all'),
	retention30: text('30 天答对率', 'Right, last 30 days'),
	studyDays: text('学习天数', 'Days studied'),
	noShare: text('—', '—'),
	percent: pct,

	year: text('过去一年', 'The last year'),
	yearSummary: (reviews: number, days: number) => text(`过去一年共 ${reviews} 次复习，学习了 ${days} 天。`, `${reviews} reviews on ${days} days in the last year.`),
	yearLabel: (from: Text, to: Text) => text(`学习日历，${from.zh} 至 ${to.zh}，每格一天，颜色越深复习越多`, `Study calendar from ${from.en} to ${to.en}: one square a day, darker for more reviews`),
	yearScroll: text('学习日历（可左右滚动）', 'Study calendar (scrolls sideways)'),
	cellTitle: (day: Text, n: number) => text(`${day.zh}：${n} 次复习`, `${day.en}: ${n} review${n === 1 ? '' : 's'}`),
	monthShort: (m: number) => text(`${m}月`, EN_MONTHS[m - 1]!),
	weekdays: [text('一', 'Mon'), text('三', 'Wed'), text('五', 'Fri')],
	less: text('少', 'Less'),
	more: text('多', 'More'),
	monthTable: text('每月学习情况', 'Month by month'),
	month: text('月份', 'Month'),
	reviews: text('复习次数', 'Reviews'),
	days: text('学习天数', 'Days studied'),

	month30: text('最近 30 天', 'The last 30 days'),
	reviewsPerDay: text('每天复习次数', 'Reviews per day'),
	rightPerDay: text('每天答对率（答对或评为“良好”“简单”）', 'Right each day (right answers, Good or Easy ratings)'),
	retentionSummary: (right: number, reviews: number, share: number | null) =>
		share === null
			? text('最近 30 天没有复习。', 'No reviews in the last 30 days.')
			: text(`最近 30 天 ${reviews} 次复习中答对或记得 ${right} 次（${pct(share)}）。`, `Right or remembered ${right} times out of ${reviews} in the last 30 days (${pct(share)}).`),
	chartLabel: text('最近 30 天每天的复习次数（柱）和答对率（点）', 'Reviews per day (bars) and share right (dots) over the last 30 days'),
	dayTable: text('最近 30 天中有复习的日子', 'Days with reviews in the last 30 days'),
	date: text('日期', 'Date'),
	right: text('答对', 'Right'),
	share: text('答对率', 'Share right'),

	time: text('学习时长', 'Time studied'),
	timeNote: text('两次作答之间最多计 2 分钟，离开的时间不算。', 'At most 2 minutes count between two answers: time away does not.'),
	timeToday: text('今天', 'Today'),
	timeWeek: text('最近 7 天', 'Last 7 days'),
	timeMonth: text('最近 30 天', 'Last 30 days'),
	timeTotal: text('全部', 'In all'),

	topics: text('各主题掌握程度', 'Mastery by topic'),
	masteryNote: text('掌握程度：每组题的记忆稳定性达到 21 天即为 100%，取平均。', 'Mastery: each item counts fully once it would be remembered for 21 days; the average over the topic.'),
	topicMeter: (title: string) => text(`${title} 掌握程度`, `${title} mastery`),

	states: text('各状态掌握程度', 'Mastery by state'),
	statesNote: text('颜色表示关于该状态的题目掌握得如何；点下面的状态开始专项测验。', 'The colour shows how well you know the questions about each state; pick a state below to quiz yourself on it.'),
	stateMasteryNote: text('掌握程度：关于这个状态的每道题，记忆稳定性达到 21 天即为 100%，取平均；“答对”是你实际作答的次数。', 'Mastery: each question about the state counts fully once you would remember it for 21 days, averaged; "right" counts your actual answers.'),
	diagramLabel: (summary: string) => text(`按掌握程度着色的 TCP 状态图。${summary}`, `TCP state diagram coloured by mastery. ${summary}`),
	legendNone: text('还没学', 'Not studied'),
	legendLow: text('薄弱（< 34%）', 'Weak (< 34%)'),
	legendMid: text('进行中（34–66%）', 'Getting there (34–66%)'),
	legendHigh: text('牢固（≥ 67%）', 'Solid (≥ 67%)'),
	stateLine: (name: string, mastery: number, right: number, answered: number) =>
		answered > 0
			? text(`${name}：掌握 ${pct(mastery)}，答对 ${right}/${answered}`, `${name}: ${pct(mastery)} mastered, ${right} of ${answered} right`)
			: text(`${name}：掌握 ${pct(mastery)}，还没作答`, `${name}: ${pct(mastery)} mastered, not answered yet`),
	/** The figures beside a state: what the percentage is, then the answers. */
	stateFigures: (mastery: number, right: number, answered: number) =>
		answered > 0
			? text(`掌握 ${pct(mastery)} · 答对 ${right}/${answered}`, `${pct(mastery)} mastered · ${right}/${answered} right`)
			: text(`掌握 ${pct(mastery)} · 未作答`, `${pct(mastery)} mastered · not answered`),
	quizState: (name: string) => text(`练习 ${name}`, `Quiz me on ${name}`),

	confusions: text('容易混淆的状态', 'States you mix up'),
	confusionsNote: text('在答案是一个状态的题目里（下一个状态、状态描述、ss 名称、/proc 代码、模拟器预测），你选了哪个错的状态。', 'In questions whose answer is a state (next state, description, ss name, /proc code, simulator predictions): which wrong state you picked.'),
	confusion: (right: string, chosen: string, count: number) =>
		text(`正确答案是 ${right} 时，你答了 ${chosen} ×${count}`, `You answered ${chosen} when it was ${right} ×${count}`),
	noConfusions: text('还没有在状态题上选错过。', 'No state mix-ups yet.'),
	seeOnDiagram: (name: string) => text(`在状态图中查看 ${name}`, `See ${name} on the diagram`),
	diagramShort: text('状态图', 'Diagram'),
	quizShort: text('练习', 'Quiz'),
	moreConfusions: (n: number) => text(`还有 ${n} 组较少出现的混淆。`, `${n} rarer mix-ups not shown.`)
};
