/** The Chromium already on this machine (no install), for Playwright, the bench and Lighthouse. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, installedBrowser } from './find';

const found = installedBrowser({ exists: existsSync, playwrightChromium: () => chromium.executablePath() });

/** Its path, or undefined to let Playwright look for its own (and say what is missing). */
export const localChromiumPath: string | undefined = found.ok ? found.executablePath : undefined;

/** Launch options for it: the path and the flags a closed network needs. */
export const localChromium = { ...(localChromiumPath ? { executablePath: localChromiumPath } : {}), args: CHROMIUM_ARGS };
