import type { ReviewRating } from '../../core/log';
import { text, type Text } from '../../core/text';

export const STUDY_UI = {
	title: text('卡片复习', 'Flashcards'),
	loading: text('正在准备今天的卡片…', 'Preparing today’s cards…'),
	lede: text(
		'卡片按间隔重复（FSRS）安排：翻面后按记得的程度打分，每张卡会在你快要忘记时再次出现。',
		'Flashcards on a spaced-repetition schedule (FSRS): rate how well you remembered, and each card comes back around when you would otherwise forget it.'
	),
	dueLine: (due: number, fresh: number) => text(`今天：${due} 张到期复习，${fresh} 张新卡片`, `Today: ${due} due for review, ${fresh} new`),
	start: text('开始复习', 'Start reviewing'),
	cram: text('自由练习（不影响复习计划）', 'Cram (practice without touching the schedule)'),
	cramOn: text('自由练习模式：评分不会改变复习计划。', 'Cram mode: ratings do not change the schedule.'),
	topic: text('主题', 'Topic'),
	allTopics: text('全部主题', 'All topics'),
	nothingDue: text('今天的卡片都复习完了。可以做个测验，或者自由练习。', 'Nothing is due. Take a quiz, or cram for extra practice.'),
	progress: (n: number, total: number) => text(`第 ${n} / ${total} 张`, `Card ${n} of ${total}`),
	question: text('问题', 'Question'),
	answer: text('答案', 'Answer'),
	reveal: text('显示答案', 'Show answer'),
	statements: text('逐条判断下面的说法：', 'Decide for each statement:'),
	statementTrue: text('正确', 'True'),
	statementFalse: text('错误', 'False'),
	revealHint: text('空格键', 'Space'),
	howWell: text('你记得多清楚？', 'How well did you know it?'),
	undo: text('撤销上一次评分', 'Undo last rating'),
	undoHint: text('Z 或 Ctrl+Z', 'Z or Ctrl+Z'),
	undone: text('已撤销上一次评分。', 'Last rating undone.'),
	finished: text('本轮完成！', 'Session complete!'),
	summary: (rated: number, again: number, minutes: number) =>
		text(`复习了 ${rated} 次，其中 ${again} 次选了“重来”，用时约 ${minutes} 分钟。`, `${rated} ratings, ${again} of them “Again”, in about ${minutes} min.`),
	home: text('回到首页', 'Back home'),
	quiz: text('做个测验', 'Take a quiz'),
	again: text('再学一次', 'Study again'),
	next: text('下次复习：', 'Next review in ')
};

export const RATING_LABEL: Record<ReviewRating, Text> = {
	1: text('重来', 'Again'),
	2: text('困难', 'Hard'),
	3: text('良好', 'Good'),
	4: text('简单', 'Easy')
};
