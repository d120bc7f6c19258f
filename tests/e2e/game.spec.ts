import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { answerKey, expectNoHorizontalScroll, pick, seriousViolations, storedReviews, useLanguage, waitForProgress, writeReviews } from './util';

interface StoredReview {
	at: number;
	kind: string;
	itemId: string;
	questionId?: string;
	correct?: boolean;
	durationMs: number;
	session?: string;
	answer?: string[];
}

/** Answer and go on: right or wrong, by tapping. */
async function play(page: Page, key: Map<string, string[]>, right: boolean, lang: 'zh' | 'en' = 'zh') {
	await pick(page, key, right);
	await page.getByRole('button', { name: lang === 'zh' ? '提交' : 'Submit' }).click();
	await expect(page.getByTestId('verdict')).toContainText(right ? (lang === 'zh' ? '答对了' : 'Right') : lang === 'zh' ? '答错了' : 'Not quite');
}

const nextButton = (page: Page) => page.getByRole('button', { name: /下一题|查看成绩|Next question|See the results/ });

/** The game panel's figures, as text. */
async function gameFigures(page: Page) {
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('game-panel')).toBeVisible();
	// Achievements come from the whole log, summed up after the running totals have shown the rest.
	await expect(page.locator('html[data-log="loaded"]')).toHaveCount(1);
	const text = (id: string) => page.getByTestId(id).textContent();
	return {
		xp: await text('xp'),
		level: await text('level'),
		streak: await text('streak'),
		goal: await text('goal'),
		average: await text('average'),
		quests: (await page.getByTestId('quests').innerText()).replace(/\s+/g, ' '),
		achievements: await page.locator('#achievements summary').textContent()
	};
}

test('a challenge round played to the end, with a time-out, a personal best and every answer in the log', async ({ page }) => {
	await page.clock.install();
	await page.goto('/challenge');
	await waitForProgress(page);
	const key = await answerKey(page);
	await expect(page.getByTestId('best-mixed')).toHaveText('还没玩过');
	// The wall clock stands still for the first question: "right at once" and "20 s left" must
	// not depend on how fast this machine clicks. Timers still run.
	const base = await page.evaluate(() => Date.now());
	await page.clock.setFixedTime(base);
	await page.getByRole('button', { name: '开始挑战' }).click();

	// The countdown shows the seconds left; lives and score start full and empty.
	await expect(page.getByTestId('countdown')).toHaveText(/20 秒/);
	await expect(page.getByTestId('lives')).toHaveAttribute('aria-label', '还剩 3 条命（共 3 条）');
	await expectNoHorizontalScroll(page);

	// 1: right at once: full points. Then time flows again.
	await play(page, key, true);
	const first = Number(await page.getByTestId('score').textContent());
	expect(first).toBe(100);
	await page.clock.setSystemTime(base + 1000);
	await nextButton(page).click();

	// 2: the clock runs out.
	await page.clock.fastForward(21_000);
	await expect(page.getByTestId('verdict')).toContainText('时间到');
	await expect(page.getByTestId('lives')).toHaveAttribute('aria-label', '还剩 2 条命（共 3 条）');
	await nextButton(page).click();

	// Then wrong until the lives run out.
	let questions = 2;
	while (!(await page.getByTestId('challenge-end').isVisible())) {
		await play(page, key, false);
		questions++;
		await nextButton(page).click();
		expect(questions).toBeLessThanOrEqual(10);
	}
	expect(questions).toBe(4);
	await expect(page.getByRole('heading', { name: '挑战结束' })).toBeFocused();
	await expect(page.getByTestId('final-score')).toHaveText(String(first));
	await expect(page.getByTestId('new-best')).toHaveText(/新纪录！/);
	await expect(page.getByTestId('personal-best')).toHaveText('这是你在这个范围的第一个成绩。');
	await expectNoHorizontalScroll(page);
	// The end screen lists the three questions that cost a life, each with its right answer, and
	// offers the way home once.
	const missed = page.getByTestId('challenge-missed').getByRole('listitem');
	await expect(missed).toHaveCount(3);
	await expect(missed.first()).toContainText('没有作答');
	for (let i = 0; i < 3; i++) await expect(missed.nth(i)).toContainText('正确答案');
	await expect(page.getByRole('link', { name: '回到首页' })).toHaveCount(1);

	// The log holds every answer, the time-out included, under one challenge session.
	const log = (await storedReviews<StoredReview>(page)).sort((a, b) => a.at - b.at);
	expect(log).toHaveLength(4);
	expect(log.every((r) => r.kind === 'challenge' && /^challenge:mixed:[0-9a-f-]{36}$/.test(r.session ?? ''))).toBe(true);
	expect(new Set(log.map((r) => r.session)).size).toBe(1);
	expect(log.map((r) => r.correct)).toEqual([true, false, false, false]);
	expect(log[1]!.durationMs).toBeGreaterThanOrEqual(20_000);

	// A worse round: no new best, and the best stays.
	await page.getByRole('button', { name: '再来一轮' }).click();
	for (let i = 0; i < 3; i++) {
		await play(page, key, false);
		await nextButton(page).click();
	}
	await expect(page.getByTestId('final-score')).toHaveText('0');
	await expect(page.getByTestId('new-best')).toHaveCount(0);
	await expect(page.getByTestId('personal-best')).toHaveText(`你在这个范围的最高分：${first}`);

	// The best comes back from the log after a reload.
	await page.reload();
	await waitForProgress(page);
	await expect(page.getByTestId('best-mixed')).toHaveText(`最高分 ${first}`);
});

test('on a phone the options and Submit all show, nothing floats over them, and a streak bonus shows its sum', async ({ page }) => {
	await page.goto('/challenge');
	await waitForProgress(page);
	const key = await answerKey(page);
	await page.getByRole('button', { name: '开始挑战' }).click();
	for (let i = 0; i < 2; i++) {
		const submit = page.getByRole('button', { name: '提交' });
		const options = page.locator('[data-question] .option');
		// Submit sits after the last option, in the flow: it never covers one while the clock runs.
		const last = (await options.last().boundingBox())!;
		const button = (await submit.boundingBox())!;
		expect(button.y).toBeGreaterThanOrEqual(last.y + last.height);
		expect(await submit.evaluate((b) => getComputedStyle(b.parentElement!).position)).toBe('static');
		// The round's HUD is one compact line.
		expect((await page.locator('.hud').boundingBox())!.height).toBeLessThanOrEqual(56);
		await play(page, key, true);
		if (i === 1) await expect(page.getByTestId('points-breakdown')).toHaveText(/^答对 \d+ 分 \+ 连对加分 10 分 = \d+ 分$/);
		await nextButton(page).click();
	}
});

test('keyboard: 1–9 pick, Enter submits and moves on', async ({ page }) => {
	await page.goto('/challenge');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始挑战' }).click();
	await expect(page.locator('#prompt')).toBeFocused();
	await page.keyboard.press('1');
	await expect(page.locator('[data-question] input').first()).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('verdict')).toBeVisible();
	await expect(nextButton(page)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('verdict')).toHaveCount(0);
	await expect(page.getByText('第 2 / 10 题', { exact: true })).toBeVisible();
	expect(await storedReviews<StoredReview>(page)).toHaveLength(1);
});

test('under reduced motion the countdown is a number alone, and celebrations have no confetti', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/challenge');
	await waitForProgress(page);
	const key = await answerKey(page);
	await page.getByRole('button', { name: '开始挑战' }).click();
	await expect(page.getByTestId('countdown')).toHaveText(/\d+ 秒/);
	await expect(page.locator('.timer .track')).toBeHidden();
	await play(page, key, true);
	await expect(page.getByTestId('celebration').filter({ hasText: 'SYN 已发出' })).toBeVisible();
	await expect(page.locator('.confetti')).toHaveCSS('display', 'none');
});

test('after a flashcard session the home page shows XP, the streak and an achievement, after a reload too', async ({ page }) => {
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('game-panel')).toHaveCount(0);

	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	for (let i = 0; i < 10; i++) {
		await page.getByRole('button', { name: /显示答案/ }).click();
		await page.getByRole('button', { name: /良好/ }).click();
		// The first review earns "SYN sent": a celebration that does not get in the way.
		if (i === 0) await expect(page.getByTestId('celebration').filter({ hasText: '获得成就：SYN 已发出' })).toBeVisible();
		// Celebrations never pile up: one toast at a time, news of one answer shares it.
		expect(await page.getByTestId('celebration').count()).toBeLessThanOrEqual(1);
	}
	const finished = page.getByRole('heading', { name: '本轮完成！' });
	await expect(finished).toBeVisible();
	// The last answers' news (goal, quests, an achievement) shows clear of the result heading.
	const toast = await page.getByTestId('celebration').boundingBox();
	const heading = (await finished.boundingBox())!;
	if (toast) expect(toast.y >= heading.y + heading.height || toast.y + toast.height <= heading.y).toBe(true);

	for (const pass of ['after the session', 'after a reload']) {
		if (pass === 'after a reload') await page.reload();
		else await page.goto('/');
		await waitForProgress(page);
		await expect(page.getByTestId('game-panel'), pass).toBeVisible();
		expect(Number(await page.getByTestId('xp').textContent()), pass).toBeGreaterThan(0);
		await expect(page.getByTestId('streak'), pass).toHaveText('1');
		await expect(page.getByTestId('level'), pass).toHaveText('1');
		await expect(page.getByTestId('quests').getByRole('listitem'), pass).toHaveCount(3);
		// Ten right in a row earned "Cumulative ACK" as well: the latest is shown, SYN sent in the list.
		await expect(page.getByTestId('achievements'), pass).toContainText('最近获得');
		await page.locator('#achievements summary').click();
		await expect(page.locator('#achievements summary'), pass).toContainText(/已获得 [1-9]\d* \//);
		await expect(page.locator('#achievements li.earned').filter({ hasText: 'SYN 已发出' }), pass).toHaveCount(1);
		await expectNoHorizontalScroll(page);
	}
});

test('news of one answer shares one toast, clear of the page heading: a level and the daily goal at once', async ({ page }) => {
	await page.goto('/study');
	await waitForProgress(page);
	// 49 missed quiz answers today, 1 XP each: one right flashcard (2 XP) reaches level 2 (50 XP)
	// and the default daily goal (50 XP) with the same answer.
	const now = Date.now();
	const misses = Array.from({ length: 49 }, (_, i) => ({
		id: `seed-${i}`,
		itemId: 'next_state:CLOSING:recv_ack',
		questionId: 'next_state:CLOSING:recv_ack',
		kind: 'quiz',
		correct: false,
		durationMs: 8000,
		at: now - (49 - i) * 1000,
		appVersion: '0.1.0'
	}));
	await writeReviews(page, misses);
	await page.reload();
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	// The card's words load with its slice: the keys work once the card is there.
	await expect(page.locator('#front')).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.locator('#rate-3')).toBeVisible();
	await page.keyboard.press('3');
	const toast = page.getByTestId('celebration');
	await expect(toast).toContainText('升级！');
	await expect(toast).toContainText('今日目标完成');
	await expect(toast).toHaveCount(1);
	const box = (await toast.boundingBox())!;
	const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
	expect(box.y).toBeGreaterThan(heading.y + heading.height);
});

test('rebuilding the game from an imported backup gives the same numbers', async ({ page }) => {
	await page.goto('/settings');
	await waitForProgress(page);
	// Three days of flashcards, the last one today, and a challenge round: a streak of three.
	const seeded = await page.evaluate(async () => {
		const bank = (await (await fetch('/data/bank.json')).json()) as { questions: { kind: string; family: string; id: string }[] };
		const cards = bank.questions.filter((q) => q.kind === 'flashcard').slice(0, 15);
		const now = Date.now();
		const records = cards.map((q, i) => ({
			id: crypto.randomUUID(),
			itemId: q.family,
			questionId: q.id,
			kind: 'flashcard',
			rating: 3,
			durationMs: 4000,
			at: now - Math.floor(i / 5) * 86_400_000 - (i % 5) * 10_000,
			appVersion: 'test'
		}));
		return records;
	});
	await writeReviews(page, seeded);
	await page.goto('/challenge');
	await waitForProgress(page);
	const key = await answerKey(page);
	await page.getByRole('button', { name: '开始挑战' }).click();
	await play(page, key, true);
	await nextButton(page).click();
	for (let i = 0; i < 3; i++) {
		await play(page, key, false);
		await nextButton(page).click();
	}
	const best = await page.getByTestId('final-score').textContent();

	const before = await gameFigures(page);
	expect(before.streak).toBe('3');
	expect(Number(before.xp)).toBeGreaterThan(30);

	await page.goto('/settings');
	await waitForProgress(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出进度' }).click()]);
	const file = await readFile(await download.path(), 'utf8');
	await page.getByRole('button', { name: '重置进度…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: '删除全部进度' }).click();
	await expect(page.getByText('进度已重置')).toBeVisible();
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('game-panel')).toHaveCount(0);

	await page.goto('/settings');
	await waitForProgress(page);
	await page.getByLabel('导入进度').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) });
	await expect(page.getByTestId('import-report')).toContainText('新增 19 条记录');
	expect(await gameFigures(page)).toEqual(before);
	await page.goto('/challenge');
	await waitForProgress(page);
	await expect(page.getByTestId('best-mixed')).toHaveText(`最高分 ${best}`);
});

test('the daily goal setting applies from today', async ({ page }) => {
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	await page.getByRole('button', { name: /显示答案/ }).click();
	await page.getByRole('button', { name: /良好/ }).click();
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('goal')).toHaveText('2 / 50 XP');

	await page.goto('/settings');
	await waitForProgress(page);
	await page.getByRole('radio', { name: /认真/ }).check();
	await expect(page.getByRole('region', { name: '游戏' }).getByRole('status')).toHaveText(/已保存/);
	await page.getByRole('checkbox', { name: /音效/ }).check();
	await expect(page.getByRole('checkbox', { name: /振动/ })).toBeChecked();
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('goal')).toHaveText('2 / 100 XP');
	await page.goto('/settings');
	await waitForProgress(page);
	await expect(page.getByRole('radio', { name: /认真/ })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /音效/ })).toBeChecked();
});

for (const lang of ['zh', 'en'] as const) {
	test(`challenge and the game panel have no serious axe violations (${lang})`, async ({ page }) => {
		test.setTimeout(180_000);
		await useLanguage(page, lang);
		await page.clock.install();
		await page.goto('/challenge');
		await waitForProgress(page);
		const key = await answerKey(page);
		// The wall clock stands still: an axe pass on a loaded machine can outlast a question's 20 s.
		await page.clock.setFixedTime(await page.evaluate(() => Date.now()));
		expect(await seriousViolations(page), 'challenge start').toEqual([]);
		await page.getByRole('button', { name: lang === 'zh' ? '开始挑战' : 'Start the challenge' }).click();
		expect(await seriousViolations(page), 'question').toEqual([]);
		await play(page, key, true, lang);
		expect(await seriousViolations(page), 'feedback').toEqual([]);
		await nextButton(page).click();
		for (let i = 0; i < 3; i++) {
			await play(page, key, false, lang);
			await nextButton(page).click();
		}
		await expect(page.getByTestId('challenge-end')).toBeVisible();
		expect(await seriousViolations(page), 'end').toEqual([]);

		await page.goto('/');
		await waitForProgress(page);
		await expect(page.getByTestId('game-panel')).toBeVisible();
		await page.locator('#achievements summary').click();
		expect(await seriousViolations(page), 'home with the game panel').toEqual([]);
		await expectNoHorizontalScroll(page);
		await page.goto('/settings');
		await waitForProgress(page);
		expect(await seriousViolations(page), 'settings').toEqual([]);
	});
}
