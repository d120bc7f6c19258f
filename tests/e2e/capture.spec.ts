import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, seriousViolations, useLanguage, waitForProgress } from './util';

/**
 * /capture: a recording stepped through with the keyboard and the 44 px buttons, with both hosts'
 * states after a packet; pasted tcpdump text; a committed .pcap opened as a file; a broken file
 * that is refused in words and changes nothing. Then the Chinese page, reached from /simulate.
 */

const BROKEN = Buffer.concat([Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]), Buffer.alloc(20), Buffer.from([1, 2, 3])]);

test('a recording, pasted text, a pcap file and a broken file', async ({ page }) => {
	await useLanguage(page, 'en');
	await page.goto('/en/capture');
	await waitForProgress(page);
	await page.getByTestId('recorded').selectOption('lost_fin');
	const view = page.getByTestId('capture-view');
	await expect(view.getByRole('heading', { level: 2 }).first()).toHaveText('A lost FIN, retransmitted: 8 TCP packets');
	await expect(page).toHaveURL(/\/en\/capture\?id=lost_fin$/);
	const step = page.getByTestId('capture-step');
	await expect(step).toHaveText('0 / 8');

	// The arrows belong to the list while it has focus: step from the page itself.
	await page.getByRole('heading', { level: 1 }).click();
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
	await expect(step).toHaveText('4 / 8');
	const packet = page.getByTestId('capture-packet');
	await expect(packet.getByRole('heading')).toHaveText('Packet 4 of 8');
	await expect(packet.getByTestId('capture-states').locator('[data-side="A"]')).toContainText('FIN-WAIT-1');
	await expect(packet.getByTestId('capture-states').locator('[data-side="B"]')).toContainText('ESTABLISHED');
	await expect(packet.getByTestId('capture-odd')).toContainText('Lost: tcpdump saw it leave');
	await expect(packet.getByRole('link', { name: 'See FIN-WAIT-1 on the diagram' })).toHaveAttribute('href', '/en/fsm?state=FIN_WAIT_1');
	await expect(page.getByTestId('capture-diagram').locator('.odd-tag')).toHaveText(['lost']);

	const next = page.getByRole('button', { name: 'Next' });
	expect((await next.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	await next.click();
	await expect(packet.getByTestId('capture-odd')).toContainText('Retransmission');
	await page.keyboard.press('End');
	await expect(step).toHaveText('8 / 8');
	await expect(packet.getByTestId('capture-states')).toContainText('TIME-WAIT');
	await expect(packet.getByTestId('capture-states')).toContainText('CLOSED');
	await page.keyboard.press('Home');
	await expect(step).toHaveText('0 / 8');
	await page.keyboard.press('ArrowLeft');
	await expect(step).toHaveText('0 / 8');
	await expect(view.getByRole('link', { name: /same scenario in the simulator/ })).toHaveAttribute('href', '/en/simulate?scenario=lost_fin');

	await page.setViewportSize({ width: 320, height: 640 });
	await expectNoHorizontalScroll(page);

	// Pasted tcpdump -nn text.
	await page.getByText('Your own capture').click();
	await page.getByTestId('paste').fill(readFileSync('static/captures/connection_refused.txt', 'utf8'));
	await page.getByRole('button', { name: 'Read the text' }).click();
	await expect(view.getByRole('heading', { level: 2 }).first()).toHaveText('Pasted text: 2 TCP packets');
	await expect(page).toHaveURL(/\/en\/capture$/);
	await page.getByRole('button', { name: 'Last' }).click();
	await expect(page.getByTestId('capture-odd')).toContainText('RST:');

	// A committed pcap, opened as a file.
	await page.getByTestId('capture-file').setInputFiles('static/captures/self_connect.pcap');
	const title = view.getByRole('heading', { level: 2 }).first();
	await expect(title).toHaveText('File self_connect.pcap: 5 TCP packets');
	await expect(view).toContainText('This socket connected to itself');
	await page.getByRole('button', { name: 'Next' }).click();

	// A broken one: said in words, and what was shown stays.
	await page.getByTestId('capture-file').setInputFiles({ name: 'broken.pcap', mimeType: 'application/vnd.tcpdump.pcap', buffer: BROKEN });
	await expect(page.getByTestId('capture-problem')).toContainText('This file cannot be read');
	await expect(page.getByTestId('capture-problem')).toContainText('byte 24');
	await expect(title).toHaveText('File self_connect.pcap: 5 TCP packets');
	await expect(step).toHaveText('1 / 5');
	await expectNoHorizontalScroll(page);
	expect(await seriousViolations(page)).toEqual([]);
});

test('in Chinese: from the simulator to its recording, and a broken file refused', async ({ page }) => {
	await useLanguage(page, 'zh');
	await page.goto('/simulate?scenario=connection_refused');
	await waitForProgress(page);
	await expect(page.getByTestId('scenario')).toHaveValue('connection_refused');
	await page.getByTestId('to-capture').click();
	await expect(page).toHaveURL(/\/capture\?id=connection_refused$/);
	await expect(page.getByTestId('capture-view').getByRole('heading', { level: 2 }).first()).toHaveText('连接被拒绝（RST）：2 个 TCP 报文');
	await page.getByRole('button', { name: '下一个' }).click();
	await page.getByRole('button', { name: '下一个' }).click();
	await expect(page.getByTestId('capture-odd')).toContainText('RST：发送方要立刻终止这条连接');
	await expect(page.getByTestId('capture-states').locator('[data-side="A"]')).toContainText('CLOSED');
	await page.getByText('你自己的抓包').click();
	await page.getByTestId('capture-file').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
	await expect(page.getByTestId('capture-problem')).toContainText('读不懂这个文件');
	await expect(page.getByTestId('capture-step')).toHaveText('2 / 2');
});
