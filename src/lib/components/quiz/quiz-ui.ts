import { text } from '../../core/text';

/** Strings of the quiz page, in both languages. */
export const QUIZ_UI = {
	title: text('测验', 'Quiz'),
	loading: text('正在准备题目…', 'Preparing questions…'),
	lede: text('题目来自连接的状态机、Linux 参数和真实抓包；答错的题隔几道会再考一次。', 'Questions from the state machine, the Linux settings and real packet captures. One you miss comes back, once, a few questions later.'),

	// Setup
	setup: text('开始一次测验', 'Start a quiz'),
	topic: text('主题', 'Topic'),
	mixed: text('混合（全部主题）', 'Mixed (all topics)'),
	onlyState: (state: string) => text(`只出关于 ${state} 的题`, `Only questions about ${state}`),
	allStates: text('改为全部状态', 'All states'),
	size: text('题目数量', 'Number of questions'),
	sizeOption: (n: number) => text(`${n} 题`, `${n}`),
	sizeAll: (n: number) => text(`全部 ${n} 题`, `All ${n}`),
	pool: (families: number, due: number, unseen: number) =>
		text(
			`共 ${families} 道题：${due} 道到期复习，${unseen} 道还没做过。`,
			`${families} questions: ${due} due for review, ${unseen} never tried.`
		),
	/** What "a question" is here: a family, asked in a different wording each time where it has several. */
	poolUnit: text('同一道题可能有几种问法，每次测验换一种。', 'A question may come in several wordings; each quiz asks a different one.'),
	poolHint: text('到期的题先出，然后是没做过的。', 'Due questions come first, then ones you have never tried.'),
	start: (n: number) => text(`开始测验（${n} 题）`, `Start quiz (${n} questions)`),
	/** The key that checks an answer and moves on, shown on its buttons to keyboard users. */
	enterKey: text('Enter', 'Enter'),
	keys: text('键盘：1–9 选择选项，Enter 检查答案或进入下一题。', 'Keyboard: 1–9 pick an option, Enter checks or moves on.'),

	// Question
	progress: (n: number, total: number) => text(`第 ${n} / ${total} 题`, `Question ${n} of ${total}`),
	progressShort: (n: number, total: number) => text(`${n} / ${total}`, `${n} / ${total}`),
	retry: text('再试一次：这道题刚才答错了', 'Second try: you missed this one earlier'),
	end: text('结束测验', 'End quiz'),
	question: text('题目', 'Question'),
	listing: text('ss -tan 输出', 'ss -tan output'),
	pickOne: text('选择一个答案', 'Pick one answer'),
	pickAll: text('多选：选出所有正确项', 'Pick all that apply'),
	order: text('点击步骤，按发生的顺序排好', 'Tap the steps in the order they happen'),
	yourOrder: text('你的顺序', 'Your order'),
	emptyOrder: text('还没有放入步骤。点击下面的步骤把它放到末尾。', 'Nothing placed yet. Tap a step below to add it at the end.'),
	stepsLeft: text('待排列的步骤', 'Steps to place'),
	allPlaced: text('全部步骤已放好，可以检查了。', 'All steps placed: ready to check.'),
	placeHint: text('放入：', 'Place: '),
	removeHint: text('（点击移出）', ' (tap to remove)'),
	moveUp: (label: string) => text(`上移：${label}`, `Move up: ${label}`),
	moveDown: (label: string) => text(`下移：${label}`, `Move down: ${label}`),
	moved: (label: string, n: number) => text(`${label} 现在是第 ${n} 步`, `${label} is now step ${n}`),
	check: text('检查答案', 'Check'),
	// Recall by typing (features/quiz/typed)
	typedMode: text('输入答案', 'Type the answers'),
	typedModeHint: text('有简短确切答案的题（状态、报文、参数、数值）改为自己输入，不给选项。', 'Questions with a short exact answer (a state, a segment, a parameter, a number) are answered by typing, with no options shown.'),
	typedLabel: text('你的答案', 'Your answer'),
	typedHint: text('任何常见写法都算：SYN_RECV、syn-recv、半连接状态；数值可带任意单位：2 分钟 11 秒。', 'Any usual spelling counts: SYN_RECV, syn-recv; numbers in any unit: 2 min 11 s.'),
	typedYou: (typed: string) => text(`你输入的是“${typed}”。`, `You typed “${typed}”.`),
	typedSlow: text('答对了，但用时较长：这次按“困难”安排复习。', 'Right, but slow: scheduled as “Hard” this time.'),
	checkHint: text('先选择答案', 'Choose an answer first'),
	saving: text('正在保存…', 'Saving…'),

	// Feedback
	correct: text('回答正确', 'Correct'),
	wrong: text('回答错误', 'Not quite'),
	comesBack: text('这道题稍后会再出现一次。', 'This question will come back later in this quiz.'),
	rightAnswer: text('正确答案', 'Right answer'),
	rightAnswers: text('正确答案（全部）', 'Right answers (all of them)'),
	rightOrder: text('正确顺序', 'Right order'),
	explanation: text('解析', 'Explanation'),
	seeOnDiagram: text('在状态图上看它怎么走', 'See it on the state diagram'),
	seeInSimulator: text('在模拟器里一步步看', 'Watch it step by step in the simulator'),
	seeInCapture: text('回到这段抓包，逐个包看', 'Go through the capture packet by packet'),
	markRight: text('正确答案', 'right answer'),
	markChosenRight: text('你选对了', 'your choice, right'),
	markMissed: text('漏选的正确答案', 'right answer you missed'),
	markWrong: text('你的选择，错误', 'your choice, wrong'),
	stepRight: text('位置正确', 'right place'),
	stepWrong: (n: number) => text(`应为第 ${n} 步`, `should be step ${n}`),
	next: text('下一题', 'Next question'),
	seeResults: text('查看结果', 'See results'),
	announceRight: text('回答正确。', 'Correct.'),
	announceWrong: (answer: string) => text(`回答错误。正确答案：${answer}`, `Not quite. The right answer: ${answer}`),

	// Summary
	finished: text('测验完成', 'Quiz complete'),
	score: text('首次答对', 'Right first time'),
	scoreOf: (right: number, total: number) => text(`${right} / ${total}`, `${right} / ${total}`),
	scoreLine: (right: number, total: number, percent: number) =>
		text(`首次作答答对 ${right} 道，共 ${total} 道（${percent}%）`, `${right} of ${total} right on the first try (${percent}%)`),
	time: text('用时', 'Time'),
	duration: (minutes: number, seconds: number) =>
		minutes > 0 ? text(`${minutes} 分 ${seconds} 秒`, `${minutes} min ${seconds} s`) : text(`${seconds} 秒`, `${seconds} s`),
	fixed: (n: number) => text(`其中 ${n} 道错题第二次答对了。`, `${n} missed question${n === 1 ? '' : 's'} right on the second try.`),
	perfect: text('全部一次答对！', 'Everything right the first time!'),
	nothingAnswered: text('这次没有回答任何题目。', 'No questions were answered this time.'),
	missedTitle: text('答错的题目', 'Questions you missed'),
	yourAnswer: text('你的答案', 'Your answer'),
	scheduled: text('答错的题会更早安排复习。', 'Missed questions come due for review sooner.'),
	another: text('再来一次', 'Another quiz'),
	home: text('回到首页', 'Home')
};
