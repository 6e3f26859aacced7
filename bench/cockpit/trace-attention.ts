/// <reference lib="dom" />
// Where does Needs attention's first paint go? `npm run build` first, then from the root:
//   node bench/run-ts.mjs cockpit/trace-attention      (PROJECTS=100 STAGES=60 FREIGHT=200;
//   CACHED=1 traces a new tab of a browser that loaded the page once, scripts in its HTTP cache;
//   PROFILE_OUT=<file.cpuprofile> keeps the CPU profile, to open in DevTools or read with a script)
// Records a Chromium trace of one load of /attention against the cockpit's stack (see stack.ts)
// until the heading shows the count, and prints the main thread's time by kind, the requests in
// start order, the socket's handshake and the long tasks.
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../scale/browser.js';
import { signIn } from '../scale/stack.js';
import {
  printProfileSummary,
  printTraceSummary,
  TRACE_CATEGORIES,
  type CpuProfile,
} from '../scale/trace-summary.js';
import { startCockpitStack } from './stack.js';

const shape = {
  projects: Number(process.env.PROJECTS ?? 100),
  stages: Number(process.env.STAGES ?? 60),
  freight: Number(process.env.FREIGHT ?? 200),
};
const cached = process.env.CACHED === '1';
const { cluster, bff } = await startCockpitStack(shape, (m) => console.error(m));
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(context, bff);
  const heading = /^Needs attention \(\d+\)$/;
  if (cached) {
    const first = await context.newPage();
    await first.goto(`${bff.url}/attention`);
    await first.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const start = Date.now();
  await page.goto(`${bff.url}/attention`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
  const wall = Date.now() - start;
  const buf = await browser.stopTracing();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  console.log(
    `${cached ? 'new tab, scripts cached' : 'cold load'}, ${shape.projects} projects: painted after ${wall} ms (wall, incl. tracing)`,
  );
  printTraceSummary(buf, bff.url);
  printProfileSummary(profile);
} finally {
  await browser.close();
  await bff.stop();
  await cluster.stop();
}
