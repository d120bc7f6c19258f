import { describe, expect, it } from 'vitest';
import { buildDeck, formatError } from '../../src/lib/server/content';
import { checkChineseMarkdown, checkChineseSource, glossaryProblems, GLOSSARY } from '../../src/lib/server/content/glossary';
import { readContentFiles } from '../../src/lib/server/content-files';
import { readUiSources } from '../../src/lib/server/ui-sources';

describe('the Chinese glossary', () => {
	it('is data: every term says what to write and what not to', () => {
		expect(GLOSSARY.length).toBeGreaterThanOrEqual(6);
		for (const term of GLOSSARY) {
			expect(term.use).not.toBe('');
			expect(term.instead).toBeInstanceOf(RegExp);
		}
	});

	it('wants 套接字, not the English word socket, in a Chinese sentence', () => {
		expect(glossaryProblems('监听 socket 一直停在 LISTEN。')).toEqual(['"socket": write 套接字']);
		expect(glossaryProblems('孤儿 Socket 由内核收尾。')).toEqual(['"Socket": write 套接字']);
		expect(glossaryProblems('监听套接字一直停在 LISTEN，SO_KEEPALIVE 默认关闭。')).toEqual([]);
	});

	it('wants “” quotes, not 「」 or straight quotes, in Chinese text', () => {
		expect(glossaryProblems('见「三次握手」主题。')).toEqual(['"「": write “”', '"」": write “”']);
		expect(glossaryProblems('对端看到 "connection reset"。')).toEqual(['"\\"": write “”']);
		expect(glossaryProblems('对端看到“connection reset”。')).toEqual([]);
	});

	it('calls a topic 主题 (本主题), never 专题 or 章', () => {
		expect(glossaryProblems('本专题讲四次挥手。')).toEqual(['"专题": write 主题 (本主题)']);
		expect(glossaryProblems('本章先讲攻击。')).toEqual(['"本章": write 主题 (本主题)']);
		expect(glossaryProblems('见“四次挥手”一章。')).toEqual(['"一章": write 主题 (本主题)']);
		expect(glossaryProblems('本主题讲四次挥手，很多调优文章写错了。')).toEqual([]);
	});

	it('spells SYN Flood one way', () => {
		expect(glossaryProblems('遭遇了 SYN flood。')).toEqual(['"SYN flood": write SYN Flood']);
		expect(glossaryProblems('SYN 洪泛防御者')).toEqual(['"SYN 洪泛": write SYN Flood']);
		expect(glossaryProblems('日志里有“Possible SYN flooding on port 443”。SYN Flood 打的是队列。')).toEqual([]);
	});

	it('says keepalive, not 保活', () => {
		expect(glossaryProblems('保活相关的参数')).toEqual(['"保活": write keepalive']);
		expect(glossaryProblems('keepalive 相关的参数')).toEqual([]);
	});

	it('puts a space between a number and its unit', () => {
		expect(glossaryProblems('等 63秒后放弃')).toEqual(['"63秒": write a space between number and unit ("63 秒")']);
		expect(glossaryProblems('等 2分钟，重试 6次')).toEqual([
			'"2分钟": write a space between number and unit ("63 秒")',
			'"6次": write a space between number and unit ("63 秒")'
		]);
		expect(glossaryProblems('等 63 秒，再等 2 分钟，共 32 位')).toEqual([]);
	});
});

describe('Chinese Markdown', () => {
	it('reports file:line, and leaves code, claims, listings and quoted notes alone', () => {
		const text = [
			'# 标题',
			'',
			'本专题讲 `socket`。',
			'## 卡片 {#c1}',
			'notes-said: SYN_RECVD：被动收到连接请求后 "socket" 半连接',
			'正文 {{src man:socket.7}} 和 `ss -tan "x"`。',
			'```',
			'LISTEN 0 4096 socket 1秒',
			'```',
			'孤儿 socket 等 60秒。'
		].join('\n');
		expect(checkChineseMarkdown('content/zh/01-t.md', text).map(formatError)).toEqual([
			'content/zh/01-t.md:3: "专题": write 主题 (本主题)',
			'content/zh/01-t.md:10: "socket": write 套接字',
			'content/zh/01-t.md:10: "60秒": write a space between number and unit ("63 秒")'
		]);
	});

	it('is part of building the deck, for Chinese files only', () => {
		const en = '# T\n\nA socket in a SYN flood.\n';
		const zh = '# T\n\n一个 socket。\n';
		const errors = buildDeck([
			{ path: 'content/en/01-t.md', text: en },
			{ path: 'content/zh/01-t.md', text: zh }
		]).errors.map(formatError);
		expect(errors).toContain('content/zh/01-t.md:3: "socket": write 套接字');
		expect(errors.filter((e) => e.startsWith('content/en/'))).toEqual([]);
	});
});

describe('Chinese interface strings', () => {
	it('are checked in the string literals of a source file, with file:line, not in comments or code', () => {
		const source = [
			"// 本专题 in a comment is not shown",
			"export const a = text('SYN 洪泛防御者', 'SYN flood defender');",
			"const socket = open(); // socket is code",
			'export const b = { zh: `等 ${n}秒`, en: `wait ${n} s` };',
			"export const c = text('「x」', 'x');",
			' * JSDoc line with 本章 is a comment too'
		].join('\n');
		expect(checkChineseSource('src/lib/game/x.ts', source).map(formatError)).toEqual([
			'src/lib/game/x.ts:2: "SYN 洪泛": write SYN Flood',
			'src/lib/game/x.ts:5: "「": write “”',
			'src/lib/game/x.ts:5: "」": write “”'
		]);
	});
});

describe('the real content and interface', () => {
	it('follow the glossary', () => {
		const found = [
			...readContentFiles()
				.filter((f) => f.path.includes('/zh/'))
				.flatMap((f) => checkChineseMarkdown(f.path, f.text)),
			...readUiSources().flatMap((f) => checkChineseSource(f.path, f.text))
		].map(formatError);
		expect(found).toEqual([]);
	});

	it('reach the interface strings beside the components, the question generators and the game', () => {
		const paths = readUiSources().map((f) => f.path);
		expect(paths.some((p) => /-ui\.ts$/.test(p))).toBe(true);
		expect(paths.some((p) => p.includes('src/lib/server/generate/'))).toBe(true);
		expect(paths.some((p) => p.includes('src/lib/features/game/'))).toBe(true);
		expect(paths.some((p) => p.endsWith('.test.ts'))).toBe(false);
	});
});
