/**
 * Achievements: each one names a piece of TCP and asks for something worth doing — regular study,
 * getting a whole corner of the state machine right, coming back to what was missed. Progress is a
 * pure function of the facts, so it shows until earned, and `earnedAt` is the review that earned it
 * (unknown for mastery, which is a snapshot of the schedule rather than of the log).
 */
import { STATES } from '../../core/fsm/states';
import { text, type Text } from '../../core/text';
import type { Review } from '../../core/log/review';
import { gameFacts, type GameContext, type GameFacts, type QuestionRef, type TopicRef } from './facts';
import { xpToReach } from './levels';
import type { XpEvent } from './xp';
import { parseFamily, stateFamily, statesNamed } from '../../core/ids';
import { isQuizQuestion } from '../quiz/types';

export interface AchievementProgress {
	earned: boolean;
	current: number;
	target: number;
	earnedAt?: number;
	/** What `current` counts, when "current / target" alone would mislead (e.g. a per-session record). */
	measure?: Text;
}

export interface Achievement {
	id: string;
	title: Text;
	/** How to earn it. */
	description: Text;
	progress: (facts: GameFacts) => AchievementProgress;
}

/** Earned at the `target`-th of a sorted list of moments. */
function nth(ats: readonly number[], target: number): AchievementProgress {
	const earned = ats.length >= target;
	return { earned, current: Math.min(ats.length, target), target, earnedAt: earned ? ats[target - 1] : undefined };
}

/** Earned when every one of a set is done; `ats` holds when each was, or undefined. An empty set earns nothing. */
function every(ats: readonly (number | undefined)[]): AchievementProgress {
	const done = ats.filter((a): a is number => a !== undefined);
	const earned = ats.length > 0 && done.length === ats.length;
	return { earned, current: done.length, target: ats.length, earnedAt: earned ? done.reduce((x, y) => Math.max(x, y)) : undefined };
}

function streakOfDays(target: number) {
	return (f: GameFacts): AchievementProgress => {
		const day = f.streak.days.find((d) => d.length >= target);
		return day
			? { earned: true, current: target, target, earnedAt: day.firstAt }
			: { earned: false, current: Math.min(f.streak.current, target), target };
	};
}

const goalDays = (target: number) => (f: GameFacts) =>
	nth(
		f.streak.days.flatMap((d) => (d.goalMetAt === undefined ? [] : [d.goalMetAt])),
		target
	);

const reviews = (target: number) => (f: GameFacts) =>
	nth(
		f.events.map((e) => e.review.at),
		target
	);

/**
 * Right answers in a row within a session: `XpEvent.combo`. Until earned, progress is the best run
 * of today's sessions: a run from an earlier day cannot be continued, so showing it would promise
 * what the next answer cannot deliver.
 */
function combo(target: number) {
	return (f: GameFacts): AchievementProgress => {
		const hit = f.events.find((e) => e.combo >= target);
		if (hit) return { earned: true, current: target, target, earnedAt: hit.review.at };
		const { dayOf, now } = f.context;
		const today = dayOf(now);
		const best = f.events.reduce((best, e) => (dayOf(e.review.at) === today ? Math.max(best, e.combo) : best), 0);
		return { earned: false, current: best, target, measure: text('今天单次学习中最长的连对', 'Best run in one session today') };
	};
}

/** Every (non-flashcard) question matching `pred` answered right at least once. */
function allRight(pred: (q: QuestionRef) => boolean) {
	return (f: GameFacts) => every(f.context.questions.filter((q) => isQuizQuestion(q) && pred(q)).map((q) => f.firstRightAt.get(q.id)));
}

/** The question's family names this state: a transition from it, the state itself, a pair or a diagnosis with it. */
const involves = (state: string) => (q: QuestionRef) => statesNamed(parseFamily(q.family)).includes(state);

/** A session in which the time studied reached `ms`. */
function sessionOf(ms: number) {
	return (f: GameFacts): AchievementProgress => {
		const target = Math.round(ms / 1000);
		let best = 0;
		let studied = 0;
		let prev: XpEvent | undefined;
		for (const e of f.events) {
			studied = prev && prev.session === e.session ? studied + e.studiedMs : e.studiedMs;
			if (studied >= ms) return { earned: true, current: target, target, earnedAt: e.review.at };
			best = Math.max(best, studied);
			prev = e;
		}
		return { earned: false, current: Math.floor(best / 1000), target };
	};
}

function level(n: number) {
	return (f: GameFacts): AchievementProgress => {
		const need = xpToReach(n);
		let xp = 0;
		for (const e of f.events) {
			xp += e.xp;
			if (xp >= need) return { earned: true, current: need, target: need, earnedAt: e.review.at };
		}
		return { earned: false, current: xp, target: need };
	};
}

const rounds = (pred: (r: NonNullable<GameContext['rounds']>[number]) => boolean) => (f: GameFacts) =>
	nth(
		(f.context.rounds ?? [])
			.filter(pred)
			.map((r) => r.at)
			.sort((a, b) => a - b),
		1
	);

export const SYN_FLOOD_TOPIC = 'syn-flood';

const a = (id: string, title: Text, description: Text, progress: Achievement['progress']): Achievement => ({ id, title, description, progress });

export const ACHIEVEMENTS: readonly Achievement[] = [
	a('syn', text('SYN 已发出', 'SYN sent'), text('完成第一次复习。', 'Complete your first review.'), reviews(1)),
	a('three-way-handshake', text('三次握手', 'Three-way handshake'), text('连续 3 天学习。', 'Study 3 days in a row.'), streakOfDays(3)),
	a('keepalive', text('keepalive', 'Keepalive'), text('连续 7 天学习。', 'Study 7 days in a row.'), streakOfDays(7)),
	a('long-lived', text('长连接', 'Long-lived connection'), text('连续 30 天学习。', 'Study 30 days in a row.'), streakOfDays(30)),
	a(
		'persist-timer',
		text('坚持定时器', 'Persist timer'),
		text('用一次连胜冻结让连胜跨过错过的一天，然后回来继续学习。', 'Let a streak freeze carry your streak over a missed day, then come back and study.'),
		(f) =>
			nth(
				f.streak.days.filter((d) => d.frozeBefore.length > 0).map((d) => d.firstAt),
				1
			)
	),
	a('ack', text('ACK', 'ACK'), text('第一次完成每日目标。', 'Meet your daily goal for the first time.'), goalDays(1)),
	a('slow-start', text('慢启动', 'Slow start'), text('在 7 天里完成每日目标（会赢得一次连胜冻结）。', 'Meet your daily goal on 7 days (it earns a streak freeze).'), goalDays(7)),
	a('congestion-avoidance', text('拥塞避免', 'Congestion avoidance'), text('在 30 天里完成每日目标。', 'Meet your daily goal on 30 days.'), goalDays(30)),
	a('sliding-window', text('滑动窗口', 'Sliding window'), text('完成 100 次复习。', 'Complete 100 reviews.'), reviews(100)),
	a('bulk-transfer', text('批量传输', 'Bulk transfer'), text('完成 1000 次复习。', 'Complete 1,000 reviews.'), reviews(1000)),
	a('cumulative-ack', text('累积确认', 'Cumulative ACK'), text('在一次学习中连续答对 10 题。', 'Get 10 right in a row in one session.'), combo(10)),
	a('window-scaling', text('窗口扩大', 'Window scaling'), text('在一次学习中连续答对 25 题。', 'Get 25 right in a row in one session.'), combo(25)),
	a(
		'retransmission',
		text('重传', 'Retransmission'),
		text('答对 10 道曾经答错的题。', 'Get right 10 questions you had once got wrong.'),
		(f) => nth(f.recoveredAt, 10)
	),
	a(
		'2msl',
		text('2MSL', '2MSL'),
		text('一次学习满 4 分钟：RFC 793 的 MSL 是 2 分钟，TIME-WAIT 要等两倍。', 'Study for 4 minutes in one session: RFC 793’s MSL is 2 minutes, and TIME-WAIT waits twice that.'),
		sessionOf(4 * 60_000)
	),
	a(
		'simultaneous-close',
		text('同时关闭', 'Simultaneous close'),
		text('关于 CLOSING 的每道题都至少答对一次。', 'Answer every question about CLOSING right at least once.'),
		allRight(involves('CLOSING'))
	),
	a(
		'time-wait-survivor',
		text('TIME-WAIT 幸存者', 'TIME-WAIT survivor'),
		text('关于 TIME-WAIT 的每道题都至少答对一次。', 'Answer every question about TIME-WAIT right at least once.'),
		allRight(involves('TIME_WAIT'))
	),
	a(
		'half-close',
		text('半关闭', 'Half-close'),
		text('关于 CLOSE-WAIT 的每道题都至少答对一次。', 'Answer every question about CLOSE-WAIT right at least once.'),
		allRight(involves('CLOSE_WAIT'))
	),
	a(
		'syn-flood-defender',
		text('SYN Flood 防御者', 'SYN flood defender'),
		text('“SYN 超时与 SYN Flood”主题的每道题都至少答对一次。', 'Answer every question of the SYN flood topic right at least once.'),
		allRight((q) => q.topic === SYN_FLOOD_TOPIC)
	),
	a(
		'in-order-delivery',
		text('按序交付', 'In-order delivery'),
		text('每道排序题都至少排对一次。', 'Put every sequence in the right order at least once.'),
		allRight((q) => q.kind === 'order_steps')
	),
	a(
		'ss-tan',
		text('ss -tan', 'ss -tan'),
		text('每份 ss 输出都至少诊断对一次。', 'Diagnose every ss listing right at least once.'),
		allRight((q) => q.kind === 'ss_diagnosis')
	),
	a(
		'sysctl',
		text('sysctl -a', 'sysctl -a'),
		text('每道参数默认值题都至少答对一次。', 'Answer every question on a parameter’s default right at least once.'),
		allRight((q) => q.kind === 'param_default')
	),
	a(
		'eleven-states',
		text('十一种状态', 'Eleven states'),
		text('复习全部 11 种 TCP 状态的卡片。', 'Review the flashcard of each of the 11 TCP states.'),
		(f) => every(STATES.map((s) => f.firstReviewOfItem.get(stateFamily(s))))
	),
	a(
		'port-scan',
		text('端口扫描', 'Port scan'),
		text('每个主题至少复习一道题。', 'Review at least one question of every topic.'),
		(f) => every(f.context.topics.map((t) => f.firstReviewOfTopic.get(t.id)))
	),
	a('ssthresh', text('慢启动阈值', 'ssthresh'), text('升到 10 级。', 'Reach level 10.'), level(10)),
	a(
		'rto-race',
		text('与 RTO 赛跑', 'Race the RTO'),
		text('在挑战中答完一整轮，并留下至少一条命。', 'Finish a challenge round with a life to spare.'),
		rounds((r) => r.survived)
	),
	a(
		'lossless',
		text('零丢包', 'Lossless link'),
		text('在挑战中答完一整轮，一条命都没丢。', 'Finish a challenge round without losing a life.'),
		rounds((r) => r.survived && r.livesLost === 0)
	)
];

/** A topic counts as mastered at this mastery (0–1). */
export const MASTERED_AT = 0.8;

/** One badge per topic: its mastery, as the dashboard measures it, reaches 80 %. */
export function topicBadge(topic: TopicRef): Achievement {
	const target = Math.round(MASTERED_AT * 100);
	return a(
		`mastered:${topic.id}`,
		text(`精通：${topic.title.zh}`, `Mastered: ${topic.title.en}`),
		text(`把“${topic.title.zh}”的掌握度提高到 ${target}%。`, `Bring your mastery of “${topic.title.en}” to ${target}%.`),
		(f) => {
			const current = Math.floor((f.context.mastery?.get(topic.id) ?? 0) * 100);
			return { earned: current >= target, current: Math.min(current, target), target };
		}
	);
}

const forTopics = new WeakMap<readonly TopicRef[], Achievement[]>();
/** Every achievement: the fixed ones, then a badge per topic; the same list for the same topics (a page asks per worker summary, i.e. per answer). */
export function achievementsFor(topics: readonly TopicRef[]): Achievement[] {
	let all = forTopics.get(topics);
	if (!all) forTopics.set(topics, (all = [...ACHIEVEMENTS, ...topics.map(topicBadge)]));
	return all;
}

export interface AchievementStatus extends AchievementProgress {
	achievement: Achievement;
}

/** Progress on every achievement. */
export function progress(log: readonly Review[], context: GameContext): AchievementStatus[] {
	return progressFromFacts(gameFacts(log, context));
}

export function progressFromFacts(facts: GameFacts): AchievementStatus[] {
	return achievementsFor(facts.context.topics).map((achievement) => ({ achievement, ...achievement.progress(facts) }));
}
