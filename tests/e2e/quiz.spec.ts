import { expect, test, type Page } from '@playwright/test';
import { answerKey, expectNoHorizontalScroll, pick, seriousViolations, storedReviews, useLanguage, waitForProgress } from './util';

interface StoredReview {
	at: number;
	kind: string;
	itemId: string;
	questionId?: string;
	answer?: string[];
	correct?: boolean;
	durationMs: number;
}

interface BankQuestion {
	id: string;
	kind: string;
	family: string;
	prompt: { zh: string; en: string };
	options: { id: string; label: { zh: string; en: string } }[];
	answer: string[];
}

const summaryHeading = (page: Page, lang: 'zh' | 'en' = 'zh') => page.getByRole('heading', { name: lang === 'zh' ? '测验完成' : 'Quiz complete' });
const verdict = (page: Page) => page.locator('#verdict');
const prompt = (page: Page) => page.locator('#prompt');
const orderHelp = (page: Page) => page.locator('#order-help');

/** Answer without knowing the answer: the first option, or every step in the order offered. */
async function answerBlindly(page: Page, lang: 'zh' | 'en' = 'zh') {
	if (await orderHelp(page).isVisible()) {
		const bank = page.locator('ul.bank button');
		while ((await bank.count()) > 0) await bank.first().click();
	} else {
		await page.locator('label.option').first().click();
	}
	await page.getByRole('button', { name: lang === 'zh' ? '检查答案' : 'Check', exact: true }).click();
	await expect(verdict(page)).toBeVisible();
}

async function startQuiz(page: Page, size: 5 | 10 | 20, lang: 'zh' | 'en' = 'zh') {
	// A topic with fewer questions than asked for offers only what it has: then take the largest.
	const wanted = page.locator(`input[name="size"][value="${size}"]`);
	await ((await wanted.count()) ? wanted : page.locator('input[name="size"]').last()).check();
	await page.getByRole('button', { name: lang === 'zh' ? /^开始测验（\d+ 题）$/ : /^Start quiz \(\d+ questions\)$/ }).click();
	await expect(prompt(page)).toBeFocused();
}

/** Answer the question on screen by the bank's key: right, or (for a choice question) wrong. */
async function answerByKey(page: Page, key: Map<string, string[]>, bank: Map<string, BankQuestion>, right: boolean) {
	const id = (await page.locator('[data-question]').getAttribute('data-question'))!;
	const question = bank.get(id)!;
	expect(question, `question ${id} is in the bank`).toBeDefined();
	if (question.kind === 'order_steps') {
		// Place the steps in the right order (an ordering question is never the one missed on purpose).
		for (const step of question.answer) {
			const label = question.options.find((o) => o.id === step)!.label.zh;
			const offered = await page.locator('ul.bank button .text').allTextContents();
			await page.locator('ul.bank button').nth(offered.findIndex((t) => t.endsWith(label))).click();
		}
	} else await pick(page, key, right);
	await page.getByRole('button', { name: '检查答案', exact: true }).click();
	return id;
}

test('a full mixed quiz on a phone: feedback, a missed question comes back, summary, stored answers', async ({ page }) => {
	await page.goto('/quiz');
	await waitForProgress(page);
	const key = await answerKey(page);
	const bank = new Map((await (await page.request.get('/data/bank.json')).json() as { questions: BankQuestion[] }).questions.map((q) => [q.id, q]));
	await expect(page.getByTestId('quiz-pool')).toContainText(/共 \d+ 道题：0 道到期复习，\d+ 道还没做过。/);
	await expect(page.getByLabel('主题')).toHaveValue('');
	await expectNoHorizontalScroll(page);
	await startQuiz(page, 5);

	// The first choice question is missed on purpose, every other answer is right: the verdicts,
	// the retry and the log must say exactly that.
	const firstTry: { id: string; correct: boolean }[] = [];
	const retries: string[] = [];
	const asked: { id: string; correct: boolean }[] = [];
	for (;;) {
		// The next question or the summary, whichever the last answer led to.
		await expect(prompt(page).or(summaryHeading(page))).toBeVisible();
		if (await summaryHeading(page).isVisible()) break;
		expect(asked.length, 'the quiz ends').toBeLessThan(10);
		await expect(prompt(page)).toBeFocused();
		const count = await page.locator('.bar .count [aria-hidden]').textContent();
		expect(count).toMatch(new RegExp(`^${asked.length + 1} / \\d+$`));
		const retry = await page.getByText('再试一次：这道题刚才答错了').isVisible();
		const id = (await page.locator('[data-question]').getAttribute('data-question'))!;
		const missOnPurpose = !retry && !firstTry.some((a) => !a.correct) && bank.get(id)?.kind !== 'order_steps';
		await answerByKey(page, key, bank, !missOnPurpose);
		const correct = !missOnPurpose;
		asked.push({ id, correct });
		await expectNoHorizontalScroll(page);

		// The verdict says it in words (its icon is decoration, hidden from screen readers).
		await expect(verdict(page)).toContainText(correct ? '回答正确' : '回答错误');
		await expect(verdict(page).locator('svg[aria-hidden="true"]')).toHaveCount(1);
		await expect(page.getByRole('status').filter({ hasText: correct ? '回答正确。' : /回答错误。正确答案：/ })).toHaveCount(1);
		// The explanation ends with its source.
		await expect(page.locator('.explanation p').first()).toContainText('来源');
		if (!correct) await expect(page.locator('.right-answer li').first()).toBeVisible();
		const next = page.getByRole('button', { name: /下一题|查看结果/ });
		await expect(next).toBeFocused();
		if (retry) retries.push(id);
		else {
			firstTry.push({ id, correct });
			if (!correct) await expect(page.getByText('这道题稍后会再出现一次。')).toBeVisible();
		}
		await next.click();
	}

	// Five questions; the one missed came back once and was answered right.
	expect(firstTry).toHaveLength(5);
	const missed = firstTry.filter((a) => !a.correct).map((a) => a.id);
	expect(missed).toHaveLength(1);
	expect(retries).toEqual(missed);
	expect(asked).toHaveLength(6);

	await expect(summaryHeading(page)).toBeFocused();
	await expect(page.getByTestId('quiz-score')).toContainText('4 / 5');
	await expect(page.getByTestId('quiz-time')).toContainText(/\d+ 秒/);
	await expect(page.locator('.missed li')).toHaveCount(1);
	await expectNoHorizontalScroll(page);
	await expect(page.getByRole('link', { name: '回到首页' })).toHaveAttribute('href', '/');

	await page.reload();
	await waitForProgress(page);
	const log = (await storedReviews<StoredReview>(page)).filter((r) => r.kind === 'quiz').sort((a, b) => a.at - b.at);
	// Every answer in the order given, each marked as the key says, with what was ticked.
	expect(log.map((r) => ({ id: r.questionId, correct: r.correct }))).toEqual(asked);
	for (const r of log) {
		expect(r.itemId).toBe(bank.get(r.questionId!)!.family);
		// Ticks are stored in the order they were made; the key is a set.
		const ticked = [...(r.answer ?? [])].sort();
		const right = [...key.get(r.questionId!)!].sort();
		if (r.correct) expect(ticked).toEqual(right);
		else expect(ticked).not.toEqual(right);
		expect(r.durationMs).toBeGreaterThanOrEqual(0);
	}

	// "Another quiz" goes back to the setup.
	await startQuiz(page, 5);
	await page.getByRole('button', { name: '结束测验' }).click();
	await page.getByRole('button', { name: '再来一次' }).click();
	await expect(page.getByRole('heading', { name: '开始一次测验' })).toBeFocused();
});

/** Move keyboard focus with Tab or Shift+Tab, whichever way the target lies, until it is focused. */
async function tabTo(page: Page, name: string) {
	const target = page.getByRole('button', { name, exact: true });
	for (let i = 0; i < 40; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		const forward = await target.evaluate((el) => {
			const active = document.activeElement;
			return !active || active === document.body || !!(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
		});
		await page.keyboard.press(forward ? 'Tab' : 'Shift+Tab');
	}
	throw new Error(`could not tab to ${name}`);
}

test('keyboard only: answer an ordering question with number keys, Enter and the move buttons', async ({ page }) => {
	await page.goto('/quiz?topic=handshake');
	await waitForProgress(page);
	await expect(page.getByLabel('主题')).toHaveValue('handshake');
	await startQuiz(page, 20);

	// Advance with the keyboard until an ordering question comes up.
	for (let i = 0; !(await orderHelp(page).isVisible()); i++) {
		expect(i, 'an ordering question appears').toBeLessThan(20);
		await page.keyboard.press('1');
		await expect(page.locator('label.option input').first()).toBeChecked();
		await page.keyboard.press('Enter');
		await expect(verdict(page)).toBeVisible();
		await expect(page.getByRole('button', { name: /下一题|查看结果/ })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(prompt(page)).toBeFocused();
	}

	const heading = (await prompt(page).locator('.prompt-text').textContent()) ?? '';
	const bank = (await (await page.request.get('/data/bank.json')).json()) as { questions: BankQuestion[] };
	const shown = await page.locator('ul.bank button .text').allTextContents();
	const question = bank.questions.find(
		(q) => q.kind === 'order_steps' && heading === q.prompt.zh && q.options.every((o, i) => shown[i]!.endsWith(o.label.zh))
	)!;
	expect(question, heading).toBeDefined();
	const label = (id: string) => question.options.find((o) => o.id === id)!.label.zh;

	// "1" places the first step offered; focus stays in the list, so Enter places the next ones.
	await page.keyboard.press('1');
	await expect(page.locator('ol.placed li')).toHaveCount(1);
	for (let n = 1; n < question.options.length; n++) {
		await expect(page.locator('ul.bank button').first()).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('button', { name: '检查答案' })).toBeFocused();
	const order = question.options.map((o) => o.id);
	await expect(page.locator('ol.placed .text')).toHaveText(order.map(label));

	// Sort with the move-up buttons; focus follows the step that moved.
	for (let i = 0; i < question.answer.length; i++) {
		const id = question.answer[i]!;
		let at = order.indexOf(id);
		if (at === i) continue;
		await tabTo(page, `上移：${label(id)}`);
		while (at > i) {
			await page.keyboard.press('Enter');
			order.splice(at - 1, 0, order.splice(at, 1)[0]!);
			at--;
			await expect(page.getByRole('button', { name: `上移：${label(id)}`, exact: true })).toBeFocused();
		}
	}
	expect(order).toEqual(question.answer);
	await expect(page.locator('ol.placed .text')).toHaveText(question.answer.map(label));
	// And a move down and back up, to show both directions.
	const first = label(question.answer[0]!);
	await tabTo(page, `下移：${first}`);
	await page.keyboard.press('Enter');
	await expect(page.locator('ol.placed .text').nth(1)).toHaveText(first);
	await expect(page.getByRole('button', { name: `下移：${first}`, exact: true })).toBeFocused();
	await tabTo(page, `上移：${first}`);
	await page.keyboard.press('Enter');
	await expect(page.locator('ol.placed .text').first()).toHaveText(first);

	await tabTo(page, '检查答案');
	await page.keyboard.press('Enter');
	await expect(verdict(page)).toContainText('回答正确');
	await expect(page.locator('ol.result li')).toHaveCount(question.answer.length);
	await expect(page.getByRole('button', { name: /下一题|查看结果/ })).toBeFocused();
	expect(await seriousViolations(page), 'ordering feedback').toEqual([]);
	// The store is keyed by random ids, so find the answer by its question.
	const stored = (await storedReviews<StoredReview>(page)).filter((r) => r.questionId === question.id);
	expect(stored).toEqual([expect.objectContaining({ kind: 'quiz', itemId: expect.stringMatching(/^order:/), answer: question.answer, correct: true })]);

	await page.keyboard.press('Enter');
	await expect(prompt(page)).toBeFocused();
});

for (const lang of ['zh', 'en'] as const) {
	test(`quiz screens have no serious axe violations (${lang})`, async ({ page }) => {
		await useLanguage(page, lang);
		await page.goto('/quiz');
		await waitForProgress(page);
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
		expect(await seriousViolations(page), 'setup').toEqual([]);
		await startQuiz(page, 5, lang);
		expect(await seriousViolations(page), 'question').toEqual([]);
		await answerBlindly(page, lang);
		expect(await seriousViolations(page), 'question with feedback').toEqual([]);
		await page.getByRole('button', { name: lang === 'zh' ? '下一题' : 'Next question' }).click();
		await answerBlindly(page, lang);
		await page.getByRole('button', { name: lang === 'zh' ? '结束测验' : 'End quiz' }).click();
		await expect(summaryHeading(page, lang)).toBeFocused();
		expect(await seriousViolations(page), 'summary').toEqual([]);
		await expectNoHorizontalScroll(page);
	});
}

test('links both ways: "quiz me on this state" asks about that state, and each explanation leads back to the diagram', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/fsm?state=CLOSING');
	await waitForProgress(page);
	await page.getByRole('link', { name: 'Quiz me on this state' }).click();
	await expect(page).toHaveURL(/\/quiz\?state=CLOSING$/);
	await waitForProgress(page);
	await expect(page.getByTestId('quiz-state')).toContainText('Only questions about CLOSING');
	// Fewer questions are about one state than the whole bank: the pool says how many.
	const pool = (await page.getByTestId('quiz-pool').textContent()) ?? '';
	const families = Number(/(\d+)/.exec(pool)?.[1]);
	expect(families).toBeGreaterThanOrEqual(2);
	expect(families).toBeLessThan(40);
	await startQuiz(page, 5, 'en');
	await answerBlindly(page, 'en');
	const link = page.locator('.explanation a.see-it');
	await expect(link).toHaveAttribute('href', /\/(fsm|simulate|capture)\?/);
	// An English page links to English pages: /en/fsm, /en/simulate, /en/capture.
	const href = ((await link.getAttribute('href')) ?? '').replace(/^\/en(?=\/)/, '');
	if (href.startsWith('/fsm')) expect(href).toMatch(/CLOSING|FIN_WAIT_1|TIME_WAIT/);
	await link.click();
	await waitForProgress(page);
	// A question about a real capture opens that recording; the others, the diagram or the simulator.
	const shown = href.startsWith('/fsm') ? /state-card|transition-card/ : href.startsWith('/capture') ? 'capture-view' : 'scenario';
	await expect(page.getByTestId(shown).first()).toBeVisible();

	// Clearing the state goes back to the whole bank.
	await page.goto('/quiz?state=CLOSING');
	await waitForProgress(page);
	await page.getByRole('button', { name: 'All states' }).click();
	await expect(page.getByTestId('quiz-state')).toHaveCount(0);
	const all = Number(/(\d+)/.exec((await page.getByTestId('quiz-pool').textContent()) ?? '')?.[1]);
	expect(all).toBeGreaterThan(families);
});

test('a topic quiz offers only the sizes it can fill, counts as home does, and every topic is listed', async ({ page }) => {
	await page.goto('/');
	await waitForProgress(page);
	const teardown = page.locator('a[href="/topics/teardown"] .meta');
	const count = Number((await teardown.textContent())?.match(/(\d+) 道测验题/)?.[1]);
	expect(count).toBeGreaterThan(0);

	await page.goto('/quiz?topic=teardown');
	await waitForProgress(page);
	await expect(page.getByLabel('主题')).toHaveValue('teardown');
	await expect(page.getByTestId('quiz-pool')).toContainText(`共 ${count} 道题`);
	await expect(page.getByTestId('quiz-pool')).toContainText('同一道题可能有几种问法');
	// No size above what the topic holds, the whole topic among them; one is ticked, and the button says it.
	const sizes = page.locator('input[name="size"]');
	for (const value of await sizes.evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)))) expect(value).toBeLessThanOrEqual(count);
	await expect(page.getByText(`全部 ${count} 题`)).toBeVisible();
	const ticked = await page.locator('input[name="size"]:checked').inputValue();
	await expect(page.getByRole('button', { name: `开始测验（${ticked} 题）` })).toBeVisible();
	await sizes.last().check();
	await expect(page.getByRole('button', { name: `开始测验（${count} 题）` })).toBeVisible();

	// The same topics as the flashcards, the interview questions among them and quizzable.
	const topicIds = async (path: string, select: string) => {
		await page.goto(path);
		await waitForProgress(page);
		return page.locator(`${select} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
	};
	const quizTopics = await topicIds('/quiz', 'select');
	expect(quizTopics).toEqual(await topicIds('/study', 'select:not([data-testid="study-mode"])'));
	expect(quizTopics).toContain('interview');
	await page.goto('/quiz?topic=interview');
	await waitForProgress(page);
	await expect(page.getByLabel('主题')).toHaveValue('interview');
	await startQuiz(page, 5);
	await expect(prompt(page)).toContainText('追问');
});
