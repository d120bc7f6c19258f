import { text } from '../../core/text';

export const CUSTOM_STUDY_UI = {
	title: text('额外学习', 'Custom study'),
	mode: text('学什么', 'What to study'),
	normal: text('今天的复习', 'Today’s reviews'),
	ahead: text('提前复习', 'Review ahead'),
	forgotten: text('今天忘掉的再来一遍', 'Today’s forgotten cards again'),
	moreNew: text('某个主题再学几张新卡', 'More new cards of one topic'),
	days: text('未来几天内到期', 'Due within the next days'),
	count: text('新卡数量', 'How many new cards'),
	hint: text('这些也是正常复习：FSRS 按实际间隔计算，提前复习的卡片间隔增长得少一些，不会打乱计划。', 'These are ordinary reviews: FSRS uses the real time since the last one, so a card reviewed early grows its interval less, and the schedule stays honest.'),
	pickTopic: text('先在上面选一个主题。', 'Choose a topic above first.'),
	found: (n: number) => text(`找到 ${n} 张卡片`, `${n} cards found`)
};
