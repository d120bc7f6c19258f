import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The rule ids ESLint reports for `code` as if it were the file at `path` (the file need not exist). */
async function reported(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path });
	return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** A module that imports `name` from `from` and uses it. */
const importing = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const y = ${name};\n`;

// Loading the TypeScript parser takes seconds on a busy machine.
describe('the layers hold', { timeout: 60_000 }, () => {
	it('the core may not import a feature, build-time code, storage, the app layer, a component or Svelte', async () => {
		expect(await reported('src/lib/core/fsm/x.ts', importing('xpOf', '../../features/game/xp'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/log/x.ts', importing('openProgressDB', '$lib/store'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/ids.ts', importing('tick', 'svelte'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/fsm/x.ts', importing('FSRS', 'ts-fsrs'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/log/x.ts', importing('importReport', '../../features/settings/form'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/text.ts', importing('progress', '../app/progress.svelte'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/fsm/x.ts', importing('QUIZ_UI', '$lib/components/quiz/quiz-ui'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/core/fsm/x.ts', importing('generateBank', '../../server/generate'))).toContain('no-restricted-imports');
	});

	it('a feature may not import storage, the app layer, build-time code, a component or Svelte', async () => {
		expect(await reported('src/lib/features/game/x.ts', importing('progress', '$lib/app/progress.svelte'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/features/study/x.ts', importing('allReviews', '../../store'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/features/settings/x.ts', importing('progress', '../../app/progress.svelte'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/features/simulator/x.ts', importing('tick', 'svelte'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/features/quiz/x.ts', importing('generateBank', '$lib/server/generate'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/features/quiz/x.ts', importing('answerText', '../../components/quiz/answers'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/features/game/x.ts', "import Icon from '$lib/components/Icon.svelte';\nexport const y = Icon;\n")).toContain('no-restricted-imports');
	});

	it('build-time code may not import storage or the app layer', async () => {
		expect(await reported('src/lib/server/generate/x.ts', importing('allReviews', '$lib/store'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/server/content/x.ts', importing('bank', '../../app/bank'))).toContain('no-restricted-imports');
	});

	it('views reach storage only through the app layer', async () => {
		expect(await reported('src/routes/x/+page.ts', importing('allReviews', '$lib/store'))).toContain('no-restricted-imports');
		expect(await reported('src/lib/components/x/X.svelte', `<script lang="ts">\n${importing('allReviews', '../../store')}</script>\n`)).toContain('no-restricted-imports');
		// Lazily too: no-restricted-imports does not look at import().
		const lazy = "export const open = () => import('$lib/store/db').then((db) => db.openProgressDB());\n";
		expect(await reported('src/lib/components/x/open.ts', lazy)).toContain('no-restricted-syntax');
		expect(await reported('src/routes/x/+page.svelte', `<script lang="ts">\n${lazy}</script>\n`)).toContain('no-restricted-syntax');
	});

	it('allowed imports pass', async () => {
		expect(await reported('src/lib/core/srs/x.ts', "import { FSRS } from 'ts-fsrs';\nimport { machine } from '../fsm';\nexport const y = [FSRS, machine];\n")).toEqual([]);
		expect(await reported('src/lib/features/game/x.ts', importing('machine', '../../core/fsm'))).toEqual([]);
		expect(await reported('src/lib/core/log/x.ts', importing('DEFAULT_SETTINGS', './settings'))).toEqual([]);
		// A feature's strings are plain data: settings forms and simulator captions read them.
		expect(await reported('src/lib/features/simulator/x.ts', importing('FSM_UI', '../../components/fsm/fsm-ui'))).toEqual([]);
		expect(await reported('src/lib/features/study/x.ts', importing('UI', '$lib/components/ui'))).toEqual([]);
		expect(await reported('src/lib/server/generate/x.ts', importing('machine', '$lib/core/fsm'))).toEqual([]);
		expect(await reported('src/routes/x/+page.ts', importing('progress', '$lib/app/progress.svelte'))).toEqual([]);
		expect(await reported('src/routes/x/+page.ts', "export const load = () => import('$lib/app/progress.svelte');\n")).toEqual([]);
	});
});
