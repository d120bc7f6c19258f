import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The rule ids ESLint reports for `code` as if it were the file at `path` (the file need not exist). */
async function reported(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path });
	return result!.messages.map((m) => m.ruleId ?? m.message);
}

// Loading the TypeScript parser takes seconds on a busy machine.
describe('the layers hold', { timeout: 60_000 }, () => {
	it('the core may not import a feature, storage, the app layer or Svelte', async () => {
		expect(await reported('src/lib/fsm/x.ts', "import { xpOf } from '../game/xp';\nexport const y = xpOf;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/progress/x.ts', "import { openProgressDB } from '$lib/store';\nexport const y = openProgressDB;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/ids.ts', "import { tick } from 'svelte';\nexport const y = tick;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/fsm/x.ts', "import { FSRS } from 'ts-fsrs';\nexport const y = FSRS;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/progress/x.ts', "import { importReport } from '../settings/form';\nexport const y = importReport;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/fsm/x.ts', "import { describeStep } from '../simulator/describe';\nexport const y = describeStep;\n")).toContain('no-restricted-imports');
	});

	it('a feature may not import the app layer, components or storage', async () => {
		expect(await reported('src/lib/game/x.ts', "import { progress } from '$lib/app/progress.svelte';\nexport const y = progress;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/study/x.ts', "import { allReviews } from '../store';\nexport const y = allReviews;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/settings/x.ts', "import { progress } from '$lib/app/progress.svelte';\nexport const y = progress;\n")).toContain('no-restricted-imports');
		expect(await reported('src/lib/simulator/x.ts', "import { tick } from 'svelte';\nexport const y = tick;\n")).toContain('no-restricted-imports');
	});

	it('views reach storage only through the app layer', async () => {
		expect(await reported('src/routes/x/+page.ts', "import { allReviews } from '$lib/store';\nexport const y = allReviews;\n")).toContain('no-restricted-imports');
	});

	it('allowed imports pass', async () => {
		expect(await reported('src/lib/srs/x.ts', "import { FSRS } from 'ts-fsrs';\nimport { machine } from '../fsm';\nexport const y = [FSRS, machine];\n")).toEqual([]);
		expect(await reported('src/lib/game/x.ts', "import { machine } from '../fsm';\nexport const y = machine;\n")).toEqual([]);
		expect(await reported('src/lib/progress/x.ts', "import { DEFAULT_SETTINGS } from './settings';\nexport const y = DEFAULT_SETTINGS;\n")).toEqual([]);
	});
});
