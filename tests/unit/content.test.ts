import { describe, expect, it } from 'vitest';
import { buildDeck, formatError, type ContentFile } from '../../src/lib/server/content';
import { createMachine, TRANSITIONS } from '../../src/lib/core/fsm';
import { LANGS } from '../../src/lib/core/text';
import { readContentFiles } from '../../src/lib/server/content-files';

const topic = (body: string, title = 'T') => `# ${title}\n\n${body}\n`;
const card = (fields: string, body = '') => `## Card {#c1}\nfront: Q?\nback: A.\n${fields}\n\n${body}`;

/** Build a one-topic deck from an English and a Chinese file; return the problems as text. */
function problems(en: string, zh: string = en): string[] {
	const files: ContentFile[] = [
		{ path: 'content/en/01-t.md', text: en },
		{ path: 'content/zh/01-t.md', text: zh }
	];
	return buildDeck(files)
		.errors.map(formatError)
		.filter((e) => !/needs exactly one (state )?card/.test(e));
}

describe('content checks', () => {
	it('accepts a correct claim and renders it in each language', () => {
		const text = topic(card('', 'See {{t FIN_WAIT_1 recv_fin -> CLOSING / ACK if own_fin_unacked}} {{src rfc9293:3.6}}'));
		expect(problems(text)).toEqual([]);
		const { deck } = buildDeck([
			{ path: 'content/en/01-t.md', text },
			{ path: 'content/zh/01-t.md', text }
		]);
		const en = deck.topics[0]?.cards[0]?.html.en ?? '';
		expect(en.replace(/<[^>]+>/g, '')).toContain('FIN-WAIT-1\u00a0→ CLOSING (when a FIN arrives, sending ACK)');
		// One chip; the state names inside it are kept whole (keepNamesWhole wraps them too).
		expect(en).toMatch(/<span class="transition"><span class="state">.*FIN-WAIT-1.*<\/span>\u00a0→ <span class="state">.*CLOSING.*<\/span><\/span>/);
		expect(deck.topics[0]?.cards[0]?.html.zh.replace(/<[^>]+>/g, '')).toContain('FIN-WAIT-1\u00a0→ CLOSING（收到 FIN，发送 ACK）');
	});

	it('fails a wrong transition with file, line and what the machine says', () => {
		const text = topic(card('', 'Wrong: {{t FIN_WAIT_2 recv_fin -> CLOSED}} {{src rfc9293:3.6}}'));
		expect(problems(text)).toContain(
			'content/en/01-t.md:8: {{t FIN_WAIT_2 recv_fin -> CLOSED}}: the state machine says FIN_WAIT_2 on recv_fin goes to TIME_WAIT, not CLOSED'
		);
	});

	it('fails a wrong segment, an unknown state, event and parameter', () => {
		const text = topic(
			card('', '{{t CLOSE_WAIT close -> LAST_ACK / ACK}}\n{{state HALF_CLOSED}}\n{{t LISTEN recv_bogus -> LISTEN}}\n{{param tcp_turbo}} {{src rfc9293}}')
		);
		const found = problems(text).join('\n');
		expect(found).toMatch(/:8: .*sends FIN, not ACK/);
		expect(found).toMatch(/:9: .*unknown state "HALF_CLOSED"/);
		expect(found).toMatch(/:10: .*unknown event "recv_bogus"/);
		expect(found).toMatch(/:11: .*unknown parameter "tcp_turbo"/);
	});

	it('asks for the condition where the outcome depends on one', () => {
		const text = topic(card('', '{{t SYN_RECEIVED recv_rst -> LISTEN}} {{src rfc9293}}'));
		expect(problems(text).join()).toMatch(/depends on a condition: LISTEN if from_listen, CLOSED if from_syn_sent/);
	});

	it('checks defaults, units, versions and computed durations', () => {
		const text = topic(
			card('', '{{default tcp_syn_retries = 5}}\n{{default tcp_fin_timeout = 60}}\n{{removed tcp_tw_recycle 4.10}}\n{{duration keepalive_detection = 675 s}} {{src sysctl:tcp_syn_retries}}')
		);
		const found = problems(text).join('\n');
		expect(found).toMatch(/:8: .*tcp_syn_retries defaults to 6, not 5/);
		expect(found).toMatch(/:9: .*tcp_fin_timeout is in s/);
		expect(found).toMatch(/:10: .*removed is 4.12, not 4.10/);
		expect(found).toMatch(/:11: .*keepalive_detection is 7875 s, not 675 s/);
	});

	it('requires a source for checked facts', () => {
		expect(problems(topic(card('', '{{default tcp_syn_retries = 6}}'))).join()).toMatch(/cites no \{\{src/);
	});

	it('checks who passes through a state against the machine', () => {
		const text = topic(card('state: TIME_WAIT\nside: passive_closer\nwaits: w\nleaves: l'));
		expect(problems(text).join()).toMatch(/:7: the state machine says TIME_WAIT is passed through by active_closer, simultaneous_close, not passive_closer/);
	});

	it('fails a card missing in one language, a missing field and a mismatched machine field', () => {
		const en = topic(card('tags: a') + '\n## Other {#c2}\nfront: F\nback: B\n');
		const zh = topic(card('tags: b'));
		const found = problems(en, zh).join('\n');
		expect(found).toMatch(/content\/en\/01-t.md:\d+: card "c2" is missing in content\/zh\/01-t.md/);
		expect(found).toMatch(/field "tags:" is "b" here but "a"/);
		expect(problems(topic('## No fields {#c3}\n\nbody')).join()).toMatch(/needs a "front:" field/);
	});

	it('fails text that speaks of "the notes" the reader has never seen, but not a common study note', () => {
		const en = topic(card('notes-said: the notes said 5', 'As the 2018\nnotes say, it is 5. {{src rfc9293}}'));
		const zh = topic(card('notes-said: 笔记说 5', '笔记里说是 5。{{src rfc9293}}'));
		const found = problems(en, zh).join('\n');
		expect(found).toMatch(/content\/en\/01-t.md:8: "the 2018 notes" speaks of notes the reader has never seen/);
		expect(found).toMatch(/content\/zh\/01-t.md:8: "笔记" speaks of notes/);
		expect(found).not.toMatch(/:5: /);
		const fine = problems(topic(card('', 'Common study notes say 5. {{src rfc9293}}')), topic(card('', '常见的学习笔记说是 5。{{src rfc9293}}')));
		expect(fine).toEqual([]);
	});

	it('checks that a card asked again in other words (same-as) names a plain card that exists', () => {
		const other = '\n## Other {#c2}\nfront: F\nback: B\n';
		expect(problems(topic(card('same-as: c2') + other))).toEqual([]);
		expect(problems(topic(card('same-as: nowhere') + other)).join()).toMatch(/content\/en\/01-t.md:\d+: "same-as: nowhere" names no card/);
		expect(problems(topic(card('same-as: c1'))).join()).toMatch(/a card cannot repeat itself/);
		const chained = topic(card('same-as: c2') + '\n## Other {#c2}\nfront: F\nback: B\nsame-as: c1\n');
		expect(problems(chained).join()).toMatch(/"same-as: c2" names a card that itself repeats c1/);
	});

	it('fails a Chinese reference to a card title that no card has', () => {
		const en = topic(card('', 'See the other card.'));
		const zh = topic(card('', '见“三次握手”主题里讲“连接关闭的端口”的卡片，以及“Card”那张卡片。'));
		expect(problems(en, zh)).toEqual(['content/zh/01-t.md:8: no card is titled “连接关闭的端口”: name a card by its title']);
	});

	it('fails a topic with no file in the other language', () => {
		const errors = buildDeck([{ path: 'content/en/01-t.md', text: topic(card('')) }]).errors.map(formatError);
		expect(errors.join()).toMatch(/content\/en\/01-t.md:1: topic "t" has no zh file/);
	});
});

describe('the real content', () => {
	const files = readContentFiles();

	it('passes every check', () => {
		expect(buildDeck(files).errors.map(formatError)).toEqual([]);
	});

	it('fails when a transition of the machine is corrupted', () => {
		const corrupted = createMachine(
			TRANSITIONS.map((t) => (t.from === 'FIN_WAIT_2' && t.event === 'recv_fin' ? { ...t, to: 'CLOSED' as const } : t))
		);
		const errors = buildDeck(files, corrupted).errors.map(formatError);
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.join('\n')).toMatch(/FIN_WAIT_2 on recv_fin goes to CLOSED, not TIME_WAIT/);
	});

	it('renders every transition claim as readable text, never as arrows glued to words', () => {
		const { deck } = buildDeck(files);
		const texts = deck.topics.flatMap((t) => [
			t.intro,
			...t.cards.flatMap((c) => [c.html, c.front, c.back, ...(c.options ?? []).map((o) => o.label)])
		]);
		const claimed = deck.topics.flatMap((t) => t.cards).filter((c) => c.transitions.length > 0);
		expect(claimed.length).toBeGreaterThan(10);
		for (const lang of LANGS)
			for (const html of texts.map((x) => x[lang])) {
				const words = html.replace(/<[^>]+>/g, '');
				// The old syntax: "FIN-WAIT-2 —a FIN arrives→ TIME-WAIT".
				expect(words).not.toMatch(/—[^—\s][^→—]*→/);
				// An arrow has a space on each side; after a closing full-width bracket none is needed.
				expect(words).not.toMatch(/[^\s\u00a0）]→|→[^\s\u00a0]/);
			}
	});

	it('covers every section of the notes', () => {
		const { deck } = buildDeck(files);
		const ids = deck.topics.map((t) => t.id);
		for (const id of ['handshake', 'teardown', 'client-states', 'server-states', 'closing', 'state-machine', 'syn-flood', 'time-wait-problems', 'interview'])
			expect(ids).toContain(id);
	});
});
