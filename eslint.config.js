import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Import paths into the layers above the core (features, build-time code, storage, app, components). */
const LAYERS_ABOVE_CORE = ['game', 'classroom', 'study', 'simulator', 'quiz', 'content', 'server', 'store', 'app', 'components', 'workers']
	.flatMap((dir) => [`$lib/${dir}`, `$lib/${dir}/*`, `**/${dir}`, `**/${dir}/*`])
	.concat(['$lib/i18n/*-ui', '**/i18n/*-ui', '$lib/i18n/fsm-labels', '**/i18n/fsm-labels'])
	// The settings feature by its folder only: progress/settings.ts is core and keeps its name.
	.concat(['$lib/settings', '$lib/settings/*', '../settings/*', '../../settings/*']);

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		// Links keep the page's language: href={language.href(resolve('/quiz'))}, which svelte's own rule
		// cannot see through (it accepts only a bare resolve()), so a bare resolve() in href is the error.
		files: ['**/*.svelte'],
		rules: {
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }],
			'no-restricted-syntax': [
				'error',
				{
					selector: "SvelteAttribute[key.name='href'] > SvelteMustacheTag > CallExpression[callee.name='resolve']",
					message: "A link must keep the page's language: href={language.href(resolve(...))}."
				},
				{
					selector: "SvelteAttribute[key.name='href'] > SvelteLiteral[value=/^\\//]",
					message: "A link must keep the page's language: href={language.href(resolve(...))}."
				}
			]
		}
	},
	// Layers, bottom up: the core, the features, then storage, the app layer and the views. Each block
	// lists what its files may not import; a later block for the same files would replace it, so each
	// folder is in exactly one.
	...[
		{ files: ['src/lib/core/fsm/**', 'src/lib/core/params/**', 'src/lib/core/log/**', 'src/lib/core/capture/**', 'src/lib/core/ids.ts', 'src/lib/core/random.ts', 'src/lib/core/text.ts'], fsrs: false },
		// Only srs schedules, so only srs may use ts-fsrs.
		{ files: ['src/lib/core/srs/**'], fsrs: true }
	].map(({ files, fsrs }) => ({
		// The core (the machine, parameters, ids, the log, scheduling, capture reading) imports only the core.
		files,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: LAYERS_ABOVE_CORE, message: 'The core imports only the core (fsm, params, progress, srs, capture, ids, random, i18n/lang).' },
						{ group: ['svelte', 'svelte/*', '$app/*', 'idb', ...(fsrs ? [] : ['ts-fsrs'])], message: 'The core is plain TypeScript; only srs uses ts-fsrs.' }
					]
				}
			]
		}
	})),
	{
		// Features (game rules, classroom, study plans, settings forms, simulator captions, quiz generation, content, their strings) are pure
		// and run in Node, a worker or a page: no app layer, components, build-time code, Svelte or storage.
		files: ['src/lib/features/game/**', 'src/lib/features/classroom/**', 'src/lib/features/study/**', 'src/lib/features/settings/**', 'src/lib/features/simulator/**', 'src/lib/quiz/**', 'src/lib/content/**', 'src/lib/i18n/**'],
		ignores: ['src/lib/core/text.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$lib/app', '$lib/app/*', '**/app/*', '$lib/components/*', '**/components/*', '$lib/server/*', '**/server/*'], message: 'Features never import the app layer, components or build-time code.' },
						{ group: ['svelte', 'svelte/*', '$app/*', 'idb', 'ts-fsrs', '$lib/store', '$lib/store/*', '**/store', '**/store/*'], message: 'Features are pure: no Svelte, no storage; scheduling goes through srs.' }
					]
				}
			]
		}
	},
	{
		// Pages and components reach storage only through the app facade ($lib/components/progress.svelte).
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['$lib/store', '$lib/store/*', '**/store', '**/store/*', 'idb'], message: 'Reach storage through the progress facade.' }] }]
		}
	}
);
