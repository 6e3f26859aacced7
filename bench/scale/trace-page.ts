/// <reference lib="dom" />
// Where does an open's time go, by kind of work? `npm run build` first, then from the root:
//   node bench/run-ts.mjs scale/trace-page      (STAGES=600 by default; FROM=list opens the
//   project from the projects list, scripts cached, instead of a cold load)
// Records a Chromium trace of one open of the bench project (real API server and BFF, see
// stack.ts) until it is settled, and prints the renderer main thread's time by kind (script,
// style, layout, paint, parsing, GC, idle), the requests in start order, the long tasks, and the
// page's user timing marks and measures (e.g. wharf:layout).
import { waitSettled } from './browser.js';
import { openProjectPage } from './open-page.js';
import { printTraceSummary, TRACE_CATEGORIES } from './trace-summary.js';

const stages = Number(process.env.STAGES ?? 600);
const fromList = process.env.FROM === 'list';
const { stack, browser, page, go, close } = await openProjectPage(stages, fromList);
try {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const start = Date.now();
  // From the list the document stays: its timeline counts from before the click (and marks when
  // the click reached the page); a cold load's new document counts from its navigation.
  const opened = fromList
    ? await page.evaluate(() => {
        addEventListener('click', () => performance.mark('bench:click'), { capture: true });
        return performance.now();
      })
    : 0;
  await go();
  await waitSettled(page);
  const wall = Date.now() - start;
  const marks = await page.evaluate(() =>
    [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map(
      (e) => ({ name: e.name, at: e.startTime, dur: e.duration }),
    ),
  );
  const buf = await browser.stopTracing();
  console.log(
    `${fromList ? 'open from the projects list' : 'cold load'}, ${stages} stages: settled after ${wall} ms (wall, incl. tracing)`,
  );
  printTraceSummary(buf, stack.bff.url);
  console.log('user timing marks and measures (ms from the open):');
  for (const m of marks.filter((x) => x.at >= opened).sort((a, b) => a.at - b.at))
    console.log(
      `  ${(m.at - opened).toFixed(0).padStart(6)} ms  ${m.name}${m.dur ? ` (${m.dur.toFixed(0)} ms)` : ''}`,
    );
} finally {
  await close();
}
