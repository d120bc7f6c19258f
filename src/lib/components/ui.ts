import { text } from '../core/text';

/** Strings of the app shell and the topic pages, in both languages. */
export const UI = {
	appName: text('TCP Quest', 'TCP Quest'),
	/** The page's meta description, in its own language (search results show it). */
	description: text('TCP Quest：离线也能学，弄懂 TCP 连接怎样建立、怎样关闭。', 'TCP Quest: learn how TCP connections live and die, offline.'),
	tagline: text('弄懂 TCP 连接的一生：握手、挥手、每一个状态，以及决定服务器生死的内核参数。', 'Learn how TCP connections live and die: the handshake, the teardown, every state, and the kernel settings that decide how a server survives.'),
	topics: text('主题', 'Topics'),
	cards: text('张卡片', 'cards'),
	/** Counted as families: one question, in one or more wordings (the quiz page counts the same). */
	questions: text('道测验题', 'quiz questions'),
	/** Why a mode has nothing for a topic (see `unavailable` in src/lib/features/study/topics.ts). */
	noCards: text('没有卡片', 'no flashcards'),
	noQuiz: text('还没有测验题', 'no quiz questions yet'),
	noChallenge: (n: number) => text(`不足 ${n} 道题，请玩混合挑战`, `fewer than ${n} questions: play the mixed round`),
	unavailableOption: (title: string, reason: string) => text(`${title}（${reason}）`, `${title} (${reason})`),
	switchLanguage: text('English', '中文'),
	/** Starts with the visible label, so voice users can say what they see (WCAG 2.5.3). */
	switchLanguageLabel: text('English（切换到英文）', '中文 (Switch to Chinese)'),
	back: text('返回主题列表', 'Back to topics'),
	waits: text('在等待什么', 'Waiting for'),
	side: text('谁会经过', 'Who passes through'),
	leaves: text('如何离开', 'What leaves it'),
	meaning: text('含义', 'Meaning'),
	notesSaid: text('常见学习笔记的说法（已更正）', 'What common study notes say (corrected)'),
	fix: text('处理办法', 'The fix'),
	front: text('问', 'Q'),
	back_: text('答', 'A'),
	topicNext: text('继续学习这个主题', 'Keep going with this topic'),
	studyTopic: text('学习这些卡片', 'Study these cards'),
	quizTopic: text('做这个主题的测验', 'Quiz this topic'),
	skip: text('跳到正文', 'Skip to content'),
	notFound: text('找不到这个页面。', 'This page does not exist.'),
	loading: text('正在加载你的学习记录…', 'Loading your progress…'),
	loadFailed: text('无法打开本地存储：', 'Could not open local storage: '),
	/** A session's questions are fetched when it starts: offline before the first visit finished, they may be missing. */
	questionsFailed: text('题目没能载入，联网后再试一次。', 'The questions did not load. Connect to the internet and try again.')
};

export const NAV = {
	label: text('主导航', 'Main'),
	home: text('首页', 'Home'),
	study: text('卡片', 'Cards'),
	quiz: text('测验', 'Quiz'),
	diagram: text('状态图', 'Diagram'),
	settings: text('设置', 'Settings')
};

export const UPDATE_UI = {
	ready: text('新版本已就绪。你的学习记录都已保存。', 'A new version is ready. Everything you studied is saved.'),
	reload: text('更新', 'Update'),
	later: text('稍后', 'Later'),
	/** No service worker (http:// on a LAN address, a policy, some private windows): said once. */
	noOffline: text(
		'在这个地址上不能离线使用：离线使用需要通过 https（或 localhost）打开并安装本应用。现在它像普通网页一样联网使用，其他功能照常。',
		'Offline use is not available at this address: it needs the app opened over https (or localhost) and installed. Here TCP Quest works online like a plain web page; everything else works as usual.'
	),
	gotIt: text('知道了', 'Got it')
};
