/** `npx tsx scripts/bench/browser-only.ts [buildDir]`: only the Chromium part of the bench (part 5). */
import { benchBrowser } from './browser';

void benchBrowser(process.argv[2] ?? 'build');
