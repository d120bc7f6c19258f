import type { ClassKind, CodeProblem } from '../../features/classroom';
import { text, type Text } from '../../core/text';

/** Why a code was refused, in words a student or teacher can act on. */
export function codeProblemText(p: CodeProblem | { problem: 'content' | 'quiz' | 'name' }): Text {
	switch (p.problem) {
		case 'empty':
			return text('请先输入代码。', 'Enter a code first.');
		case 'character':
			return text(`代码里不能有“${p.bad}”：只用数字和字母（没有 I、L、O、U）。`, `A code cannot contain “${p.bad}”: only digits and letters (no I, L, O or U).`);
		case 'checksum':
			return text('这个代码无效：校验不通过。请检查是否有输错、漏掉或多出的字符。', 'This code is not valid: its check characters do not match. Look for a mistyped, missing or extra character.');
		case 'format':
			return text('这不是一个完整的 TCP Quest 代码。', 'This is not a complete TCP Quest code.');
		case 'type':
			return p.found === 'result'
				? text('这是一个成绩代码，不是测验代码。请在“收集成绩”页面粘贴它。', 'This is a result code, not a quiz code. Paste it on the Collect results page.')
				: p.found === 'quiz'
					? text('这是一个测验代码，不是成绩代码。', 'This is a quiz code, not a result code.')
					: text('这不是 TCP Quest 的代码。', 'This is not a TCP Quest code.');
		case 'version':
			return text(
				`这个代码是较新版本的 TCP Quest 生成的（格式 ${p.version}）。请更新应用后再试。`,
				`This code was made by a newer TCP Quest (format ${p.version}). Update the app and try again.`
			);
		case 'content':
			return text(
				'你的应用内容版本和老师的不同，打开的会是另一份测验，所以没有打开。请联网刷新以更新应用，或请老师用同一版本重新生成代码。',
				'Your app has different content from the teacher’s, so this code would give you a different quiz. Go online and reload to update the app, or ask the teacher for a code made with the same version.'
			);
		case 'quiz':
			return text('这个成绩属于另一份测验，没有添加。', 'This result belongs to another quiz: not added.');
		case 'name':
			return text('这个成绩代码里的名字无效，没有添加。', 'The name in this result code is not valid: not added.');
	}
}

export const KIND_LABEL: Record<ClassKind, Text> = {
	next_state: text('下一个状态', 'Next state'),
	segment_sent: text('发出的报文', 'Segment sent'),
	event_between: text('两个状态之间的事件', 'Event between states'),
	order_steps: text('排列步骤', 'Order the steps'),
	state_from_description: text('根据描述认状态', 'State from a description'),
	state_side: text('哪一端的状态', 'Which side is in a state'),
	ss_name: text('ss 中的名字', 'Names in ss'),
	proc_code: text('/proc/net/tcp 代码', '/proc/net/tcp codes'),
	param_meaning: text('参数的含义', 'What a setting means'),
	param_from_meaning: text('根据含义找参数', 'Setting from its meaning'),
	param_default: text('参数默认值', 'Default values'),
	duration: text('超时时长', 'Timeouts and durations'),
	scenario: text('场景题', 'Scenarios'),
	ss_diagnosis: text('ss 输出诊断', 'Read ss output'),
	ss_fix: text('该怎么修', 'What to fix'),
	capture: text('读抓包', 'Read a capture')
};

/** Strings of the classroom pages, in both languages. */
export const CLASSROOM_UI = {
	loading: text('正在准备…', 'Getting ready…'),

	// Build
	buildTitle: text('课堂测验', 'Classroom quiz'),
	buildIntro: text(
		'出一份全班同做的测验：不需要账号和服务器，应用安装后也不需要网络。学生打开链接或输入代码，做完后把成绩代码交给你。',
		'Make one quiz for the whole class: no accounts, no server, and no network once the app is installed. Students open the link or type the code, and give you a result code when they finish.'
	),
	topics: text('主题', 'Topics'),
	kinds: text('题型', 'Question kinds'),
	all: text('全选', 'All'),
	none: text('全不选', 'None'),
	count: text('题目数量', 'Number of questions'),
	countAvailable: (n: number) => text(`所选主题和题型最多可出 ${n} 道题。`, `The chosen topics and kinds give at most ${n} questions.`),
	nothingAvailable: text('所选主题和题型没有题目：请至少选一个主题和一个题型。', 'No questions for this choice: pick at least one topic and one kind.'),
	seconds: text('每题时间', 'Time per question'),
	noLimit: text('不限时', 'No limit'),
	secondsOption: (s: number) => text(`${s} 秒`, `${s} s`),
	order: text('题目顺序', 'Order'),
	fixed: text('固定：每个人顺序相同（适合配合投影）', 'Fixed: the same for everyone (to follow the projector)'),
	shuffled: text('打乱：每个学生的题目和选项顺序不同', 'Shuffled: each student gets their own order of questions and options'),
	classTitle: text('班级名称（只保存在本机，可不填）', 'Class name (kept on this device only, optional)'),
	make: text('生成测验代码', 'Make the quiz code'),
	made: text('测验已生成', 'Your quiz'),
	quizCode: text('测验代码', 'Quiz code'),
	link: text('链接', 'Link'),
	copyLink: text('复制链接', 'Copy link'),
	copyCode: text('复制代码', 'Copy code'),
	copied: text('已复制。', 'Copied.'),
	copyFailed: text('无法复制，请手动选择文字。', 'Could not copy: select the text instead.'),
	qrLink: text('测验链接的二维码', 'QR code of the quiz link'),
	summaryLine: (n: number, seconds: number, shuffled: boolean) =>
		text(
			`${n} 道题 · ${seconds ? `每题 ${seconds} 秒` : '不限时'} · ${shuffled ? '每人顺序不同' : '顺序固定'}`,
			`${n} questions · ${seconds ? `${seconds} s each` : 'no time limit'} · ${shuffled ? 'shuffled per student' : 'fixed order'}`
		),
	project: text('投影模式', 'Projector mode'),
	collect: text('收集成绩', 'Collect results'),
	takeIt: text('自己试做', 'Try it yourself'),
	saved: text('已保存到本机的班级列表。', 'Saved to the classes on this device.'),
	savedInTab: text('已加入这个标签页的班级列表。', 'Added to the classes in this tab.'),
	/** Where the browser allows no IndexedDB (a private window): said beside the class list. */
	classesInTab: text(
		'这个浏览器不允许保存数据（可能是无痕模式）：班级和收到的成绩只保留到关闭此标签页。要留底，请在关闭前导出 CSV。',
		'This browser does not let TCP Quest save data (a private window?): classes and the results you collect are kept until you close this tab. To keep a copy, export CSV before you close it.'
	),
	yourClasses: text('本机的班级', 'Classes on this device'),
	noClasses: text('还没有班级。', 'No classes yet.'),
	untitled: text('未命名班级', 'Untitled class'),
	joinHint: text('学生：打开链接，或在“课堂测验 → 参加测验”中输入代码。', 'Students: open the link, or type the code under Classroom → Take a quiz.'),
	takeLink: text('参加测验（学生）', 'Take a quiz (students)'),

	// Take
	takeTitle: text('参加课堂测验', 'Take a classroom quiz'),
	enterCode: text('测验代码', 'Quiz code'),
	codeHint: text('老师给出的代码，例如 Q2AB-CDEF-…；大小写和短横线都可以。', 'The code from your teacher, like Q2AB-CDEF-…; any case, dashes optional.'),
	open: text('打开测验', 'Open the quiz'),
	name: text('你的名字（老师会看到）', 'Your name (your teacher sees it)'),
	nameHint: (max: number) => text(`最多 ${max} 个字符。`, `Up to ${max} characters.`),
	nameNeeded: text('请先输入名字。', 'Enter your name first.'),
	start: text('开始', 'Start'),
	about: (n: number, seconds: number) =>
		text(`共 ${n} 道题，${seconds ? `每题限时 ${seconds} 秒，时间到就算没答` : '不限时'}。答完之前不显示对错。`, `${n} questions, ${seconds ? `${seconds} seconds each (no answer when the time runs out)` : 'no time limit'}. You see what was right at the end.`),
	timeLeft: (s: number) => text(`剩余 ${s} 秒`, `${s} s left`),
	timeUp: text('时间到', 'Time is up'),
	submit: text('提交答案', 'Submit answer'),
	otherCode: text('换一个代码', 'Use another code'),
	done: text('测验完成', 'Quiz finished'),
	yourScore: (right: number, total: number) => text(`答对 ${right} / ${total}`, `${right} of ${total} right`),
	resultCode: text('你的成绩代码', 'Your result code'),
	resultHint: text('把这个代码交给老师：让老师扫描二维码，或者复制文字发过去。', 'Give this code to your teacher: let them scan the QR code, or copy the text and send it.'),
	qrResult: text('成绩代码的二维码', 'QR code of your result code'),
	savedToLog: text('你的答案也记入了复习记录，错题会更早安排复习。', 'Your answers also went into your review log: missed questions come due sooner.'),
	review: text('逐题回顾', 'Question by question'),
	yourAnswer: text('你的答案：', 'Your answer: '),
	noAnswer: text('未作答', 'No answer'),
	rightAnswer: text('正确答案：', 'Right answer: '),
	right: text('正确', 'Right'),
	wrong: text('错误', 'Wrong'),
	again: text('重新做一遍', 'Take it again'),
	earlier: text('你在这台设备上做过这份测验，下面是上次的成绩代码。', 'You took this quiz on this device before: here is your last result code.'),
	questionOf: (n: number, total: number) => text(`第 ${n} / ${total} 题`, `Question ${n} of ${total}`),

	// Projector
	projectorTitle: text('投影模式', 'Projector mode'),
	projectorKeys: text('→ / 空格 / Page Down：下一步；← / Page Up：上一步；F：全屏。', '→ / Space / Page Down: next; ← / Page Up: back; F: full screen.'),
	fullScreen: text('全屏', 'Full screen'),
	exitFullScreen: text('退出全屏', 'Exit full screen'),
	begin: text('开始第一题', 'First question'),
	join: text('扫码或输入代码参加', 'Scan or type the code to join'),
	revealAnswer: text('显示答案', 'Show the answer'),
	nextQuestion: text('下一题', 'Next question'),
	back: text('上一步', 'Back'),
	finish: text('结束', 'Finish'),
	endTitle: text('全部题目已讲完', 'That was the last question'),
	endHint: text('请学生把成绩代码交上来。', 'Ask students for their result codes.'),
	answerIs: text('答案：', 'Answer: '),
	explanation: text('解析：', 'Explanation: '),
	noCode: text('没有测验代码：请从“课堂测验”页面打开投影模式，或输入代码。', 'No quiz code: open projector mode from the Classroom page, or type a code.'),

	// Results
	resultsTitle: text('收集成绩', 'Collect results'),
	chooseClass: text('选择班级', 'Choose a class'),
	addClass: text('添加班级（输入测验代码）', 'Add a class (quiz code)'),
	addClassButton: text('添加', 'Add'),
	paste: text('粘贴成绩代码（可以一次粘贴多个，每行一个）', 'Paste result codes (several at once, one per line)'),
	addResults: text('添加成绩', 'Add results'),
	scan: text('用摄像头扫描', 'Scan with the camera'),
	stopScan: text('停止扫描', 'Stop scanning'),
	cameraHint: text('把学生的二维码对准方框。', 'Hold a student’s QR code in front of the camera.'),
	noCamera: text('无法使用摄像头：可以改为粘贴代码。', 'The camera is not available: paste the codes instead.'),
	scanned: (name: string) => text(`已扫描：${name}`, `Scanned: ${name}`),
	added: (n: number, skipped: number) =>
		text(`添加了 ${n} 个成绩${skipped ? `，${skipped} 个已经在列表里` : ''}。`, `Added ${n} result${n === 1 ? '' : 's'}${skipped ? `; ${skipped} already there` : ''}.`),
	refusedTitle: (n: number) => text(`${n} 个代码没有添加：`, `${n} code${n === 1 ? ' was' : 's were'} not added:`),
	students: text('学生成绩', 'Students'),
	noResults: text('还没有成绩。', 'No results yet.'),
	colName: text('名字', 'Name'),
	colScore: text('得分', 'Score'),
	remove: (name: string) => text(`删除 ${name} 的成绩`, `Delete ${name}’s result`),
	removeShort: text('删除', 'Delete'),
	average: (percent: number, n: number) => text(`${n} 名学生，平均答对 ${percent}%`, `${n} student${n === 1 ? '' : 's'}, ${percent}% right on average`),
	perQuestion: text('每道题', 'Question by question'),
	colRight: text('答对比例：', 'Right: '),
	colTopWrong: text('最多人选的错误答案：', 'Most chosen wrong answer: '),
	share: (right: number, total: number, percent: number) => text(`${percent}%（${right}/${total}）`, `${percent}% (${right}/${total})`),
	times: (n: number) => text(`${n} 人`, `×${n}`),
	confusions: text('全班容易混淆的状态', 'States the class confuses'),
	confusion: (expected: string, chosen: string, n: number) =>
		text(`应为 ${expected}，选了 ${chosen}：${n} 次`, `${expected} taken for ${chosen}: ${n} time${n === 1 ? '' : 's'}`),
	noConfusions: text('暂无：还没有在状态题上选错另一个状态。', 'None yet: no state question answered with another state.'),
	csv: text('导出 CSV', 'Export CSV'),
	deleteClass: text('删除这个班级及其成绩', 'Delete this class and its results'),
	confirmDelete: text('确定删除这个班级和全部成绩吗？', 'Delete this class and all its results?'),
	classOpenFailed: text('无法打开这个班级：', 'This class cannot be opened: '),
	project2: text('投影', 'Project'),
	results: text('成绩', 'Results')
};
