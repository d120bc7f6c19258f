import { defineConfig, devices } from '@playwright/test';
import { localChromium } from './scripts/browser/local';

// The browser `npm run test:e2e` made sure of first (scripts/browser/ensure.ts): Debian's, else Playwright's.
const launchOptions = localChromium;

// Another port lets a second checkout run its suite beside this one.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	// Multi-page flows take 20–40 s on a loaded 2-core machine; 30 s failed them for no fault of the app.
	timeout: 60_000,
	// One retry everywhere, CI or not: a timing flake on a loaded 2-core machine shows as "flaky"
	// in the report instead of failing the run; a real failure fails twice.
	retries: 1,
	reporter: [['list']],
	use: { baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN', launchOptions, trace: 'retain-on-failure' },
	projects: [
		{ name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 360, height: 740 } } }
	],
	webServer: {
		command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI
	}
});
