/// <reference lib="dom" />
// Graph benchmark: `npm run build` first, then from the repository root:
//   node bench/graph/run.mjs graph-bench
// Opens a synthetic project (60, 600, 1,200 stages; 3,000 freight) in headless Debian Chromium
// and measures first render, time to interactive, frame times while panning, and first-screen JS.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.js';
import { firstScreenJs } from './measure-first-screen.js';
import { generateProjectSnapshot } from './generate-views.js';
import { panFrameTimes, percentile, timeUntil } from './measure-page.js';
import { startStubServer } from './stub-server.js';

// WEB_DIST: measure a build kept elsewhere (a concurrent `npm run build` rewrites apps/web/dist).
const dist = resolve(process.env.WEB_DIST ?? 'apps/web/dist');
const sizes = [60, 600, 1200];
const FREIGHT = 3000;
const RUNS = Number(process.env.RUNS ?? 3);

const snapshots = sizes.map((n) =>
  generateProjectSnapshot({ project: `bench-${n}`, stages: n, freight: FREIGHT }),
);
const stub = await startStubServer(dist, snapshots);
const browser = await chromium.launch({
  executablePath: process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});

async function measure(n: number) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${stub.url}/projects/bench-${n}`);
  const firstRender = await timeUntil(page, '.react-flow__node-stage');
  // Interactive: a click on a stage's name (one in view) opens its drawer.
  await page.waitForFunction(() =>
    document.querySelector('.react-flow__viewport')?.getAttribute('style')?.includes('scale'),
  );
  const box = await page.locator('.react-flow').boundingBox();
  const names = page.getByRole('button', { name: /^Open stage / });
  let target = names.first();
  for (let i = 0; i < Math.min(await names.count(), 50); i++) {
    const b = await names.nth(i).boundingBox();
    if (
      b &&
      box &&
      b.y > box.y + 10 &&
      b.y < box.y + box.height - 40 &&
      b.x > box.x + 10 &&
      b.x < box.x + box.width - 200
    ) {
      target = names.nth(i);
      break;
    }
  }
  await target.click();
  await page.getByRole('tab', { name: 'Freight history' }).waitFor();
  const interactive = await page.evaluate(() => performance.now());
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Freight history' }).waitFor({ state: 'detached' });
  const frames = await panFrameTimes(page);
  const domNodes = await page.locator('.react-flow__node').count();
  await page.close();
  return {
    firstRender,
    interactive,
    frameP50: percentile(frames, 50),
    frameP95: percentile(frames, 95),
    frameMax: Math.max(...frames),
    domNodes,
  };
}

const median = (xs: number[]) => percentile(xs, 50);
try {
  const js = await firstScreenJs(browser, stub.url, dist);
  console.log(
    `first screen (projects list): ${js.files} JS files, ${js.rawKB.toFixed(0)} KB raw, ${js.gzipKB.toFixed(0)} KB gzipped`,
  );
  console.log(
    '| stages | freight | first render (ms) | interactive (ms) | pan frame p50 / p95 / max (ms) | graph nodes in DOM |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const n of sizes) {
    const runs: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(n));
    const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
    console.log(
      `| ${n} | ${FREIGHT} | ${m('firstRender').toFixed(0)} | ${m('interactive').toFixed(0)} | ${m('frameP50').toFixed(1)} / ${m('frameP95').toFixed(1)} / ${m('frameMax').toFixed(0)} | ${m('domNodes').toFixed(0)} |`,
    );
  }
} finally {
  await browser.close();
  await stub.close();
}
