import { expect, test } from '@playwright/test';
import { questsFor } from '../../src/lib/features/game/quests';
import { expectNoHorizontalScroll, seriousViolations, storedReviews, useLanguage, waitForProgress, writeReviews } from './util';

interface StudyReview {
	id: string;
	at: number;
	kind: string;
	rating?: number;
	itemId: string;
	undoes?: string;
}

test('a full flashcard session on a phone, kept across a reload', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/study');
	await waitForProgress(page);
	await expect(page.getByTestId('study-plan')).toHaveText('今天：0 张到期复习，10 张新卡片');
	await page.getByRole('button', { name: '开始复习' }).click();

	let ratings = 0;
	const grades = ['良好', '重来', '简单', '困难'];
	const reveal = page.getByRole('button', { name: /显示答案/ });
	const done = page.getByRole('heading', { name: '本轮完成！' });
	for (;;) {
		// Wait for the next card or the end of the session, whichever the last rating led to.
		await expect(reveal.or(done)).toBeVisible();
		if (await done.isVisible()) break;
		await expectNoHorizontalScroll(page);
		await reveal.click();
		// Each rating button shows the interval it would schedule.
		await expect(page.getByRole('button', { name: /良好/ })).toContainText(/\d+ (分钟|小时|天|个月|年)/);
		await page.getByRole('button', { name: new RegExp(grades[ratings % grades.length]!) }).click();
		ratings++;
		expect(ratings).toBeLessThan(30);
	}
	// Ten new cards; the one rated "Again" came back once more.
	expect(ratings).toBeGreaterThanOrEqual(11);
	await expect(page.getByText(`复习了 ${ratings} 次`)).toBeVisible();

	await page.reload();
	await waitForProgress(page);
	expect((await storedReviews<StudyReview>(page)).filter((r) => r.kind === 'flashcard')).toHaveLength(ratings);
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('new-count')).toHaveText('0');
	await expect(page.getByTestId('today')).toContainText(`${ratings} 次作答`);
});

test('keyboard: Space reveals, 1–4 rate, Z undoes and restores the schedule', async ({ page }) => {
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	const first = (await page.locator('#front').textContent()) ?? '';
	await page.keyboard.press('Space');
	const goodBefore = (await page.locator('#rate-3 .interval').textContent()) ?? '';
	await page.keyboard.press('3');
	await expect(page.locator('#front')).not.toHaveText(first);
	expect(await storedReviews<StudyReview>(page)).toHaveLength(1);

	await page.keyboard.press('z');
	await expect(page.getByRole('status')).toHaveText('已撤销上一次评分。');
	await expect(page.locator('#front')).toHaveText(first);
	// Stored by random id: put the log in time order before reading it.
	const log = (await storedReviews<StudyReview>(page)).sort((a, b) => a.at - b.at);
	expect(log.map((r) => r.kind)).toEqual(['flashcard', 'undo']);
	expect(log[1]!.undoes).toBe(log[0]!.id);
	// The schedule is back where it was: the card is new again, with the same intervals.
	await page.keyboard.press('Space');
	await expect(page.locator('#rate-3 .interval')).toHaveText(goodBefore);
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('new-count')).toHaveText('10');
});

for (const [from, name] of [
	['/', '开始第一轮'],
	['/stats', '开始学习']
] as const) {
	test(`start buttons start: "${name}" on ${from} leads straight to the first card, Space and 1–4 work at once`, async ({ page }) => {
		await page.goto(from);
		await waitForProgress(page);
		await page.getByRole('link', { name }).click();
		await expect(page).toHaveURL(/\/study/);
		// No second "start" press: the first card is there, and the keyboard is live.
		await expect(page.locator('#front')).toBeFocused();
		await page.keyboard.press('Space');
		await expect(page.locator('#rate-3')).toBeVisible();
		await page.keyboard.press('3');
		await expect(page.getByText(/第 2 \/ \d+ 张/)).toBeVisible();
		expect(await storedReviews<StudyReview>(page)).toHaveLength(1);
	});
}

for (const lang of ['zh', 'en'] as const) {
	test(`a first visit on a phone shows that topics follow the welcome, on the first screen (${lang})`, async ({ page }) => {
		await useLanguage(page, lang);
		await page.goto('/');
		await waitForProgress(page);
		await expect(page.locator('#welcome')).toBeVisible();
		const navTop = (await page.getByRole('navigation').boundingBox())!.y;
		// The start button and the topics heading, with the first topic's title, above the tab bar.
		const start = (await page.getByRole('link', { name: lang === 'zh' ? '开始第一轮' : 'Start my first session' }).boundingBox())!;
		expect(start.y + start.height).toBeLessThanOrEqual(navTop);
		const heading = (await page.getByRole('heading', { name: lang === 'zh' ? '主题' : 'Topics', exact: true }).boundingBox())!;
		expect(heading.y + heading.height).toBeLessThanOrEqual(navTop);
		const firstTopic = (await page.locator('.topics a .title').first().boundingBox())!;
		expect(firstTopic.y + firstTopic.height).toBeLessThanOrEqual(navTop);
		await expect(page.locator('.topics')).toHaveCount(1);
	});
}

test('/study without the start parameter waits for a choice', async ({ page }) => {
	await page.goto('/study');
	await waitForProgress(page);
	await expect(page.getByRole('button', { name: '开始复习' })).toBeVisible();
	await expect(page.locator('#front')).toHaveCount(0);
});

test('cram practice does not move the schedule', async ({ page }) => {
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByLabel(/自由练习/).check();
	await page.getByRole('button', { name: '开始复习' }).click();
	await expect(page.getByText('自由练习模式')).toBeVisible();
	await page.getByRole('button', { name: /显示答案/ }).click();
	await page.getByRole('button', { name: /简单/ }).click();
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('new-count')).toHaveText('10');
});

for (const lang of ['zh', 'en'] as const) {
	test(`home and flashcards have no serious axe violations (${lang})`, async ({ page }) => {
		await useLanguage(page, lang);
		await page.goto('/');
		await waitForProgress(page);
		expect(await seriousViolations(page), 'first visit').toEqual([]);
		await page.goto('/study');
		await waitForProgress(page);
		expect(await seriousViolations(page), 'study setup').toEqual([]);
		await page.getByRole('button', { name: lang === 'zh' ? '开始复习' : 'Start reviewing' }).click();
		await expect(page.locator('#front')).toBeFocused();
		await page.keyboard.press('Space');
		expect(await seriousViolations(page), 'revealed card').toEqual([]);
		await page.keyboard.press('3');
		await page.goto('/');
		await waitForProgress(page);
		expect(await seriousViolations(page), 'home with progress').toEqual([]);
	});
}

test('quiz-only questions answered today do not use up the day’s new cards; a new card does', async ({ page }) => {
	// Seeded from a page that opens the store (a newcomer's home and /stats open none), then read on home.
	await page.goto('/settings');
	await waitForProgress(page);
	const now = Date.now();
	const review = (itemId: string, i: number) => ({
		id: crypto.randomUUID(),
		itemId,
		questionId: `next_state:${itemId}`,
		kind: 'quiz',
		answer: ['x'],
		correct: true,
		durationMs: 1000,
		at: now - 60_000 + i,
		appVersion: 'test'
	});
	// Transitions are asked about in the quiz only; `state:` families are also flashcards.
	await writeReviews(page, [review('t:SYN_SENT:recv_syn_ack', 0), review('t:LISTEN:recv_syn', 1), review('t:ESTABLISHED:close', 2)]);
	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('new-count')).toHaveText('10');
	await writeReviews(page, [review('state:TIME_WAIT', 3)]);
	await page.reload();
	await waitForProgress(page);
	await expect(page.getByTestId('new-count')).toHaveText('9');
});

test('after rating two cards and undoing one, every page counts one answer', async ({ page }) => {
	test.setTimeout(90_000);
	// A day whose quests count flashcards, so the quest's figure is on screen too.
	let noon = Date.UTC(2026, 5, 1, 12);
	while (!questsFor(new Date(noon).toISOString().slice(0, 10)).some((q) => q.template === 'reviews' || q.template === 'flashcards')) noon += 86_400_000;
	// Only the date moves (timers and animations stay real, as Playwright's clock would not leave them).
	await page.addInitScript((target) => {
		const Real = Date;
		const offset = target - Real.now();
		globalThis.Date = class extends Real {
			constructor(...args: []) {
				super(...((args.length ? args : [Real.now() + offset]) as []));
			}
			static override now = () => Real.now() + offset;
		} as DateConstructor;
	}, noon);
	await page.goto('/study');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: /显示答案/ }).click();
		await page.getByRole('button', { name: /良好/ }).click();
	}
	await page.getByRole('button', { name: /撤销/ }).first().click();
	await expect(page.getByRole('status')).toHaveText('已撤销上一次评分。');

	await page.goto('/');
	await waitForProgress(page);
	await expect(page.getByTestId('today')).toContainText('今天 1 次作答，1 次答对或记得');
	const quest = page.getByTestId('quests').getByRole('listitem').filter({ hasText: /复习 \d+ (题|张闪卡)/ });
	await expect(quest.locator('.count')).toHaveText(/^1 \/ \d+$/);

	await page.goto('/stats');
	await waitForProgress(page);
	await expect(page.getByTestId('today-reviews')).toHaveText('1');

	await page.goto('/settings');
	await waitForProgress(page);
	await expect(page.getByTestId('review-count')).toHaveText('1');
	// Three records are stored (two ratings and the undo), and the page says why they are more.
	await expect(page.getByTestId('record-count')).toHaveText('（共 3 条记录，包括 1 次撤销和被撤销的作答）');
});

test('an authored quiz card shows its statements on the front and marks each true or false on the back', async ({ page }) => {
	test.setTimeout(60_000);
	await page.setViewportSize({ width: 320, height: 720 });
	await page.goto('/study?topic=handshake');
	await waitForProgress(page);
	await page.getByRole('button', { name: '开始复习' }).click();
	const front = page.locator('#front');
	// The handshake topic's cards come in deck order; the quiz card is its last.
	for (let i = 0; i < 10 && !/下列哪些说法正确/.test((await front.textContent()) ?? ''); i++) {
		const shown = (await front.textContent()) ?? '';
		await page.getByRole('button', { name: /显示答案/ }).click();
		await page.getByRole('button', { name: /良好/ }).click();
		// The next card, not the rated one still on screen: reading that one would pass the quiz card by.
		await expect(front).not.toHaveText(shown);
	}
	await expect(front).toContainText('关于 TCP 三次握手，下列哪些说法正确？');
	const statements = page.locator('ol.statements li');
	await expect(statements).toHaveCount(5);
	await expect(statements.first()).toContainText('SYN+ACK');
	await expect(page.getByText('正确', { exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: /显示答案/ }).click();
	await expect(statements.filter({ hasText: /正确$/ })).toHaveCount(3);
	await expect(statements.filter({ hasText: /错误$/ })).toHaveCount(2);
	await expect(statements.nth(2)).toContainText('错误');
	await expectNoHorizontalScroll(page);
	expect(await seriousViolations(page)).toEqual([]);
});
