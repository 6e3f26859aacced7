/// <reference lib="dom" />
// Two builds of the web app, back to back on one stack: Needs attention's first paint (cold and
// scripts cached) and the CPU all of Chromium's processes used for it, alternating A and B so
// the machine's load hits both alike. `npm run build` first, then from the root:
//   A=path/to/dist-a B=apps/web/dist OPENS=8 node bench/run-ts.mjs cockpit/ab-paint
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchBrowser } from '../scale/browser.js';
import { startBff } from '../scale/bff-process.js';
import { percentile } from '../scale/measure-page.js';
import { ROOT } from '../scale/stack.js';
import { startCockpitStack } from './stack.js';
import { coldThenCached } from './attention-paint.js';

const shape = {
  projects: Number(process.env.PROJECTS ?? 100),
  stages: Number(process.env.STAGES ?? 60),
  freight: Number(process.env.FREIGHT ?? 200),
};
const dists = { A: process.env.A ?? '', B: process.env.B ?? 'apps/web/dist' };
const { cluster, bff } = await startCockpitStack(shape, (m) => console.error(m));
const other = await startBff({
  root: ROOT,
  kubeconfig: cluster.kubeconfig,
  webDist: resolve(dists.A),
});
const bffs = { A: other, B: bff };
const browser = await launchBrowser();
type Runs = {
  cold: number[];
  cached: number[];
  coldPoll: number[];
  coldCpu: number[];
  cachedCpu: number[];
};
const runs: Record<'A' | 'B', Runs> = {
  A: { cold: [], cached: [], coldPoll: [], coldCpu: [], cachedCpu: [] },
  B: { cold: [], cached: [], coldPoll: [], coldCpu: [], cachedCpu: [] },
};
const loads: number[] = [];
try {
  for (let i = 0; i < Number(process.env.OPENS ?? 6); i++) {
    for (const which of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
      const { cold, cached } = await coldThenCached(browser, bffs[which]);
      runs[which].cold.push(cold.ms);
      runs[which].coldPoll.push(cold.pollMs);
      runs[which].coldCpu.push(cold.cpuMs);
      runs[which].cached.push(cached.ms);
      runs[which].cachedCpu.push(cached.cpuMs);
      loads.push(loadavg()[0] ?? NaN);
    }
  }
} finally {
  await browser.close();
  await other.stop();
  await bff.stop();
  await cluster.stop();
}
const med = (xs: number[]) => Math.round(percentile(xs, 50));
for (const which of ['A', 'B'] as const) {
  const r = runs[which];
  console.log(
    `${which} (${dists[which]}): cold median ${med(r.cold)} ms (waitFor ${med(r.coldPoll)} ms, CPU ${med(r.coldCpu)} ms), cached ${med(r.cached)} ms (CPU ${med(r.cachedCpu)} ms); cold ${r.cold.map(Math.round).join(' ')}`,
  );
}
console.log(
  `load average during the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
);
