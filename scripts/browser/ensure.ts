/**
 * Before the end-to-end tests: make sure a Chromium exists (installing one if it can) and say
 * which. Exits 1 with one line when nothing can be installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { describeChoice, findBrowser } from './find';

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
	console.log(`e2e browser: trying ${[command, ...args].join(' ')}`);
	return spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env, timeout: 10 * 60_000 }).status === 0;
};

const choice = findBrowser({
	exists: existsSync,
	playwrightChromium: () => chromium.executablePath(),
	playwrightInstall: () => run('npx', ['playwright', 'install', 'chromium']),
	isRoot: () => process.getuid?.() === 0,
	hasAptGet: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
	aptInstall: () => {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		return run('apt-get', ['update', '-qq'], env) && run('apt-get', ['install', '-y', '-qq', 'chromium'], env);
	}
});

console.log(describeChoice(choice));
if (!choice.ok) process.exit(1);
