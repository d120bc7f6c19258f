import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Content Markdown is read at build time by the prerender step.
	server: { fs: { allow: ['content'] } },
	build: {
		rolldownOptions: {
			output: {
				// Svelte's runtime and SvelteKit's client in one chunk: every page needs all of it before it
				// hydrates, and as seven small files it cost a first visit seven requests (a phone on a slow
				// network pays a round trip per batch of them).
				codeSplitting: { groups: [{ name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/ }] }
			}
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node'
	}
});
