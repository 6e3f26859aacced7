/// <reference lib="dom" />
// Where does an open's time go, by kind of work? `npm run build` first, then from the root:
//   node bench/run-ts.mjs scale/trace-page      (STAGES=600 by default; FROM=list opens the
//   project from the projects list, scripts cached, instead of a cold load)
// Records a Chromium trace of one open of the bench project (real API server and BFF, see
// stack.ts) until it is settled, and prints the renderer main thread's time by kind (script,
// style, layout, paint, parsing, GC, idle), the requests in start order, and the long tasks.
import { launchBrowser } from './browser.js';
import { signIn, startStack } from './stack.js';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

/** Trace event name → the kind of work it is (the top-level events of the main thread). */
const KINDS: Record<string, string> = {
  EvaluateScript: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
};

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
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'blink.user_timing',
      'toplevel',
    ],
  });
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
  const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page's main thread: the one that sent the page's own requests (the trace also holds
  // Chromium's own WebUI renderers).
  const main = events.find(
    (e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url).startsWith(stack.bff.url),
  );
  if (!main) throw new Error('no request of the page in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const t0 = Math.min(...onMain.map((e) => e.ts));
  const t1 = Math.max(...onMain.map((e) => e.ts + (e.dur ?? 0)));
  // Self time per kind: each complete event's duration minus its children's, nested by time.
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byKind = new Map<string, number>();
  const open: { end: number; kind: string; child: number; dur: number }[] = [];
  const close = (until: number) => {
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= until) {
      const e = open.pop();
      if (!e) break;
      byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + (e.dur - e.child));
    }
  };
  for (const e of sorted) {
    close(e.ts);
    const parent = open.at(-1);
    const kind = KINDS[e.name] ?? parent?.kind ?? 'other';
    if (parent) parent.child += e.dur ?? 0;
    open.push({ end: e.ts + (e.dur ?? 0), kind, child: 0, dur: e.dur ?? 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const busy = [...byKind.values()].reduce((a, b) => a + b, 0);
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
  console.log(
    `${fromList ? 'open from the projects list' : 'cold load'}, ${stages} stages: settled after ${wall} ms (wall, incl. tracing)`,
  );
  console.log(`renderer main thread: busy ${ms(busy)} of ${ms(t1 - t0)} traced`);
  for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${ms(v)}  ${k}`);
  console.log('requests (start → end, ms from the first main-thread event):');
  const sends = events.filter(
    (e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url).startsWith(stack.bff.url),
  );
  const finishes = new Map(
    events
      .filter((e) => e.name === 'ResourceFinish')
      .map((e) => [String(e.args?.data?.requestId), e.ts]),
  );
  for (const s of sends.sort((a, b) => a.ts - b.ts)) {
    const id = String(s.args?.data?.requestId);
    const end = finishes.get(id);
    const name = String(s.args?.data?.url ?? '').replace(/^https?:\/\/[^/]+/, '');
    console.log(
      `  ${ms(s.ts - t0)} → ${end ? ms(end - t0) : '     ?   '}  ${name.length > 70 ? `…${name.slice(-69)}` : name}`,
    );
  }
  console.log('long tasks (> 50 ms) on the main thread:');
  for (const e of onMain.filter((x) => x.name === 'RunTask' && (x.dur ?? 0) > 50_000))
    console.log(`  at ${ms(e.ts - t0)}: ${ms(e.dur ?? 0)}`);
} finally {
  await browser.close();
  await stack.stop();
}
