// First-screen JS only (the projects list): `npm run build` first, then from the repository root:
//   node bench/graph/run.mjs first-screen-bench
// The same measurement graph-bench prints, without the graph runs.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.js';
import { generateProjectSnapshot } from './generate-views.js';
import { firstScreenJs } from './measure-first-screen.js';
import { startStubServer } from './stub-server.js';

const dist = resolve(process.env.WEB_DIST ?? 'apps/web/dist');
const stub = await startStubServer(dist, [
  generateProjectSnapshot({ project: 'bench-60', stages: 60, freight: 100 }),
]);
const browser = await chromium.launch({
  executablePath: process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
const js = await firstScreenJs(browser, stub.url, dist);
console.log(
  `first screen (projects list): ${js.files} JS files, ${js.rawKB.toFixed(0)} KB raw, ${js.gzipKB.toFixed(0)} KB gzipped`,
);
await browser.close();
await stub.close();
