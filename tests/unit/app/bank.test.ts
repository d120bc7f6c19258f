import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexFile, sliceFile, slicePath, INDEX_PATH } from '../../../src/lib/features/study/slices';
import { bank as studyData } from '../classroom/fixtures';

const data = studyData();

/** A fresh bank module per test (it keeps what it loaded), over a fake network that counts requests. */
async function freshBank() {
	vi.resetModules();
	return (await import('../../../src/lib/app/bank')).bank;
}

let requests: string[] = [];
let offline = false;

beforeEach(() => {
	requests = [];
	offline = false;
	vi.stubGlobal('fetch', async (path: string) => {
		requests.push(path);
		if (offline) throw new TypeError('Failed to fetch');
		if (path === INDEX_PATH) return Response.json(indexFile(data));
		const m = /^\/data\/bank\/(zh|en)\/(.+)\.json$/.exec(path);
		if (m) return Response.json(sliceFile(data, m[2]!, m[1] as 'zh' | 'en'));
		return new Response('not found', { status: 404 });
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('the bank in the browser', () => {
	it('tells what it has loaded, as a copy a page can keep', async () => {
		const bank = await freshBank();
		const index = await bank.index();
		expect(bank.loaded().size).toBe(0);
		const refs = index.questions.filter((q) => q.topic === 'handshake');
		await bank.questions(refs, 'zh');
		const loaded = bank.loaded();
		expect([...loaded.keys()].sort()).toEqual(refs.map((r) => r.id).sort());
		await bank.questions(index.questions.filter((q) => q.topic === 'closing'), 'zh');
		expect(loaded.size).toBe(refs.length);
		expect(bank.loaded().size).toBeGreaterThan(refs.length);
	});

	it('fetches the slices a session asks, once, in the reader language', async () => {
		const bank = await freshBank();
		const index = await bank.index();
		const refs = index.questions.filter((q) => q.topic === 'handshake' || q.topic === 'closing').slice(0, 20);
		const [a, b] = await Promise.all([bank.questions(refs, 'en'), bank.questions(refs, 'en')]);
		expect(a.map((q) => q.id)).toEqual(refs.map((r) => r.id));
		expect(b).toEqual(a);
		expect(a[0]!.prompt.en).toBeTruthy();
		expect(a[0]!.prompt.zh).toBeUndefined();
		const slices = [...new Set(refs.map((r) => slicePath('en', r.topic)))];
		expect(requests.sort()).toEqual([INDEX_PATH, ...slices].sort());
		await bank.questions(refs, 'en');
		expect(requests).toHaveLength(1 + slices.length);
	});

	it('before a language switch, gives the questions handed out their words in the other language', async () => {
		const bank = await freshBank();
		const refs = (await bank.index()).questions.filter((q) => q.topic === 'teardown');
		const held = await bank.questions(refs, 'zh');
		await bank.addLanguage('en');
		const whole = data.questions.filter((q) => q.topic === 'teardown');
		expect(held).toEqual(whole);
		expect(requests).toContain(slicePath('en', 'teardown'));
	});

	it('offline, fails loudly and tries again next time', async () => {
		const bank = await freshBank();
		offline = true;
		await expect(bank.index()).rejects.toThrow();
		offline = false;
		const index = await bank.index();
		offline = true;
		await expect(bank.questions(index.questions.slice(0, 1), 'zh')).rejects.toThrow();
		offline = false;
		expect(await bank.questions(index.questions.slice(0, 1), 'zh')).toHaveLength(1);
	});

	it('says so when a slice misses a question the index names (a broken build)', async () => {
		const bank = await freshBank();
		await expect(bank.questions([{ id: 'no-such-question', kind: 'flashcard', topic: 'handshake', family: 'x' }], 'zh')).rejects.toThrow(/no-such-question/);
	});
});
