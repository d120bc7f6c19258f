import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, seriousViolations, storedReviews, useLanguage, waitForProgress } from './util';

interface BankQuestion {
	id: string;
	prompt: { zh: string; en: string };
	options: { id: string; label: { zh: string; en: string } }[];
	answer: string[];
}

test('recall by typing: switch it on, type another spelling of the answer, see why it counts; the answer is stored as typed', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.setViewportSize({ width: 320, height: 700 });
	await page.goto('/quiz');
	await waitForProgress(page);
	const bank = (await (await page.request.get('/data/bank.json')).json()) as { questions: BankQuestion[] };
	await page.getByLabel('Type the answers').check();
	await page.locator('input[name="size"]').last().check();
	await page.getByRole('button', { name: /^Start quiz \(\d+ questions\)$/ }).click();

	// Questions without a short exact answer keep their options: pass them until one asks for typing.
	const box = page.getByLabel('Your answer');
	const firstOption = page.locator('label.option').first();
	// The matcher loads lazily: wait until the question shows either its options or the text box.
	const asksForTyping = async () => {
		await expect(box.or(firstOption).first()).toBeVisible();
		return box.isVisible();
	};
	for (let i = 0; i < 15 && !(await asksForTyping()); i++) {
		await firstOption.click();
		await page.getByRole('button', { name: 'Check', exact: true }).click();
		await page.getByRole('button', { name: /^(Next|See results)/ }).click();
	}
	await expect(box).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await expectNoHorizontalScroll(page);

	// The question names itself; prompts alone are ambiguous (several share their first words).
	const shownId = await page.locator('article[data-question]').getAttribute('data-question');
	const question = bank.questions.find((q) => q.id === shownId)!;
	expect(question, String(shownId)).toBeTruthy();
	const right = question.options.find((o) => o.id === question.answer[0])!.label.en.replace(/\s*\(.*\)$/, '');
	// Another spelling than the one on the option: lower case, underscores for hyphens.
	const typed = right.toLowerCase().replace(/-/g, '_');
	await box.fill(typed);
	await box.press('Enter');
	await expect(page.locator('#verdict')).toHaveText(/Correct|Right/);
	await expect(page.getByTestId('typed-verdict')).toContainText(`You typed “${typed}”.`);
	await expectNoHorizontalScroll(page);

	const stored = await storedReviews<{ questionId?: string; typed?: string; correct?: boolean; answer?: string[] }>(page);
	const record = stored.find((r) => r.questionId === question.id)!;
	expect(record).toMatchObject({ typed, correct: true, answer: question.answer });
});
