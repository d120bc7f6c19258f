import { groupDigits as num, text, type Text } from '../../core/text';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The home page's game panel: level, goal, streak, quests, achievements. */
export const GAME_UI = {
	panel: text('我的进度', 'Your progress'),
	level: text('等级', 'Level'),
	levelN: (n: number) => text(`${n} 级`, `Level ${n}`),
	totalXp: text('总经验', 'Total XP'),
	toNext: (left: number, next: number) => text(`再得 ${num(left)} XP 升到 ${next} 级`, `${num(left)} XP to level ${next}`),
	levelBar: (next: number) => text(`升到 ${next} 级的进度`, `Progress to level ${next}`),
	goal: text('今日目标', 'Today’s goal'),
	goalMet: text('已完成！', 'Done!'),
	goalLeft: (left: number) => text(`还差 ${left} XP`, `${left} XP to go`),
	streak: text('连续学习', 'Streak'),
	days: (n: number) => text('天', plural(n, 'day', 'days')),
	streakNone: text('今天学一题就能开始连胜。', 'Study today to start a streak.'),
	streakToday: text('今天学一题就能保持连胜。', 'Study today to keep it going.'),
	freezes: (k: number) => text(`连胜冻结 ${k} 个`, `${k} streak ${plural(k, 'freeze', 'freezes')}`),
	freezeHint: (days: number) =>
		text(`再完成 ${days} 天的目标可得一个冻结：错过一天时它自动保住连胜。`, `Meet your goal on ${days} more ${plural(days, 'day', 'days')} to earn a freeze: it keeps your streak over a missed day.`),
	average: (xp: number) => text(`近 7 天平均 ${xp} XP/天`, `7-day average ${xp} XP/day`),
	quests: text('每日任务', 'Daily quests'),
	questDone: text('已完成', 'done'),
	questProgress: (current: number, target: number) => text(`${current} / ${target}`, `${current} / ${target}`),
	/** An achievement's progress, with what it counts when that is not obvious. */
	achievementProgress: (current: number, target: number, measure?: Text) =>
		measure ? text(`${measure.zh}：${current} / ${target}`, `${measure.en}: ${current} / ${target}`) : text(`${current} / ${target}`, `${current} / ${target}`),
	achievements: text('成就', 'Achievements'),
	latest: text('最近获得', 'Latest'),
	upNext: text('下一个目标', 'Up next'),
	allAchievements: (earned: number, total: number) => text(`全部成就（已获得 ${earned} / ${total}）`, `All achievements (${earned} of ${total} earned)`),
	earned: text('已获得', 'Earned'),
	notYet: text('未获得', 'Not yet'),
	earnedOn: (date: string) => text(`获得于 ${date}`, `Earned ${date}`),
	challenge: text('限时挑战', 'Timed challenge'),
	challengeHint: text('10 题 · 每题 20 秒 · 3 条命', '10 questions · 20 s each · 3 lives')
};

/** The timed challenge page. */
export const CHALLENGE_UI = {
	title: text('限时挑战', 'Timed challenge'),
	loading: text('正在准备题目…', 'Preparing questions…'),
	rules: [
		text('10 道题，每题 20 秒倒计时。', '10 questions, 20 seconds each.'),
		text('答对得 50–100 分：越快越多，但最慢也有一半。', 'A right answer scores 50–100: faster earns more, but never less than half.'),
		text('连续答对每题再加 10 分，最多 +50。', 'Each right answer in a row adds 10 more, up to +50.'),
		text('答错或超时失去一条命，三条命用完就结束。', 'A wrong answer or a time-out costs one of three lives.'),
		text('每次作答都会记入复习计划。', 'Every answer feeds your review schedule too.')
	],
	roundType: text('题目范围', 'Questions from'),
	mixed: text('综合（全部主题）', 'Mixed (all topics)'),
	best: (score: number) => text(`最高分 ${num(score)}`, `Best ${num(score)}`),
	noBest: text('还没玩过', 'Not played yet'),
	start: text('开始挑战', 'Start the challenge'),
	keys: text('键盘：1–9 选择选项，Enter 提交或进入下一题。', 'Keyboard: 1–9 pick an option, Enter submits or moves on.'),

	question: (n: number, total: number) => text(`第 ${n} / ${total} 题`, `Question ${n} of ${total}`),
	score: text('得分', 'Score'),
	lives: (n: number, max: number) => text(`还剩 ${n} 条命（共 ${max} 条）`, `${n} of ${max} ${plural(max, 'life', 'lives')} left`),
	timeLeft: text('剩余时间', 'Time left'),
	seconds: (s: number) => text(`${s} 秒`, `${s} s`),
	pickOne: text('选一个答案', 'Pick one answer'),
	pickAll: text('选出所有正确答案', 'Pick every right answer'),
	listing: text('ss -tan 输出', 'ss -tan output'),
	submit: text('提交', 'Submit'),
	saving: text('正在保存…', 'Saving…'),

	right: text('答对了！', 'Right!'),
	wrong: text('答错了', 'Not quite'),
	timeout: text('时间到', 'Time’s up'),
	points: (points: number) => text(`+${points} 分`, `+${points} points`),
	/** A right answer's points with a streak bonus, so a total above 100 explains itself. */
	pointsBreakdown: (points: number, bonus: number) =>
		text(`答对 ${points} 分 + 连对加分 ${bonus} 分 = ${points + bonus} 分`, `${points} for the answer + ${bonus} streak bonus = ${points + bonus} points`),
	lifeLost: text('失去一条命', 'One life lost'),
	rightAnswer: text('正确答案', 'The right answer'),
	rightAnswers: text('正确答案（全部）', 'The right answers'),
	yourPick: text('你的选择', 'Your pick'),
	next: text('下一题', 'Next question'),
	seeResults: text('查看成绩', 'See the results'),

	over: text('挑战结束', 'Round over'),
	outOfLives: text('三条命都用完了。', 'Out of lives.'),
	allAnswered: text('全部答完！', 'Every question answered!'),
	finalScore: text('本轮得分', 'Your score'),
	newBest: text('新纪录！', 'New best!'),
	previousBest: (score: number) => text(`之前的最高分：${num(score)}`, `Previous best: ${num(score)}`),
	yourBest: (score: number) => text(`你在这个范围的最高分：${num(score)}`, `Your best for this round: ${num(score)}`),
	firstRound: text('这是你在这个范围的第一个成绩。', 'Your first score for this round.'),
	rightCount: (right: number, asked: number) => text(`答对 ${right} / ${asked} 题`, `${right} of ${asked} right`),
	bestStreak: (n: number) => text(`最长连对 ${n} 题`, `Longest run: ${n} right`),
	livesLeft: (n: number) => text(`剩下 ${n} 条命`, `${n} ${plural(n, 'life', 'lives')} to spare`),
	missedTitle: text('没答对的题', 'Questions you missed'),
	noAnswer: text('没有作答', 'No answer'),
	playAgain: text('再来一轮', 'Play again'),
	changeRound: text('换个范围', 'Choose another round'),
	home: text('回到首页', 'Back home')
};

/** Celebrations after an answer. */
export const CELEBRATE_UI = {
	region: text('庆祝', 'Celebrations'),
	level: (n: number) => text(`升级！你到了 ${n} 级`, `Level up! You reached level ${n}`),
	goal: (xp: number) => text(`今日目标完成：${xp} XP`, `Daily goal met: ${xp} XP`),
	quest: (title: Text) => text(`任务完成：${title.zh}`, `Quest complete: ${title.en}`),
	achievement: (title: Text) => text(`获得成就：${title.zh}`, `Achievement earned: ${title.en}`)
};

/** The settings page's game group. */
export const GAME_SETTINGS_UI = {
	title: text('游戏', 'Game'),
	goal: text('每日目标', 'Daily goal'),
	goalOption: (name: Text, xp: number) => text(`${name.zh}：每天 ${xp} XP`, `${name.en}: ${xp} XP a day`),
	goalHint: text('新目标从今天起生效，过去的日子保留当时的目标。', 'A new goal applies from today; past days keep the goal they had.'),
	feedback: text('反馈', 'Feedback'),
	sounds: text('音效', 'Sounds'),
	soundsHint: text('答题和庆祝时播放简短的提示音。默认关闭。', 'Short beeps for answers and celebrations. Off by default.'),
	haptics: text('振动', 'Vibration'),
	hapticsHint: text('在支持的设备上，答题和庆祝时轻轻振动。', 'A light buzz for answers and celebrations, on devices that support it.')
};

/** The nav entry the layout may add. */
export const GAME_NAV = {
	challenge: text('挑战', 'Challenge')
};
