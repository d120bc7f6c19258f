import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { encode } from 'uqr';
import { localChromium } from '../../scripts/browser/local';
import { controlledByWorker, expectNoHorizontalScroll, seriousViolations, useLanguage, waitForProgress } from './util';

interface StoredReview {
	kind: string;
	itemId: string;
	questionId?: string;
	answer?: string[];
	correct?: boolean;
	session?: string;
}

async function storedReviews(page: Page): Promise<StoredReview[]> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('tcp-quest');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					// The log in pages since schema version 4.
					const get = open.result.transaction('log').objectStore('log').getAll();
					get.onsuccess = () => resolve((get.result as { reviews: StoredReview[] }[]).flatMap((p) => p.reviews));
				};
			})
	);
}

/** Visit once online and wait until the service worker controls the page: then the app works offline. */
async function install(page: Page) {
	await page.goto('/');
	await waitForProgress(page);
	await controlledByWorker(page);
}

/** Build a quiz on /classroom; returns its code and link. */
async function buildQuiz(page: Page, { count, seconds, lang = 'zh' }: { count: number; seconds: string; lang?: 'zh' | 'en' }) {
	await page.goto('/classroom');
	await waitForProgress(page);
	await page.locator('input[name="count"]').fill(String(count));
	await page.locator('select[name="seconds"]').selectOption(seconds);
	await page.locator('input[name="title"]').fill('网络课 3 班');
	await page.getByRole('button', { name: lang === 'zh' ? '生成测验代码' : 'Make the quiz code' }).click();
	await expect(page.locator('#made-title')).toBeFocused();
	const link = (await page.getByTestId('quiz-link').textContent())!;
	const code = link.split('#')[1]!;
	expect(code).toMatch(/^Q2[0-9A-Z]{19}$/);
	await expect(page.getByTestId('quiz-code')).toHaveText(code.match(/.{1,4}/g)!.join('-'));
	await expect(page.getByRole('img', { name: lang === 'zh' ? '测验链接的二维码' : 'QR code of the quiz link' })).toBeVisible();
	return { code, link };
}

/** Answer without knowing the answer: the first option, or every step in the order offered. */
async function answerBlindly(page: Page) {
	if (await page.locator('#order-help').isVisible()) {
		const bank = page.locator('ul.bank button');
		while ((await bank.count()) > 0) await bank.first().click();
	} else {
		await page.locator('label.option').first().click();
	}
	await page.getByRole('button', { name: '检查答案', exact: true }).click();
}

test('a teacher builds a quiz, a student takes it offline, the teacher collects the result and exports CSV', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const teacherContext: BrowserContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
	const studentContext: BrowserContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
	const teacher = await teacherContext.newPage();
	const student = await studentContext.newPage();

	// The student installed the app earlier; in the lecture hall there is no network.
	await install(student);
	await studentContext.setOffline(true);

	const { code, link } = await buildQuiz(teacher, { count: 5, seconds: '120' });
	expect(link).toBe(`${baseURL}/classroom/take#${code}`);

	// The projector: join screen, then one question at a time with its countdown, then its answer.
	await teacher.goto(`/classroom/projector#${code}`);
	await waitForProgress(teacher);
	await expect(teacher.getByTestId('stage')).toContainText(code.match(/.{1,4}/g)!.join('-'));
	await teacher.keyboard.press('ArrowRight');
	await expect(teacher.getByTestId('stage')).toContainText('第 1 / 5 题');
	await expect(teacher.getByTestId('countdown')).toHaveText(/^(1[01]\d|120)$/);
	await expect(teacher.getByText('解析：')).toHaveCount(0);
	await teacher.keyboard.press('PageDown');
	await expect(teacher.getByText('解析：')).toBeVisible();
	await expect(teacher.getByTestId('countdown')).toHaveCount(0);
	await teacher.keyboard.press('PageDown');
	await expect(teacher.getByTestId('stage')).toContainText('第 2 / 5 题');
	await teacher.keyboard.press('PageUp');
	await expect(teacher.getByTestId('stage')).toContainText('第 1 / 5 题');
	await expect(teacher.getByText('解析：')).toBeVisible();

	// The student opens the link offline, gives a name and takes the quiz.
	await student.goto(link);
	await waitForProgress(student);
	await expect(student.getByText('共 5 道题，每题限时 120 秒')).toBeVisible();
	await expectNoHorizontalScroll(student);
	await student.getByRole('button', { name: '开始' }).click();
	await expect(student.getByRole('alert')).toHaveText('请先输入名字。');
	await student.getByLabel('你的名字（老师会看到）').fill('  李雷\u202e <Ada> ');
	await student.getByRole('button', { name: '开始' }).click();
	for (let i = 1; i <= 5; i++) {
		await expect(student.locator('.bar .count')).toHaveText(`第 ${i} / 5 题`);
		await expect(student.getByText(/剩余 \d+ 秒/)).toBeVisible();
		await answerBlindly(student);
	}
	await expect(student.getByRole('heading', { name: '测验完成' })).toBeFocused();
	const scoreText = (await student.getByTestId('class-score').textContent())!;
	const score = Number(scoreText.match(/答对 (\d) \/ 5/)![1]);
	const result = (await student.getByTestId('result-code').textContent())!.trim();
	expect(result).toMatch(/^R1[0-9A-Z]+$/);
	expect(result.length).toBeLessThan(60);
	await expect(student.getByRole('img', { name: '成绩代码的二维码' })).toBeVisible();
	await expect(student.getByText('李雷 <Ada>', { exact: true })).toBeVisible();
	await expectNoHorizontalScroll(student);
	expect(await seriousViolations(student)).toEqual([]);

	// Their answers went into their own review log, as quiz answers the scheduler reads.
	const log = (await storedReviews(student)).filter((r) => r.session === `classroom:${code}`);
	expect(log).toHaveLength(5);
	expect(log.every((r) => r.kind === 'quiz' && r.itemId && r.questionId && r.answer!.length > 0)).toBe(true);
	expect(log.filter((r) => r.correct).length).toBe(score);

	// Reopening the link shows the same result code, still offline.
	await student.reload();
	await waitForProgress(student);
	await expect(student.getByTestId('result-code')).toHaveText(result);

	// The teacher collects: the good code is added, a corrupted one is refused and stores nothing.
	await teacher.goto('/classroom/results');
	await waitForProgress(teacher);
	await teacher.getByRole('listitem').filter({ hasText: '网络课 3 班' }).getByRole('link', { name: '成绩' }).click();
	await expect(teacher.locator('.class-head')).toContainText('网络课 3 班');
	expect(teacher.url()).toContain(`#${code}`);
	const flip = result.at(-3) === 'A' ? 'B' : 'A';
	const bad = result.slice(0, -3) + flip + result.slice(-2);
	await teacher.getByLabel(/粘贴成绩代码/).fill(`${result}\n${bad}\n`);
	await teacher.getByRole('button', { name: '添加成绩' }).click();
	await expect(teacher.getByTestId('add-status')).toContainText('添加了 1 个成绩。');
	await expect(teacher.getByTestId('add-status')).toContainText('1 个代码没有添加');
	await expect(teacher.getByTestId('add-status')).toContainText('校验不通过');
	// The same result again counts once; random text and a quiz code are refused with a reason.
	await teacher.getByLabel(/粘贴成绩代码/).fill(`${result.toLowerCase()} hello-world ${code}`);
	await teacher.getByRole('button', { name: '添加成绩' }).click();
	await expect(teacher.getByTestId('add-status')).toContainText('添加了 0 个成绩，1 个已经在列表里。');
	await expect(teacher.getByTestId('add-status')).toContainText('这是一个测验代码，不是成绩代码。');

	const students = teacher.getByTestId('students');
	await expect(students.locator('tbody tr')).toHaveCount(1);
	await expect(students.locator('tbody tr').first()).toContainText('李雷 <Ada>');
	await expect(students.locator('tbody tr').first()).toContainText(`${score} / 5`);
	const questions = teacher.getByTestId('questions');
	await expect(questions.locator('li')).toHaveCount(5);
	const shares = await questions.locator('li .share').allTextContents();
	expect(shares.filter((s) => s.startsWith('100%')).length).toBe(score);
	expect(shares.filter((s) => s.startsWith('0%')).length).toBe(5 - score);
	expect(await seriousViolations(teacher)).toEqual([]);

	// CSV: a header and one row per student.
	const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: '导出 CSV' }).click()]);
	expect(download.suggestedFilename()).toBe(`tcp-quest-class-${code}.csv`);
	const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
	const rows = csv.trimEnd().split('\r\n');
	expect(rows).toHaveLength(2);
	expect(rows[0]).toBe('name,score,questions,Q1,Q2,Q3,Q4,Q5,Q1 answer,Q2 answer,Q3 answer,Q4 answer,Q5 answer');
	const cells = rows[1]!.split(',');
	expect(cells.slice(0, 3)).toEqual(['李雷 <Ada>', String(score), '5']);
	expect(cells.slice(3, 8).filter((c) => c === '1')).toHaveLength(score);

	// Kept on the teacher's device: reload shows the class and result; deleting removes both.
	await teacher.reload();
	await waitForProgress(teacher);
	await expect(students.locator('tbody tr')).toHaveCount(1);
	teacher.once('dialog', (d) => d.accept());
	await teacher.getByRole('button', { name: '删除这个班级及其成绩' }).click();
	await expect(teacher.getByRole('heading', { name: '选择班级' })).toBeVisible();
	await expect(teacher.getByText('还没有班级。')).toBeVisible();

	await teacherContext.close();
	await studentContext.close();
});

/** A still video (Y4M, 640×480) of a QR code on white: what Chromium's fake camera plays. */
function qrVideo(text: string): Buffer {
	const qr = encode(text, { ecc: 'M', border: 4 });
	const [w, h] = [640, 480];
	const scale = Math.floor(h / qr.size);
	const [x0, y0] = [Math.floor((w - qr.size * scale) / 2), Math.floor((h - qr.size * scale) / 2)];
	const luma = Buffer.alloc(w * h, 255);
	for (let y = 0; y < qr.size * scale; y++)
		for (let x = 0; x < qr.size * scale; x++) if (qr.data[Math.floor(y / scale)]![Math.floor(x / scale)]) luma[(y0 + y) * w + x0 + x] = 0;
	const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
	return Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]);
}

test('the teacher scans a result code with the camera (decoded on the device)', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	const { code } = await buildQuiz(page, { count: 3, seconds: '0' });
	await page.goto(`/classroom/take#${code}`);
	await waitForProgress(page);
	await page.locator('input[name="name"]').fill('Camera 同学');
	await page.locator('form button[type="submit"]').click();
	for (let i = 0; i < 3; i++) {
		await expect(page.locator('.bar .count')).toHaveText(`第 ${i + 1} / 3 题`);
		await answerBlindly(page);
	}
	const result = (await page.getByTestId('result-code').textContent())!.trim();

	const dir = await mkdtemp(join(tmpdir(), 'tcp-quest-camera-'));
	const video = join(dir, 'qr.y4m');
	await writeFile(video, qrVideo(result));
	const camera = await chromium.launch({
		...localChromium,
		args: [...localChromium.args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]
	});
	try {
		const teacher = await camera.newPage({ baseURL, locale: 'zh-CN', viewport: { width: 360, height: 740 } });
		await teacher.goto(`/classroom/results#${code}`);
		await waitForProgress(teacher);
		await teacher.getByRole('button', { name: '用摄像头扫描' }).click();
		await expect(teacher.getByTestId('add-status')).toContainText('添加了 1 个成绩。', { timeout: 20_000 });
		await expect(teacher.getByTestId('students').locator('tbody tr')).toContainText('Camera 同学');
		await teacher.getByRole('button', { name: '停止扫描' }).click();
		await expect(teacher.locator('video')).toHaveCount(0);
	} finally {
		await camera.close();
	}
});

test('a bad quiz code gets a clear message and nothing starts', async ({ page }) => {
	await page.goto('/classroom/take');
	await waitForProgress(page);
	await page.getByLabel('测验代码').fill('Q1AB-CDEF-GHJK-MNPQ-RSTV');
	await page.getByRole('button', { name: '打开测验' }).click();
	await expect(page.getByTestId('code-problem')).toContainText('校验不通过');
	await page.getByLabel('测验代码').fill('hello world!');
	await page.getByRole('button', { name: '打开测验' }).click();
	await expect(page.getByTestId('code-problem')).toContainText('不能有“!”');
	await expect(page.getByRole('button', { name: '开始' })).toHaveCount(0);
});

test('the projector shows its code form before any data, and says so when the questions cannot load', async ({ page }) => {
	await page.route('**/data/bank.json', (route) => route.abort());
	// The form is in the prerendered page: on screen with no script run at all.
	await page.context().route('**/*.js', (route) => route.abort());
	await page.goto('/classroom/projector');
	await expect(page.getByText('没有测验代码')).toBeVisible();
	await page.context().unroute('**/*.js');
	await page.reload();
	await waitForProgress(page);
	await page.locator('input[name="code"]').fill('Q1AB-CDEF-GHJK-MNPQ-RSTV');
	await page.getByRole('button', { name: '打开' }).click();
	await expect(page.getByRole('alert')).toHaveText('题目没能载入，联网后再试一次。');
	await expect(page.getByTestId('stage')).toHaveCount(0);
});

for (const lang of ['zh', 'en'] as const) {
	test(`classroom pages pass axe in ${lang}`, async ({ page }) => {
		// Five pages and seven axe runs: slow on a busy two-core machine.
		test.setTimeout(120_000);
		await useLanguage(page, lang);
		const { code } = await buildQuiz(page, { count: 3, seconds: '0', lang });
		await expectNoHorizontalScroll(page);
		expect(await seriousViolations(page), '/classroom').toEqual([]);

		await page.goto(`/classroom/take#${code}`);
		await waitForProgress(page);
		await expect(page.locator('input[name="name"]')).toBeVisible();
		expect(await seriousViolations(page), '/classroom/take').toEqual([]);
		await page.locator('input[name="name"]').fill('Ada');
		await page.locator('form button[type="submit"]').click();
		await expect(page.locator('#prompt')).toBeFocused();
		await expectNoHorizontalScroll(page);
		expect(await seriousViolations(page), '/classroom/take question').toEqual([]);

		await page.goto(`/classroom/projector#${code}`);
		await waitForProgress(page);
		await expect(page.getByTestId('stage')).toBeVisible();
		expect(await seriousViolations(page), '/classroom/projector').toEqual([]);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('.answer')).toBeVisible();
		expect(await seriousViolations(page), '/classroom/projector answer').toEqual([]);

		await page.goto(`/classroom/results#${code}`);
		await waitForProgress(page);
		await expect(page.locator('textarea')).toBeVisible();
		await expectNoHorizontalScroll(page);
		expect(await seriousViolations(page), '/classroom/results').toEqual([]);
		await page.goto('/classroom/results');
		await waitForProgress(page);
		expect(await seriousViolations(page), '/classroom/results list').toEqual([]);
	});
}
