// Cockpit benchmark against the real stack: the standalone API server (`wharf-apiserver`, no
// controller) holding many generated projects (generateLargeProject per project, renamed), and
// the BFF in kubeconfig mode with sign-in. Measures global search answers over HTTP (the BFF
// answers from its cache; p50/p95 of sequential queries: freight by alias, commit SHA prefix,
// image tag, stages by name) and the needs-attention page in Chromium (navigation → the frame that
// drew the heading with its count, as the page's Element Timing reports it; see attention-paint.ts). Run after `npm run build`:
//   node bench/cockpit/run.mjs [--projects 100] [--stages 60] [--freight 200] [--queries 200] [--opens 5]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../scale/browser.js';
import { percentile } from '../scale/measure-page.js';
import { coldThenCached } from './attention-paint.js';
import { projectFixture, startCockpitStack } from './stack.js';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '100' },
    stages: { type: 'string', default: '60' },
    freight: { type: 'string', default: '200' },
    queries: { type: 'string', default: '200' },
    opens: { type: 'string', default: '5' },
  },
});
const PROJECTS = Number(values.projects);
const STAGES = Number(values.stages);
const FREIGHT = Number(values.freight);
const SHAPE = { projects: PROJECTS, stages: STAGES, freight: FREIGHT };
const log = (m: string) =>
  console.error(`[cockpit ${new Date().toISOString().slice(11, 19)}] ${m}`);
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

/** Search terms a person types: aliases, commit SHA prefixes, image tags, stage names. */
function queries(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const fx = projectFixture(SHAPE, (i * 37) % PROJECTS);
    const f = fx.freight[(i * 13) % fx.freight.length];
    const s = fx.stages[(i * 7) % fx.stages.length];
    const sha = f?.commits?.[0]?.id?.slice(0, 8);
    const tag = f?.images?.[0]?.tag;
    const pick = [f?.alias, sha, tag, s?.metadata.name].filter((x): x is string => !!x);
    out.push(pick[i % pick.length] ?? 'svc');
  }
  return out;
}

/** fetch, once more when a kept-alive connection was closed under it (no answer was lost). */
async function get(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch {
    return fetch(url, { headers });
  }
}

const { cluster, bff } = await startCockpitStack(SHAPE, log);

try {
  log(`BFF ready in ${bff.readySeconds.toFixed(1)} s, load ${load()}`);
  const headers = { cookie: bff.cookie };
  // Search: sequential, as one person types; the first few warm the prepared texts.
  const qs = queries(Number(values.queries));
  const times: number[] = [];
  const hitsPerQuery: number[] = [];
  for (const [i, q] of qs.entries()) {
    const t0 = performance.now();
    const res = await get(`${bff.url}/api/v1/search?q=${encodeURIComponent(q)}`, headers);
    const body = (await res.json()) as { totals?: Record<string, number>; projects?: number };
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`search ${q}: ${res.status} ${JSON.stringify(body)}`);
    if (i >= 5) times.push(ms);
    hitsPerQuery.push(Object.values(body.totals ?? {}).reduce((a, b) => a + b, 0));
  }
  // The attention snapshot over REST.
  const restTimes: number[] = [];
  let items = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await get(`${bff.url}/api/v1/attention`, headers);
    const body = (await res.json()) as { items: unknown[] };
    restTimes.push(performance.now() - t0);
    items = body.items.length;
  }
  // Needs attention in Chromium: navigation until the heading shows the count.
  const browser = await launchBrowser();
  const paints: number[] = [];
  const cachedPaints: number[] = [];
  // The same opens as Playwright's waitFor saw them (the figure before session 8; see
  // attention-paint.ts for why it lags the paint).
  const polls: number[] = [];
  const cachedPolls: number[] = [];
  // CPU all of Chromium's processes used per open: the work whatever else the machine runs.
  const coldCpus: number[] = [];
  const cachedCpus: number[] = [];
  try {
    for (let i = 0; i < Number(values.opens); i++) {
      const { cold, cached } = await coldThenCached(browser, bff);
      paints.push(cold.ms);
      polls.push(cold.pollMs);
      coldCpus.push(cold.cpuMs);
      cachedPaints.push(cached.ms);
      cachedPolls.push(cached.pollMs);
      cachedCpus.push(cached.cpuMs);
    }
  } finally {
    await browser.close();
  }
  const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
  const result = {
    projects: PROJECTS,
    stagesPerProject: STAGES,
    freightPerProject: FREIGHT,
    cpus: cpus().length,
    loadAverage: load(),
    bffReadySeconds: Number(bff.readySeconds.toFixed(1)),
    bffRssMb: Math.round(bff.memory().rssMb),
    search: {
      queries: times.length,
      p50Ms: Number(f(times, 50)),
      p95Ms: Number(f(times, 95)),
      maxMs: Number(f(times, 100)),
      medianHits: percentile(hitsPerQuery, 50),
    },
    attentionRest: { items, medianMs: Number(f(restTimes, 50)) },
    attentionFirstPaint: {
      opens: paints.length,
      firstMs: Math.round(paints[0] ?? NaN),
      medianMs: Math.round(percentile(paints, 50)),
      maxMs: Math.round(percentile(paints, 100)),
      waitForMedianMs: Math.round(percentile(polls, 50)),
      chromiumCpuMedianMs: Math.round(percentile(coldCpus, 50)),
    },
    attentionFirstPaintScriptsCached: {
      opens: cachedPaints.length,
      medianMs: Math.round(percentile(cachedPaints, 50)),
      maxMs: Math.round(percentile(cachedPaints, 100)),
      waitForMedianMs: Math.round(percentile(cachedPolls, 50)),
      chromiumCpuMedianMs: Math.round(percentile(cachedCpus, 50)),
    },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await bff.stop();
  await cluster.stop();
}
