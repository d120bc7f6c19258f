import { expect, test, type Page } from '@playwright/test';
import { PRESETS, SCENARIOS, simulate, TRANSITIONS } from '../../src/lib/fsm';
import { expectNoHorizontalScroll, seriousViolations, storedReviews, useLanguage, waitForProgress } from './util';

/** Choosing a preset scrolls the diagram into view (smoothly): wait until the page stands still. */
async function settled(page: Page) {
	await page.waitForFunction(
		() =>
			new Promise<boolean>((resolve) => {
				const y = window.scrollY;
				requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y))));
			})
	);
}

/** The element that has keyboard focus, described by its data attributes. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { state: el?.dataset.state ?? null, edge: el?.dataset.edge ?? null, tag: el?.tagName ?? null };
	});

test('the simultaneous-close preset plays to the end on the diagram', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/fsm');
	await waitForProgress(page);
	const total = PRESETS.simultaneous_close.steps.length;
	await page.getByRole('button', { name: 'Simultaneous close' }).click();
	await settled(page);
	const player = page.getByTestId('preset-player');
	await expect(page.getByTestId('preset-step')).toContainText(`0 / ${total}`);
	await expect(page.getByTestId('preset-caption')).toContainText('A is in ESTABLISHED, B is in ESTABLISHED');
	const next = player.getByRole('button', { name: 'Next' });
	const captions: string[] = [];
	for (let i = 1; i <= total; i++) {
		await next.click();
		await expect(page.getByTestId('preset-step')).toContainText(`${i} / ${total}`);
		captions.push((await page.getByTestId('preset-caption').textContent()) ?? '');
		// The transition just taken is lit in the acting side's colour, with its label.
		await expect(page.locator('path.edge.current-A, path.edge.current-B')).toHaveCount(1);
		await expectNoHorizontalScroll(page);
	}
	await expect(next).toBeDisabled();
	await expect(page.getByTestId('preset-caption')).toContainText('That is the whole path');
	// Both sides crossed through CLOSING and waited out TIME-WAIT.
	expect(captions.some((c) => /A \(client\).*→ CLOSING/.test(c))).toBe(true);
	expect(captions.some((c) => /B \(server\).*→ CLOSING/.test(c))).toBe(true);
	expect(captions.filter((c) => /→ TIME-WAIT/.test(c))).toHaveLength(2);
	expect(captions.at(-1)).toMatch(/B \(server\).*2MSL.*→ CLOSED/);
	// The details show the last transition and the RFC section it comes from.
	await expect(page.getByTestId('transition-card')).toContainText('TIME-WAIT → CLOSED');
	await expect(page.getByTestId('transition-card')).toContainText('RFC 9293 §3.10.8');
	await player.getByRole('button', { name: 'Previous' }).click();
	await expect(page.getByTestId('preset-step')).toContainText(`${total - 1} / ${total}`);
});

test('the simultaneous-close scenario plays to the end in the simulator', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/simulate?scenario=simultaneous_close');
	await waitForProgress(page);
	await expect(page.getByTestId('scenario')).toHaveValue('simultaneous_close');
	const steps = simulate(SCENARIOS.simultaneous_close);
	const next = page.getByRole('button', { name: /^Next/ });
	for (let i = 1; i <= steps.length; i++) {
		await next.click();
		await expect(page.getByTestId('sim-step')).toContainText(`${i} / ${steps.length}`);
	}
	await expect(next).toBeDisabled();
	await expect(page.getByTestId('sim-caption')).toContainText('End of the scenario');
	// Every segment sent was delivered: one arrow each, labelled with its flags and numbers.
	const sent = steps.filter((s) => s.sent).length;
	await expect(page.locator('[data-testid=sequence] .seg.delivered')).toHaveCount(sent);
	await expect(page.locator('[data-testid=sequence] .seg.flying')).toHaveCount(0);
	await expect(page.getByTestId('sequence')).toContainText('FIN seq=101 ack=301');
	// Each side's state after every step, and the crossing FINs both lead through CLOSING.
	const log = page.getByTestId('sim-log').locator('li');
	await expect(log).toHaveCount(steps.length + 1);
	await expect(log.nth(9)).toContainText('A CLOSING · B CLOSING');
	await expect(log.last()).toContainText('A CLOSED · B CLOSED');
	await expectNoHorizontalScroll(page);
});

test('a predict-mode answer lands in the review log', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/simulate?scenario=three_way_handshake');
	await waitForProgress(page);
	await page.getByLabel(/Predict mode/).check();
	await page.getByRole('button', { name: /^Next/ }).click();
	const panel = page.getByTestId('predict');
	await expect(panel).toContainText('B (server) is in CLOSED');
	await expect(panel.getByRole('button')).toHaveCount(4);
	await panel.getByRole('button', { name: 'LISTEN', exact: true }).click();
	await expect(page.getByTestId('feedback')).toContainText('Right!');
	await expect(page.getByTestId('feedback')).toContainText('Saved to your review log');
	await expect(page.getByTestId('sim-step')).toContainText('1 / 5');

	// A wrong answer is recorded as wrong, with the machine's answer shown.
	await page.getByRole('button', { name: /^Next/ }).click();
	await expect(panel).toContainText('A (client) is in CLOSED');
	const wrong = panel.getByRole('button').filter({ hasNotText: /^SYN-SENT$/ }).first();
	const chosen = (await wrong.textContent())!.trim();
	await wrong.click();
	await expect(page.getByTestId('feedback')).toContainText('Not quite: it is SYN-SENT.');
	await expect(page.getByTestId('feedback')).toContainText('Saved');

	const log = await storedReviews(page);
	// The store keys reviews by a random id: put them back in the order they were answered.
	const predicts = log.filter((r) => r.kind === 'predict').sort((x, y) => String(x.questionId).localeCompare(String(y.questionId)));
	expect(predicts).toHaveLength(2);
	expect(predicts[0]).toMatchObject({
		itemId: 't:CLOSED:passive_open',
		questionId: 'predict:three_way_handshake:0',
		answer: ['LISTEN'],
		correct: true
	});
	expect(predicts[1]).toMatchObject({ itemId: 't:CLOSED:active_open', questionId: 'predict:three_way_handshake:1', correct: false });
	expect(predicts[1]!.answer).toEqual([chosen.replace(/-/g, '_')]);
	expect(typeof predicts[0]!.durationMs).toBe('number');

	// Going back and forth does not ask (or record) the same step twice.
	await page.getByRole('button', { name: 'Previous' }).click();
	await page.getByRole('button', { name: /^Next/ }).click();
	await expect(page.getByTestId('predict')).toHaveCount(0);
	expect((await storedReviews(page)).filter((r) => r.kind === 'predict')).toHaveLength(2);
});

test('the builder offers only possible moves, and a lost segment stops half way', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/simulate?scenario=builder');
	await waitForProgress(page);
	const builder = page.getByTestId('builder');
	const a = builder.getByRole('group', { name: /A \(client\)/ });
	const b = builder.getByRole('group', { name: /B \(server\)/ });
	await expect(a).toContainText('A (client), in CLOSED');
	await expect(a.getByRole('button', { name: 'close()' })).toBeVisible();
	await expect(a.getByRole('button', { name: /Deliver/ })).toHaveCount(0);
	await b.getByRole('button', { name: 'listen()' }).click();
	await a.getByRole('button', { name: 'connect()' }).click();
	await expect(a).toContainText('in SYN-SENT');
	await b.getByRole('button', { name: 'Deliver SYN seq=100' }).click();
	await expect(b).toContainText('in SYN-RECEIVED');
	await a.getByRole('button', { name: /Lose SYN-ACK/ }).click();
	await expect(page.locator('[data-testid=sequence] .seg.lost')).toHaveCount(1);
	await expect(page.locator('[data-testid=sequence] .cross')).toHaveCount(1);
	await b.getByRole('button', { name: /Retransmission timer/ }).click();
	await a.getByRole('button', { name: /Deliver SYN-ACK/ }).click();
	await expect(a).toContainText('in ESTABLISHED');
	await b.getByRole('button', { name: /Deliver ACK/ }).click();
	await expect(b).toContainText('in ESTABLISHED');
	await expect(page.getByTestId('sim-step')).toContainText('7 / 7');
	await page.getByRole('button', { name: 'Undo a move' }).click();
	await expect(b).toContainText('in SYN-RECEIVED');
	await expectNoHorizontalScroll(page);
});

test('keyboard only: Tab to a state, Enter for its card, on to a transition and its RFC section', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/fsm');
	await waitForProgress(page);
	for (let i = 0; i < 40 && (await focused(page)).state === null; i++) await page.keyboard.press('Tab');
	expect((await focused(page)).state).toBe('CLOSED');
	// Arrow keys move by position on the diagram.
	await page.keyboard.press('ArrowDown');
	expect((await focused(page)).state).toBe('LISTEN');
	await page.keyboard.press('ArrowDown');
	expect((await focused(page)).state).toBe('SYN_RECEIVED');
	await page.keyboard.press('Enter');
	const card = page.getByTestId('state-card');
	await expect(card.getByRole('heading', { level: 2 })).toHaveText('SYN-RECEIVED');
	await expect(card).toContainText('SYN-RECV');
	await expect(page.locator('#node-SYN_RECEIVED')).toHaveAttribute('aria-pressed', 'true');
	await expect(card.getByRole('link', { name: 'Quiz me on this state' })).toHaveAttribute('href', '/quiz?state=SYN_RECEIVED');
	// Tab goes on to the transitions leaving the selected state.
	await page.keyboard.press('Tab');
	const edge = (await focused(page)).edge;
	expect(edge).toMatch(/^SYN_RECEIVED>/);
	await page.keyboard.press('Enter');
	const details = page.getByTestId('transition-card');
	await expect(details).toContainText('RFC 9293 §');
	await expect(details.getByRole('heading', { level: 2 })).toContainText('SYN-RECEIVED →');
	// Space works too, and Escape clears the selection.
	await page.keyboard.press('Shift+Tab');
	expect((await focused(page)).state).toBe('SYN_RECEIVED');
	await page.keyboard.press(' ');
	await expect(card).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(card).toHaveCount(0);
	// The text alternative lists every transition.
	await page.getByText(/All \d+ transitions as text/).click();
	await expect(page.locator('details.table tbody tr')).toHaveCount(TRANSITIONS.length);
});

test('links in: a state and a preset from the URL; zoom stays inside its box', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/fsm?state=TIME_WAIT&preset=active_close');
	await waitForProgress(page);
	await expect(page.getByTestId('state-card').getByRole('heading', { level: 2 })).toHaveText('TIME-WAIT');
	await expect(page.getByRole('button', { name: 'Active close' })).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('preset-caption')).toContainText('Follow A (client)');
	await settled(page);
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	const svg = page.locator('svg[data-zoom]');
	await expect(svg).not.toHaveAttribute('data-zoom', '1.00');
	await expectNoHorizontalScroll(page);
	// Dragging pans the picture inside its box, and is not taken for a tap on a state.
	const before = await svg.getAttribute('viewBox');
	const box = (await svg.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40, { steps: 6 });
	await page.mouse.up();
	await expect(svg).not.toHaveAttribute('viewBox', before!);
	await expect(page.getByTestId('state-card').getByRole('heading', { level: 2 })).toHaveText('TIME-WAIT');
	await expectNoHorizontalScroll(page);
	await page.getByRole('button', { name: 'Reset view' }).click();
	await expect(page.locator('svg[data-zoom]')).toHaveAttribute('data-zoom', '1.00');

	// A question's explanation can point at one transition, or at the arrow between two states.
	await page.goto('/fsm?state=FIN_WAIT_1&event=recv_fin&cond=own_fin_unacked');
	await waitForProgress(page);
	const card = page.getByTestId('transition-card');
	await expect(card.getByRole('heading', { level: 2 })).toHaveText('FIN-WAIT-1 → CLOSING');
	await expect(card).toContainText('our own FIN is not yet acknowledged');
	await expect(card).toContainText('RFC 9293 §3.3.2');
	await expect(page.locator('path.edge.selected')).toHaveCount(1);
	await page.goto('/fsm?state=ESTABLISHED&to=CLOSE_WAIT');
	await waitForProgress(page);
	await expect(card.getByRole('heading', { level: 2 })).toHaveText('ESTABLISHED → CLOSE-WAIT');
	// And the simulator takes a diagram preset's name.
	await page.goto('/simulate?scenario=passive_close');
	await waitForProgress(page);
	await expect(page.getByTestId('scenario')).toHaveValue('client_closes_first');
});

test('both pages work offline, straight from the precache, and take query parameters there', async ({ page, context }) => {
	await useLanguage(page, 'en');
	await page.goto('/');
	await waitForProgress(page);
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const worker = registration.active!;
		if (worker.state !== 'activated') await new Promise((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r(null)));
		if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
	});
	await context.setOffline(true);
	await page.goto('/fsm?state=LAST_ACK');
	await waitForProgress(page);
	await expect(page.getByTestId('state-card').getByRole('heading', { level: 2 })).toHaveText('LAST-ACK');
	await page.goto('/simulate?scenario=reset');
	await waitForProgress(page);
	await expect(page.getByTestId('scenario')).toHaveValue('reset');
	await page.getByRole('button', { name: /^Next/ }).click();
	await expect(page.getByTestId('sim-step')).toContainText('1 / 7');
	await context.setOffline(false);
});

for (const scheme of ['light', 'dark'] as const) {
	for (const lang of ['zh', 'en'] as const) {
		test(`diagram and simulator have no serious axe violations (${scheme}, ${lang})`, async ({ page }) => {
			// Five axe passes over large SVGs: more than the default 30 s on a busy 2-core machine.
			test.setTimeout(90_000);
			await page.emulateMedia({ colorScheme: scheme });
			await useLanguage(page, lang);
			await page.goto('/fsm');
			await waitForProgress(page);
			await expectNoHorizontalScroll(page);
			expect(await seriousViolations(page), 'diagram').toEqual([]);
			await page.locator('#node-CLOSE_WAIT').click();
			await expect(page.getByTestId('state-card')).toBeVisible();
			await page.getByTestId('state-card').getByText(lang === 'zh' ? '详细说明' : 'More about it').click();
			expect(await seriousViolations(page), 'state card').toEqual([]);
			await page.getByRole('button', { name: lang === 'zh' ? '同时关闭' : 'Simultaneous close' }).click();
			await settled(page);
			await page.getByTestId('preset-player').getByRole('button', { name: lang === 'zh' ? '下一步' : 'Next' }).click();
			await expect(page.getByTestId('transition-card')).toBeVisible();
			await page.getByText(lang === 'zh' ? /全部 \d+ 个状态转换/ : /All \d+ transitions/).click();
			expect(await seriousViolations(page), 'preset and table').toEqual([]);
			await expectNoHorizontalScroll(page);

			await page.goto('/simulate?scenario=lost_last_ack&predict=1');
			await waitForProgress(page);
			expect(await seriousViolations(page), 'simulator').toEqual([]);
			const next = page.getByRole('button', { name: lang === 'zh' ? /^下一步/ : /^Next/ });
			await next.click();
			await expect(page.getByTestId('predict')).toBeVisible();
			expect(await seriousViolations(page), 'predict').toEqual([]);
			await page.getByTestId('predict').getByRole('button').first().click();
			await expect(page.getByTestId('feedback')).toBeVisible();
			await page.getByLabel(lang === 'zh' ? /预测模式/ : /Predict mode/).uncheck();
			for (let i = 0; i < 12; i++) await next.click();
			await expect(page.locator('[data-testid=sequence] .cross')).toHaveCount(1);
			expect(await seriousViolations(page), 'simulator with a lost segment').toEqual([]);
			await expectNoHorizontalScroll(page);
			await page.getByTestId('scenario').selectOption('builder');
			await expect(page.getByTestId('builder')).toBeVisible();
			expect(await seriousViolations(page), 'builder').toEqual([]);
			await expectNoHorizontalScroll(page);
		});
	}
}
