import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Import paths into a layer folder under src/lib, as $lib/… or relative (`../../features/game/xp`). */
const layer = (...names) => names.flatMap((name) => [`$lib/${name}`, `$lib/${name}/*`, `**/${name}`, `**/${name}/*`]);
/** Svelte, SvelteKit's runtime and IndexedDB: what makes code belong to a page or to storage. */
const RUNTIME = ['svelte', 'svelte/*', '$app/*', 'idb'];
/**
 * no-restricted-imports cannot see `import('…')`: a view that loads storage lazily is caught here.
 * Only .svelte files live outside routes/ and components/, so their block carries it for all of them.
 */
const LAZY_STORE = {
	selector: 'ImportExpression[source.value=/(^|\\/)store(\\/|$)/]',
	message: 'Reach storage through the app layer ($lib/app), lazily too.'
};
/** A component or a view helper, but not a feature's strings (`components/quiz/quiz-ui`, `components/ui`), which are plain data. */
const COMPONENTS_NOT_STRINGS = '(^|/)components(/(?!([\\w-]+/)*([\\w-]+-)?ui$)[^?]*)?$';

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
				},
				LAZY_STORE
			]
		}
	},
	// Layers, bottom up, as the README's "How it fits together" draws them:
	//   core ← features ← server (build time) | store ← app ← components, routes.
	// Each block lists what its files may not import; a later block for the same files would replace it,
	// so each folder is in exactly one.
	...[
		{ files: ['src/lib/core/**'], ignores: ['src/lib/core/srs/**'], fsrs: false },
		// Only srs schedules, so only srs may use ts-fsrs.
		{ files: ['src/lib/core/srs/**'], ignores: [], fsrs: true }
	].map(({ files, ignores, fsrs }) => ({
		// The core (the machine and its labels, parameters, the log, scheduling, capture reading, text, ids) imports only the core.
		files,
		ignores,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: layer('features', 'server', 'store', 'app', 'components'), message: 'The core imports only the core (src/lib/core).' },
						{ group: [...RUNTIME, ...(fsrs ? [] : ['ts-fsrs'])], message: 'The core is plain TypeScript; only core/srs uses ts-fsrs.' }
					]
				}
			]
		}
	})),
	{
		// Features (game rules, classroom, study plans, settings forms, simulator captions, sync's pure parts, the quiz's
		// and the content's run-time types) are pure and run in Node, a worker or a page. They may read a feature's
		// strings (components/*/…-ui.ts, plain data), never a component, the app layer, build-time code or storage.
		files: ['src/lib/features/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: layer('app', 'server'), message: 'Features never import the app layer or build-time code.' },
						{ regex: COMPONENTS_NOT_STRINGS, message: "Features never import components; a feature's strings (components/*/…-ui) are allowed." },
						{ group: [...RUNTIME, 'ts-fsrs', ...layer('store')], message: 'Features are pure: no Svelte, no storage; scheduling goes through core/srs.' }
					]
				}
			]
		}
	},
	{
		// Build-time code (Markdown → deck, question generators, the validator, file reading) runs in Node only.
		files: ['src/lib/server/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: [...RUNTIME, ...layer('store', 'app')], message: 'Build-time code reads files, never storage, the app layer or Svelte.' }] }]
		}
	},
	{
		// Pages and components reach storage only through the app layer ($lib/app/progress.svelte, the facade).
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: [...layer('store'), 'idb'], message: 'Reach storage through the app layer ($lib/app).' }] }]
		}
	},
	{
		files: ['src/routes/**/*.ts', 'src/lib/components/**/*.ts'],
		rules: { 'no-restricted-syntax': ['error', LAZY_STORE] }
	}
);
