import { text } from '../../core/text';

export const HOME_UI = {
	welcomeTitle: text('欢迎来到 TCP Quest', 'Welcome to TCP Quest'),
	welcome: [
		text('这里用间隔重复的卡片和自动生成的测验，带你弄懂 TCP 连接从握手到 TIME-WAIT 的每一步，以及 Linux 的相关内核参数。', 'Spaced-repetition flashcards and generated quizzes take you through every step of a TCP connection, from the handshake to TIME-WAIT, and the Linux settings around it.'),
		text('每天几分钟：先复习到期的卡片，再学几张新卡片。算法（FSRS）会安排下一次复习的时间。', 'A few minutes a day: review what is due, learn a few new cards. The scheduler (FSRS) decides when you see each one again.'),
		text('完全离线可用，进度只保存在这台设备上；可以在设置里导出备份。', 'Works fully offline; your progress stays on this device, and you can export a backup in Settings.')
	],
	welcomeStart: text('开始第一轮', 'Start my first session'),
	dueNow: text('现在到期', 'Due now'),
	newToday: text('今日新卡片', 'New today'),
	quizDue: text('到期测验题', 'Quiz items due'),
	today: text('今天已完成', 'Done today'),
	correctToday: (right: number, all: number) => text(`今天 ${all} 次作答，${right} 次答对或记得`, `${all} answers today, ${right} right or remembered`),
	study: text('开始复习', 'Study now'),
	studyDone: text('今天的卡片已完成 — 再练一会儿', 'All caught up — practise more'),
	quiz: text('做个测验', 'Take a quiz'),
	mastery: text('掌握程度', 'mastery'),
	loading: text('正在读取你的进度…', 'Reading your progress…'),
	explore: text('更多玩法', 'Explore'),
	exploreDiagram: text('状态图', 'State diagram'),
	exploreDiagramHint: text('点开每个状态，看它怎么进、怎么出', 'Tap any state: how you get in, how you get out'),
	exploreSimulator: text('双端模拟器', 'Two-host simulator'),
	exploreSimulatorHint: text('看报文一来一回，并预测下一步', 'Watch segments fly and predict the next step'),
	exploreCards: text('卡片库', 'Card browser'),
	exploreCardsHint: text('搜索每张卡片，看你记得多牢', 'Search every card, see how well you know it'),
	exploreCapture: text('读抓包', 'Read a capture'),
	exploreCaptureHint: text('真实的 tcpdump 报文，逐个看状态怎么变', 'Real tcpdump packets, and the states they move'),
	exploreStats: text('学习统计', 'Your statistics'),
	exploreStatsHint: text('热力图、正确率，以及你常混淆的状态', 'Heatmap, accuracy, and the states you mix up'),
	exploreClassroom: text('课堂测验', 'Classroom quiz'),
	exploreClassroomHint: text('全班同一套题，扫码交卷，无需服务器', 'One quiz for the whole class, results by QR code, no server'),
	exploreChallenge: text('限时挑战', 'Timed challenge'),
	exploreChallengeHint: text('三条命，答得准比答得快更重要', 'Three lives; being right beats being fast')
};
