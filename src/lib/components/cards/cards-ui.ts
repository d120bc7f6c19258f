import type { ControlKind, ReviewKind } from '../../core/log';
import type { CardFilter, CardSort, CardStatus } from '../../features/study/card-browser';
import { text, type Text } from '../../core/text';

export const CARDS_UI = {
	title: text('卡片库', 'Card browser'),
	lede: text('所有卡片和题目都在这里：搜索、筛选，查看每张卡的记忆状态，也可以暂停、搁置或重置。', 'Every flashcard and question family: search, filter, see each one’s memory, suspend, bury or reset it.'),
	loading: text('正在载入卡片…', 'Loading the cards…'),
	wordsFailed: text('卡片内容没能载入，暂时只能按编号和主题搜索。', 'The cards’ words did not load: search works on ids and topics only for now.'),
	search: text('搜索', 'Search'),
	searchHint: text('词语、状态（如 SYN_RCVD、半连接）、参数或主题，中英文都行', 'Words, a state (SYN-RECV, TIME_WAIT), a parameter or a topic, in either language'),
	filter: text('筛选', 'Show'),
	sort: text('排序', 'Sort by'),
	filters: {
		all: text('全部', 'All'),
		due: text('到期', 'Due'),
		new: text('未学', 'New'),
		suspended: text('已暂停', 'Suspended'),
		leech: text('顽固卡', 'Leeches')
	} satisfies Record<CardFilter, Text>,
	sorts: {
		due: text('到期时间', 'Due date'),
		difficulty: text('难度（难的在前）', 'Difficulty (hardest first)')
	} satisfies Record<CardSort, Text>,
	count: (shown: number, total: number) => text(`共 ${total} 张，显示 ${shown} 张`, `${shown} of ${total} shown`),
	none: text('没有符合条件的卡片。', 'No card matches.'),
	more: (n: number) => text(`再显示 ${n} 张`, `Show ${n} more`),
	status: {
		new: text('未学', 'New'),
		due: text('到期', 'Due'),
		scheduled: text('已安排', 'Scheduled'),
		suspended: text('已暂停', 'Suspended'),
		buried: text('搁置到明天', 'Buried until tomorrow')
	} satisfies Record<CardStatus, Text>,
	flashcard: text('卡片', 'Flashcard'),
	quiz: text('题目', 'Question'),
	leech: text('顽固卡', 'Leech'),
	back: text('返回卡片库', 'Back to all cards'),
	notFound: text('没有这张卡片。它可能已从题库中移除。', 'There is no such card. It may have left the question bank.'),
	memory: text('记忆状态', 'Memory'),
	noMemory: text('还没学过（或已重置），FSRS 里没有它的记忆。', 'Not studied yet (or reset): FSRS holds no memory of it.'),
	stability: text('稳定性', 'Stability'),
	stabilityValue: (days: number) => text(`${days} 天`, `${days} days`),
	difficulty: text('难度（1–10）', 'Difficulty (1–10)'),
	retrievability: text('现在记得的概率', 'Chance of recall now'),
	nextDue: text('下次复习', 'Next due'),
	lapses: (reps: number, lapses: number) => text(`复习 ${reps} 次，遗忘 ${lapses} 次`, `${reps} reviews, ${lapses} lapses`),
	history: text('记录', 'History'),
	noHistory: text('还没有任何记录。', 'No records yet.'),
	undoneMark: text('（已撤销）', ' (undone)'),
	actions: text('操作', 'Actions'),
	suspend: text('暂停', 'Suspend'),
	unsuspend: text('恢复', 'Unsuspend'),
	bury: text('搁置到明天', 'Bury until tomorrow'),
	reset: text('重置', 'Reset'),
	resetConfirm: text('确定重置？它的记忆会清零，当作新卡重新学。记录仍保留，可以撤销。', 'Reset it? Its memory starts over as a new card. The records stay and you can undo.'),
	undo: text('撤销', 'Undo'),
	done: {
		suspend: text('已暂停：不会再出现在复习里，直到恢复。', 'Suspended: it stays out of reviews until unsuspended.'),
		unsuspend: text('已恢复。', 'Unsuspended.'),
		bury: text('已搁置到明天。', 'Buried until tomorrow.'),
		reset: text('已重置，当作新卡。', 'Reset: it is new again.')
	} satisfies Record<ControlKind, Text>,
	undone: text('已撤销上一步。', 'Last step undone.'),
	anki: text('导出到 Anki', 'Export for Anki'),
	ankiHint: text('所有卡片的中英文正反面，纯文本格式，Anki 可直接导入（文件 → 导入）。', 'All flashcards, front and back in both languages, as a text file Anki imports (File → Import).'),
	ankiDone: (n: number) => text(`已导出 ${n} 张卡片。`, `${n} flashcards exported.`),
	kinds: {
		flashcard: text('卡片评分', 'Flashcard rating'),
		quiz: text('测验', 'Quiz'),
		challenge: text('挑战', 'Challenge'),
		predict: text('预测', 'Prediction'),
		undo: text('撤销', 'Undo'),
		suspend: text('暂停', 'Suspended'),
		unsuspend: text('恢复', 'Unsuspended'),
		bury: text('搁置', 'Buried'),
		reset: text('重置', 'Reset')
	} satisfies Record<ReviewKind, Text>,
	right: text('答对', 'right'),
	wrong: text('答错', 'wrong'),
	cram: text('自由练习', 'cram'),
	autoSuspended: text('（顽固卡，自动暂停）', ' (leech, suspended automatically)')
};

export const LEECH_UI = {
	title: text('顽固卡', 'Leeches'),
	lede: (threshold: number) => text(`忘了 ${threshold} 次以上的卡片。与其再硬背一遍，不如看看它在图上或模拟器里是怎么走的。`, `Cards forgotten ${threshold} times or more. Rather than drilling them again, see them move on the diagram or in the simulator.`),
	lapses: (n: number) => text(`忘了 ${n} 次`, `forgotten ${n} times`),
	all: (n: number) => text(`在卡片库里看全部 ${n} 张顽固卡`, `All ${n} leeches in the card browser`),
	suspended: text('已暂停', 'suspended'),
	topic: text('看主题', 'Topic'),
	explainFsm: text('在状态图上看', 'On the diagram'),
	explainSim: text('在模拟器里看', 'In the simulator'),
	card: text('卡片详情', 'Card'),
	settingsTitle: text('顽固卡', 'Leeches'),
	threshold: text('忘几次算顽固卡', 'Lapses that make a leech'),
	thresholdHint: text('Anki 默认 8 次。', 'Anki’s default is 8.'),
	thresholdInvalid: (min: number, max: number) => text(`请输入 ${min} 到 ${max} 之间的整数，设置没有改动。`, `Enter a whole number from ${min} to ${max}; the setting is unchanged.`),
	autoSuspend: text('变成顽固卡时自动暂停', 'Suspend a card when it becomes a leech'),
	autoSuspendHint: text('暂停的卡片不再出现在复习里，可以在卡片库里恢复。', 'Suspended cards stay out of reviews; unsuspend them in the card browser.')
};
