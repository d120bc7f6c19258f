import { expect, test, type Page } from '@playwright/test';
import { PRESET_IDS, PRESETS, RFC_NAME, SCENARIOS, simulate, TRANSITIONS } from '../../src/lib/core/fsm';
import { SIDE_NAME } from '../../src/lib/components/fsm/fsm-ui';
import { controlledByWorker, expectNoHorizontalScroll, seriousViolations, storedReviews, useLanguage, waitForProgress } from './util';

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
	// The same run as tcpdump lines: one per segment, the two FINs crossing.
	await page.getByText('On the wire (tcpdump -nn)').click();
	const wire = page.getByTestId('sim-wire');
	await expect(wire).toContainText(/IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.9999: Flags \[S\], seq \d+, win 65483, length 0/);
	expect((await wire.textContent())!.trim().split('\n')).toHaveLength(sent);
	await expect(wire).toContainText('Flags [F.], seq 1, ack 1,');
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
	await expect(card.getByRole('link', { name: 'Quiz me on this state' })).toHaveAttribute('href', '/en/quiz?state=SYN_RECEIVED');
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
	await controlledByWorker(page);
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

for (const lang of ['zh', 'en'] as const) {
	test(`diagram and simulator have no serious axe violations (${lang})`, async ({ page }) => {
		// Five axe passes over large SVGs: more than the default 30 s on a busy 2-core machine.
		test.setTimeout(90_000);
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

test('the four-way close can start from ESTABLISHED: the handshake computed away, fewer steps', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/simulate?scenario=client_closes_first');
	await waitForProgress(page);
	const all = simulate(SCENARIOS.client_closes_first);
	const step = page.getByTestId('sim-step');
	await expect(step).toContainText(`0 / ${all.length}`);
	await page.getByLabel(/Skip the handshake/).check();
	const open = all.findIndex((s) => s.states.A === 'ESTABLISHED' && s.states.B === 'ESTABLISHED') + 1;
	const rest = all.length - open;
	expect(rest).toBeLessThan(all.length);
	await expect(step).toContainText(`0 / ${rest}`);
	// The first state shown is ESTABLISHED on both sides: caption, diagram and log.
	await expect(page.getByTestId('sim-caption')).toContainText('Both ends are ESTABLISHED');
	await expect(page.locator('[data-testid=sequence] .pill.start')).toHaveText(['ESTABLISHED', 'ESTABLISHED']);
	await expect(page.getByTestId('sim-log').locator('li').first()).toContainText('A and B are both ESTABLISHED');
	const next = page.getByRole('button', { name: /^Next/ });
	await next.click();
	// The sequence numbers are the real ones, carried on from the handshake.
	await expect(page.getByTestId('sequence')).toContainText('FIN seq=101 ack=301');
	for (let i = 2; i <= rest; i++) await next.click();
	await expect(step).toContainText(`${rest} / ${rest}`);
	await expect(page.getByTestId('sim-log').locator('li').last()).toContainText('A CLOSED · B CLOSED');
	await expectNoHorizontalScroll(page);

	// A link can ask for it; a scenario that ends once the connection is open offers nothing to skip.
	await page.goto('/simulate?scenario=client_closes_first&from=established');
	await waitForProgress(page);
	await expect(page.getByLabel(/Skip the handshake/)).toBeChecked();
	await expect(step).toContainText(`0 / ${rest}`);
	await page.getByTestId('scenario').selectOption('three_way_handshake');
	await expect(page.getByLabel(/Skip the handshake/)).toHaveCount(0);
	await expect(step).toContainText('0 / 5');
});

test('predict mode names the side it asks about: the one that acts', async ({ page }) => {
	await useLanguage(page, 'zh');
	await page.goto('/simulate?scenario=client_closes_first');
	await waitForProgress(page);
	const predict = page.getByLabel(/预测模式/);
	// Not "the other side": the question is about the side the step happens to.
	await expect(page.locator('label', { has: predict })).not.toContainText('对方');
	await predict.check();
	const steps = simulate(SCENARIOS.client_closes_first);
	const next = page.getByRole('button', { name: /^下一步/ });
	for (let i = 0; i < 4; i++) {
		await next.click();
		const panel = page.getByTestId('predict');
		const asked = steps[i]!;
		await expect(panel.getByRole('heading')).toContainText(SIDE_NAME[asked.side].zh);
		await expect(panel.getByRole('heading')).not.toContainText(SIDE_NAME[asked.side === 'A' ? 'B' : 'A'].zh);
		await panel.getByRole('button', { name: RFC_NAME[asked.states[asked.side]], exact: true }).click();
		await expect(page.getByTestId('feedback')).toContainText('答对了');
	}
});

test('predict mode switched on after a run starts the run over; mid-run it asks from the next step', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/simulate?scenario=three_way_handshake');
	await waitForProgress(page);
	const next = page.getByRole('button', { name: /^Next/ });
	for (let i = 1; i <= 5; i++) await next.click();
	await expect(page.getByTestId('sim-step')).toContainText('5 / 5');
	await page.getByLabel(/Predict mode/).check();
	await expect(page.getByTestId('predict-note')).toContainText('from the start');
	await expect(page.getByTestId('sim-step')).toContainText('0 / 5');
	await next.click();
	await expect(page.getByTestId('predict')).toBeVisible();

	await page.getByLabel(/Predict mode/).uncheck();
	await expect(page.getByTestId('predict')).toHaveCount(0);
	await next.click();
	await next.click();
	await expect(page.getByTestId('sim-step')).toContainText('2 / 5');
	await page.getByLabel(/Predict mode/).check();
	await expect(page.getByTestId('predict-note')).toContainText('from the next step');
	await expect(page.getByTestId('sim-step')).toContainText('2 / 5');
	await next.click();
	await expect(page.getByTestId('predict')).toContainText('B (server) is in LISTEN and a SYN arrives');
});

test('the SYN-ACK label keeps clear of its arrowhead', async ({ page }) => {
	await useLanguage(page, 'zh');
	await page.goto('/simulate?scenario=three_way_handshake');
	await waitForProgress(page);
	const next = page.getByRole('button', { name: /^下一步/ });
	for (let i = 1; i <= 5; i++) await next.click();
	await expect(page.locator('[data-testid=sequence] .seg.delivered')).toHaveCount(3);
	// Each label in its own (rotated) frame: no corner of the arrowhead, widened by the label's halo, falls in its box.
	const overlaps = await page.evaluate(() =>
		[...document.querySelectorAll('[data-testid=sequence] .seg.delivered')].map((seg) => {
			const label = seg.querySelector('.seg-label') as SVGTextElement;
			const head = seg.querySelector('.arrowhead') as SVGPolygonElement;
			const box = label.getBBox();
			const toLabel = label.getCTM()!.inverse().multiply(head.getCTM()!);
			const halo = 2;
			const corners = [...head.points].map((p) => new DOMPoint(p.x, p.y).matrixTransform(toLabel));
			const inside = corners.some((p) => p.x > box.x - halo && p.x < box.x + box.width + halo && p.y > box.y - halo && p.y < box.y + box.height + halo);
			return `${label.textContent}: ${inside ? 'overlaps' : 'clear'}`;
		})
	);
	expect(overlaps.filter((o) => o.endsWith('overlaps'))).toEqual([]);
});

test('on a phone, the details of a tapped state or arrow come into view', async ({ page }) => {
	await useLanguage(page, 'zh');
	await page.goto('/fsm');
	await waitForProgress(page);
	const inView = async (testId: string) => {
		const box = (await page.getByTestId(testId).getByRole('heading', { level: 2 }).boundingBox())!;
		const height = page.viewportSize()!.height;
		// Above the tab bar stuck to the bottom.
		return box.y >= 0 && box.y + box.height <= height - 60;
	};
	await page.locator('#node-CLOSE_WAIT').tap();
	await expect(page.getByTestId('state-card')).toBeVisible();
	await settled(page);
	expect(await inView('state-card')).toBe(true);

	await page.evaluate(() => window.scrollTo(0, 0));
	await page.locator('[data-edge]').first().dispatchEvent('click');
	await expect(page.getByTestId('transition-card')).toBeVisible();
	await settled(page);
	expect(await inView('transition-card')).toBe(true);
});

test('with reduced motion the details jump into view at once', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await useLanguage(page, 'en');
	await page.goto('/fsm');
	await waitForProgress(page);
	await page.locator('#node-LISTEN').tap();
	const top = await page.evaluate(
		() => new Promise<number>((r) => requestAnimationFrame(() => r(document.querySelector('[data-testid=state-card] h2')!.getBoundingClientRect().top)))
	);
	expect(top).toBeGreaterThanOrEqual(0);
	expect(top).toBeLessThan(page.viewportSize()!.height - 60);
});

for (const lang of ['zh', 'en'] as const) {
	test(`every preset can be found on a phone: a count, and a hint where more lie off the row (${lang})`, async ({ page }) => {
		await useLanguage(page, lang);
		await page.goto('/fsm');
		await waitForProgress(page);
		await expect(page.getByTestId('preset-count')).toContainText(String(PRESET_IDS.length));
		const row = page.getByTestId('preset-chips');
		const chips = row.getByRole('button');
		await expect(chips).toHaveCount(PRESET_IDS.length);
		const width = page.viewportSize()!.width;
		const hidden = async () => {
			const boxes = await chips.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
			return { right: boxes.some((b) => b.right > width), left: boxes.some((b) => b.left < 0) };
		};
		const before = await hidden();
		if (before.right) await expect(row).toHaveAttribute('data-more', /right/);
		else await expect(row).not.toHaveAttribute('data-more', /right/);
		// Every one is reachable: the last comes into view, and the hint follows the scroll.
		await chips.last().scrollIntoViewIfNeeded();
		await chips.last().click();
		await expect(chips.last()).toHaveAttribute('aria-pressed', 'true');
		const after = await hidden();
		expect(after.right).toBe(false);
		await expect(row).not.toHaveAttribute('data-more', /right/);
		if (after.left) await expect(row).toHaveAttribute('data-more', /left/);
		await expectNoHorizontalScroll(page);
	});
}

test('keyboard help is shown where there is a keyboard and a fine pointer, not on a touch phone', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/fsm');
	await waitForProgress(page);
	const keys = page.getByText(/^Keyboard: Tab moves/);
	await expect(keys).toBeHidden();
	await expect(page.getByText(/drag to pan, or pinch/)).toBeVisible();
	// Headless Chromium always reports a coarse pointer, so look for the rule that shows it to the others.
	const shownWith = await keys.evaluate((el) => {
		const media: string[] = [];
		const walk = (rules: CSSRuleList, condition?: string) => {
			for (const rule of rules) {
				if (rule instanceof CSSMediaRule) walk(rule.cssRules, rule.conditionText);
				else if (rule instanceof CSSStyleRule && condition && el.matches(rule.selectorText) && !['', 'none'].includes(rule.style.display)) media.push(condition);
			}
		};
		for (const sheet of document.styleSheets) walk(sheet.cssRules);
		return media;
	});
	expect(shownWith).toEqual(['(hover: hover) and (pointer: fine)']);
});
