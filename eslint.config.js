import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
	{
		// The pure core must not reach for the DOM, Svelte or the store; only srs may use ts-fsrs.
		files: [
			'src/lib/fsm/**',
			'src/lib/content/**',
			'src/lib/quiz/**',
			'src/lib/params/**',
			'src/lib/progress/**',
			'src/lib/i18n/**',
			'src/lib/study/**',
			'src/lib/game/**',
			'src/lib/classroom/**',
			'src/lib/capture/**'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['svelte', 'svelte/*', '$app/*', '$lib/store', '$lib/store/*', '**/store', '**/store/*', 'idb', 'ts-fsrs'] }
			]
		}
	},
	{
		files: ['src/lib/srs/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', '$app/*', '**/store', '**/store/*', 'idb'] }] }
	},
	{
		// Pages and components reach storage only through the app facade ($lib/components/progress.svelte).
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['$lib/store', '$lib/store/*', '**/store', '**/store/*', 'idb'], message: 'Reach storage through the progress facade.' }] }]
		}
	}
);
