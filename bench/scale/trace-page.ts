/// <reference lib="dom" />
// Where does an open's time go, by kind of work? `npm run build` first, then from the root:
//   node bench/run-ts.mjs scale/trace-page      (STAGES=600 by default; FROM=list opens the
//   project from the projects list, scripts cached, instead of a cold load)
// Records a Chromium trace of one open of the bench project (real API server and BFF, see
// stack.ts) until it is settled, and prints the renderer main thread's time by kind (script,
// style, layout, paint, parsing, GC, idle), the requests in start order, and the long tasks.
import { waitSettled } from './browser.js';
import { openProjectPage } from './open-page.js';
import { printTraceSummary, TRACE_CATEGORIES } from './trace-summary.js';

const stages = Number(process.env.STAGES ?? 600);
const fromList = process.env.FROM === 'list';
const { stack, browser, page, go, close } = await openProjectPage(stages, fromList);
try {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const start = Date.now();
  await go();
  await waitSettled(page);
  const wall = Date.now() - start;
  const buf = await browser.stopTracing();
  console.log(
    `${fromList ? 'open from the projects list' : 'cold load'}, ${stages} stages: settled after ${wall} ms (wall, incl. tracing)`,
  );
  printTraceSummary(buf, stack.bff.url);
} finally {
  await close();
}
