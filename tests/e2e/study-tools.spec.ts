import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, seriousViolations, storedReviews, useLanguage, waitForProgress, writeReviews } from './util';

interface BankQuestion {
	id: string;
	family: string;
	kind: string;
	prompt: { zh: string; en: string };
	options: { id: string; label: { zh: string; en: string } }[];
	answer: string[];
}

test('recall by typing, then the card browser: type another spelling of the answer, find that card, suspend it, undo, export for Anki', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.setViewportSize({ width: 320, height: 700 });
	await page.goto('/quiz');
	await waitForProgress(page);
	const bank = (await (await page.request.get('/data/bank.json')).json()) as { questions: BankQuestion[] };
	await page.getByLabel('Type the answers').check();
	await page.locator('input[name="size"]').last().check();
	await page.getByRole('button', { name: /^Start quiz \(\d+ questions\)$/ }).click();

	// Questions without a short exact answer keep their options (or steps to order): pass them until one asks for typing.
	const box = page.getByLabel('Your answer');
	const firstOption = page.locator('label.option').first();
	const nextStep = page.getByRole('button', { name: /^Place: / }).first();
	// The matcher loads lazily: wait until the question shows its options, its steps or the text box.
	const asksForTyping = async () => {
		await expect(box.or(firstOption).or(nextStep).first()).toBeVisible();
		return box.isVisible();
	};
	for (let i = 0; i < 15 && !(await asksForTyping()); i++) {
		if (await nextStep.isVisible()) while (await nextStep.isVisible()) await nextStep.click();
		else await firstOption.click();
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

	// The card browser: find the card just answered, by its family id, at 320 px.
	// The list needs the page's language only; the first search brings in Chinese too.
	const chineseSlices: string[] = [];
	page.on('request', (r) => r.url().includes('/data/bank/zh/') && chineseSlices.push(r.url()));
	await page.goto('/en/cards');
	await waitForProgress(page);
	await expect(page.getByTestId('card-count')).toHaveAttribute('data-words', 'page');
	expect(chineseSlices).toEqual([]);
	await page.getByRole('searchbox', { name: 'Search' }).fill(question.family);
	await expect(page.getByTestId('card-count')).toHaveAttribute('data-words', 'complete');
	expect(chineseSlices.length).toBeGreaterThan(0);
	const link = page.locator(`a[data-item="${question.family}"]`);
	await expect(link).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await expectNoHorizontalScroll(page);
	await link.click();
	await expect(page).toHaveURL(/\/en\/cards\?card=/);
	const status = page.getByTestId('card-status');
	await expect(status).toHaveText('Scheduled');
	await expect(page.getByTestId('retrievability')).toHaveText(/%$/);

	// Suspend: one more record in the log; undo: a record that cancels it.
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(status).toHaveText('Suspended');
	await page.getByRole('button', { name: /Undo/ }).click();
	await expect(status).toHaveText('Scheduled');
	const log = await storedReviews<{ id: string; itemId: string; kind: string; undoes?: string }>(page);
	const suspension = log.find((r) => r.kind === 'suspend' && r.itemId === question.family)!;
	expect(suspension).toBeTruthy();
	expect(log.some((r) => r.kind === 'undo' && r.undoes === suspension.id)).toBe(true);
	await expectNoHorizontalScroll(page);

	// The Anki file: Anki's headers, then one note per line with as many fields as the columns say.
	await page.getByRole('link', { name: /Back to all cards/ }).click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for Anki' }).click()]);
	expect(download.suggestedFilename()).toBe('tcp-quest-anki.txt');
	const lines = (await readFile((await download.path())!, 'utf8')).split('\n').filter(Boolean);
	const headers = new Map(lines.filter((l) => l.startsWith('#')).map((l) => [l.slice(1, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
	expect(Object.fromEntries(headers)).toMatchObject({ separator: 'tab', html: 'true', notetype: 'Basic', deck: 'TCP Quest' });
	const columns = headers.get('columns')!.split('\t').length;
	const notes = lines.filter((l) => !l.startsWith('#'));
	// One note per flashcard family (an interview card repeating another is one memory, one note).
	expect(notes.length).toBe(new Set(bank.questions.filter((q) => q.kind === 'flashcard').map((q) => q.family)).size);
	for (const note of notes) expect(note.split('\t')).toHaveLength(columns);
});

test('home lists the five most forgotten leeches and links to every one of them in the card browser', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/en/settings');
	await waitForProgress(page);
	// Seven cards forgotten 8 to 14 times (the default threshold is 8): learned, then each lapse relearned.
	const DAY = 86_400_000;
	const start = Date.now() - 600 * DAY;
	const states = ['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'TIME_WAIT'];
	let n = 0;
	const review = (itemId: string, at: number, rating: number) => ({ id: `leech-${n++}`, itemId, kind: 'flashcard', rating, durationMs: 4000, at, appVersion: '0.1.0' });
	const records = states.flatMap((state, k) => {
		const itemId = `state:${state}`;
		const log = [review(itemId, start, 3), review(itemId, start + DAY, 3)];
		for (let i = 0; i < 8 + k; i++) {
			const at = start + (10 + 20 * i) * DAY;
			log.push(review(itemId, at, 1), review(itemId, at + 600_000, 3), review(itemId, at + DAY, 3));
		}
		return log;
	});
	await writeReviews(page, records.sort((a, b) => a.at - b.at));

	await page.goto('/en');
	await waitForProgress(page);
	const rows = page.getByTestId('leeches').getByRole('listitem');
	await expect(rows).toHaveCount(5);
	await expect(rows.first()).toContainText('state:TIME_WAIT');
	await expect(rows.first()).toContainText('forgotten 14 times');
	expect(await seriousViolations(page)).toEqual([]);
	await expectNoHorizontalScroll(page);

	await page.getByRole('link', { name: 'All 7 leeches in the card browser →' }).click();
	await expect(page).toHaveURL(/\/en\/cards\?filter=leech$/);
	await waitForProgress(page);
	await expect(page.getByTestId('card-filter')).toHaveValue('leech');
	await expect(page.getByTestId('card-count')).toHaveText('7 of 7 shown');
	for (const state of states) await expect(page.locator(`a[data-item="state:${state}"]`)).toBeVisible();
	await expectNoHorizontalScroll(page);
	// Opened at that address (a bookmark, a reload), the list starts filtered too.
	await page.reload();
	await waitForProgress(page);
	await expect(page.getByTestId('card-filter')).toHaveValue('leech');
	await expect(page.getByTestId('card-count')).toHaveText('7 of 7 shown');
});
