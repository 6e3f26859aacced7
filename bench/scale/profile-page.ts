/// <reference lib="dom" />
// Where does the time go? `npm run build` first, then from the repository root:
//   node bench/run-ts.mjs scale/profile-page      (STAGES=600 by default; PAN=1 profiles panning;
//   FROM=list opens the project from the projects list, scripts cached, instead of a cold load)
// Opens the bench project (real API server and BFF, see stack.ts) with the CPU profiler on and
// prints, until the first stage node appears (or over two seconds of panning): self time per
// script and per function, inclusive time per component, and when each script loaded.
import { panFrameTimes } from './measure-page.js';
import { openProjectPage } from './open-page.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const n = Number(process.env.STAGES ?? 600);
const pan = process.env.PAN === '1';
const fromList = process.env.FROM === 'list';
const { context, page, go, close } = await openProjectPage(n, fromList);
try {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (!pan) await cdp.send('Profiler.start');
  await go();
  await page.waitForSelector('.react-flow__node-stage', { state: 'attached', timeout: 120_000 });
  const firstRender = await page.evaluate(() => performance.now());
  if (pan) {
    await page.waitForTimeout(3000);
    await cdp.send('Profiler.start');
    const frames = await panFrameTimes(page);
    console.log(`pan frames: ${frames.map((f) => f.toFixed(0)).join(' ')}`);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const loads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map(
        (e) =>
          `${e.startTime.toFixed(0)}-${(e.startTime + e.duration).toFixed(0)} ${e.name.slice(-40)}`,
      ),
  );
  const marks = await page.evaluate(() =>
    performance.getEntriesByType('mark').map((e) => `${e.startTime.toFixed(0)} ${e.name}`),
  );
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const perFn = new Map<string, number>();
  const perUrl = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const x of profile.nodes as (ProfileNode & { children?: number[] })[])
    for (const c of x.children ?? []) parent.set(c, x.id);
  // Per 100 ms of wall time: the busiest app functions (inclusive), to read the sequence.
  const buckets = new Map<number, Map<string, number>>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    if (!f) return;
    const b = Math.floor(t / 100);
    const m = buckets.get(b) ?? new Map<string, number>();
    buckets.set(b, m);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)?.callFrame;
      if (!cf || !/\/src\/|assets\//.test(cf.url) || !cf.functionName) continue;
      const key = `${cf.functionName}@${cf.url.split('/').pop()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      m.set(key, (m.get(key) ?? 0) + dt);
    }
    if (f.functionName === '(idle)') m.set('(idle)', (m.get('(idle)') ?? 0) + dt);
    const url = f.url.split('/').pop() || '(native)';
    const fn = `${f.functionName || '(anon)'} ${url}:${f.lineNumber}`;
    perFn.set(fn, (perFn.get(fn) ?? 0) + dt);
    perUrl.set(url, (perUrl.get(url) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log(`first render: ${firstRender.toFixed(0)} ms`);
  console.log('resources:\n' + loads.join('\n'));
  console.log('marks:\n' + marks.join('\n'));
  for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0]))
    console.log(
      `${b * 100}ms: ${[...m]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
  // Inclusive time of React components (capitalized functions), to see which part renders slowly.
  const comps = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)?.callFrame;
      if (!cf || !/^[A-Z][A-Za-z]+$/.test(cf.functionName) || seen.has(cf.functionName)) continue;
      seen.add(cf.functionName);
      comps.set(cf.functionName, (comps.get(cf.functionName) ?? 0) + dt);
    }
  });
  console.log('components (inclusive):\n' + top(comps, 30).join('\n'));
  console.log('self time per script:\n' + top(perUrl, 15).join('\n'));
  console.log('self time per function:\n' + top(perFn, 40).join('\n'));
} finally {
  await close();
}
