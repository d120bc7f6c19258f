import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered: the app is a static site that works offline.
		adapter: adapter({ strict: true }),
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		},
		// Registered by UpdatePrompt.svelte, which also offers a waiting new version to the user.
		serviceWorker: { register: false }
	}
};

export default config;
