/**
 * `npx tsx scripts/bench/browser-only.ts [buildDir]` (or `npm run bench -- --only-browser`): only the
 * Chromium part of the bench (part 6); BENCH_PORT=n serves on port n. Exits 1 when a figure is over budget.
 */
import { benchBrowser } from './browser';

process.exit((await benchBrowser(process.argv[2] ?? 'build')) ? 0 : 1);
