/// <reference lib="dom" />
// Where does a pan frame's time go? `npm run build` first, then from the repository root:
//   node bench/run-ts.mjs scale/pan-trace      (STAGES=3000 by default; RUNS=3)
// Opens the bench project (real API server and BFF, see stack.ts), waits until it is settled and
// idle, then pans the graph as the scale bench does (measure-page.ts) with a Chromium trace on.
// Prints per run the frame intervals (p50 / p95) and, per thread of every Chromium process, the
// busy time by kind of work: script, style, layout, paint, raster, compositing.
import { chromiumCpuMs, launchBrowser } from './browser.js';
import { panFrameTimes, percentile } from './measure-page.js';
import { signIn, startBffFor, startBenchCluster } from './stack.js';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Trace event name → the kind of work (the outermost known event decides). */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  TimerFire: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  RasterTask: 'raster',
  'RasterizerTaskImpl::RunOnWorkerThread': 'raster',
  MajorGC: 'gc',
  MinorGC: 'gc',
};

const stages = Number(process.env.STAGES ?? 3000);
const runs = Number(process.env.RUNS ?? 3);
const trace = process.env.TRACE !== '0';
/** CSS added to the page, one pan series per entry (CSS='["", "a { b: c }"]'): quick what-ifs. */
const variants = JSON.parse(process.env.CSS ?? '[""]') as string[];
/** Builds of the web app to compare back to back (WEB_DISTS=dir,dir; default: the build). */
const dists = (process.env.WEB_DISTS ?? '').split(',').map((d) => d || undefined);
const cluster = await startBenchCluster(stages, (m) => console.error(m));
const browser = await launchBrowser();
try {
  for (const dist of dists) {
    const bff = await startBffFor(cluster, dist);
    console.log(`web build: ${dist ?? 'as built'}`);
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      // The what-if CSS is an inline style tag, which the app's CSP refuses.
      bypassCSP: variants.some(Boolean),
    });
    await signIn(context, bff);
    for (const css of variants) {
      const page = await context.newPage();
      await page.goto(`${bff.url}/projects/${cluster.project}`);
      if (css) await page.addStyleTag({ content: css });
      console.log(`variant: ${css || '(as built)'}`);
      await page.waitForFunction(
        () =>
          document.querySelector('.react-flow__node-stage') !== null &&
          document.querySelector('.MuiLinearProgress-root') === null,
        undefined,
        { timeout: 120_000, polling: 'raf' },
      );
      await page.waitForTimeout(3000);
      const nodes = await page.evaluate(
        () => document.querySelectorAll('.react-flow__node').length,
      );
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      console.log(`${stages} stages: ${nodes} graph nodes, ${elements} elements in the page`);
      for (let run = 0; run < runs; run++) {
        // The previous run's frame recorder stops on its next frame: let it, so runs don't overlap.
        await page.waitForTimeout(500);
        if (!trace) {
          await page.evaluate(() => {
            const w = window as unknown as { __mounted: number; __watch?: MutationObserver };
            w.__mounted = 0;
            w.__watch?.disconnect();
            w.__watch = new MutationObserver((ms) => {
              for (const m of ms) w.__mounted += m.addedNodes.length;
            });
            w.__watch.observe(document.querySelector('.react-flow__nodes') ?? document.body, {
              childList: true,
            });
          });
          const cpuBefore = await chromiumCpuMs(browser);
          const frames = await panFrameTimes(page);
          const cpu = (await chromiumCpuMs(browser)) - cpuBefore;
          const mounted = await page.evaluate(
            () => (window as unknown as { __mounted: number }).__mounted,
          );
          console.log(`  graph nodes mounted during the pan: ${mounted}`);
          console.log(
            `run ${run + 1}: ${frames.length} frames, p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms; Chromium CPU for the pan ${cpu.toFixed(0)} ms (${(cpu / frames.length).toFixed(1)} a frame)`,
          );
          continue;
        }
        await browser.startTracing(page, {
          categories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'toplevel',
            'cc',
            'viz',
            'v8',
          ],
        });
        const frames = await panFrameTimes(page);
        const buf = await browser.stopTracing();
        const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
        const names = new Map<string, string>();
        for (const e of events)
          if (e.ph === 'M' && e.name === 'thread_name')
            names.set(`${e.pid}/${e.tid}`, e.args?.name ?? '');
        const complete = events.filter((e) => e.ph === 'X' && (e.dur ?? 0) > 0);
        const t0 = complete.reduce((m, e) => Math.min(m, e.ts), Infinity);
        const t1 = complete.reduce((m, e) => Math.max(m, e.ts + (e.dur ?? 0)), 0);
        // Per thread: time inside a known kind, attributed to the outermost one (no double counting).
        const perThread = new Map<string, Map<string, number>>();
        const byThread = new Map<string, TraceEvent[]>();
        for (const e of complete) {
          const k = `${e.pid}/${e.tid}`;
          const list = byThread.get(k) ?? [];
          list.push(e);
          byThread.set(k, list);
        }
        for (const [k, list] of byThread) {
          list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
          const kinds = new Map<string, number>();
          let until = -1;
          let taskUntil = -1;
          for (const e of list) {
            const end = e.ts + (e.dur ?? 0);
            if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
              if (e.ts >= taskUntil) {
                kinds.set('(busy)', (kinds.get('(busy)') ?? 0) + (e.dur ?? 0));
                taskUntil = end;
              }
              continue;
            }
            const kind = KINDS[e.name];
            if (!kind || e.ts < until) continue;
            kinds.set(kind, (kinds.get(kind) ?? 0) + (e.dur ?? 0));
            until = end;
          }
          perThread.set(k, kinds);
        }
        const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(5)} ms`;
        console.log(
          `run ${run + 1}: ${frames.length} frames, p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms; traced ${ms(t1 - t0)}`,
        );
        const busiest = [...perThread]
          .map(([k, m]) => ({ k, m, busy: m.get('(busy)') ?? 0 }))
          .sort((a, b) => b.busy - a.busy)
          .slice(0, 8);
        for (const { k, m, busy } of busiest) {
          const parts = [...m]
            .filter(([kind]) => kind !== '(busy)')
            .sort((a, b) => b[1] - a[1])
            .map(([kind, us]) => `${kind} ${(us / 1000).toFixed(0)}`)
            .join(', ');
          console.log(`  ${ms(busy)} busy  ${(names.get(k) ?? k).padEnd(28)} ${parts}`);
        }
      }
      await page.close();
    }
    await context.close();
    await bff.stop();
  }
} finally {
  await browser.close();
  await cluster.stop();
}
