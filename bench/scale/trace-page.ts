/// <reference lib="dom" />
// Where does an open's time go, by kind of work? `npm run build` first, then from the root:
//   node bench/run-ts.mjs scale/trace-page      (STAGES=600 by default; FROM=list opens the
//   project from the projects list, scripts cached, instead of a cold load)
// Records a Chromium trace of one open of the bench project (real API server and BFF, see
// stack.ts) until it is settled, and prints the renderer main thread's time by kind (script,
// style, layout, paint, parsing, GC, idle), the requests in start order, and the long tasks.
import { launchBrowser } from './browser.js';
import { printTraceSummary, TRACE_CATEGORIES } from './trace-summary.js';
import { signIn, startStack } from './stack.js';

const stages = Number(process.env.STAGES ?? 600);
const fromList = process.env.FROM === 'list';
const stack = await startStack(stages, (m) => console.error(m));
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await signIn(context, stack.bff);
  const page = await context.newPage();
  const url = `${stack.bff.url}/projects/${stack.cluster.project}`;
  if (fromList) {
    await page.goto(url); // fills the HTTP cache, as a returning user has it
    await page.waitForSelector('.react-flow__node-stage', { state: 'attached', timeout: 120_000 });
    await page.goto(`${stack.bff.url}/`);
    await page.getByRole('link', { name: `Open project ${stack.cluster.project}` }).waitFor();
  }
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const start = Date.now();
  if (fromList)
    await page.getByRole('link', { name: `Open project ${stack.cluster.project}` }).click();
  else await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelector('.react-flow__node-stage') !== null &&
      document.querySelector('[aria-label="Freight, newest first"] [role="listitem"]') !== null &&
      document.querySelector('.MuiLinearProgress-root') === null,
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  const wall = Date.now() - start;
  const buf = await browser.stopTracing();
  console.log(
    `${fromList ? 'open from the projects list' : 'cold load'}, ${stages} stages: settled after ${wall} ms (wall, incl. tracing)`,
  );
  printTraceSummary(buf, stack.bff.url);
} finally {
  await browser.close();
  await stack.stop();
}
