// Scale benchmark against the real stack: the standalone API server (`wharf-apiserver`, no
// controller) holding one generated project (generateLargeProject: six warehouses, random stage
// trees, 5 freight per stage), and the BFF in kubeconfig mode with sign-in, as an operator runs
// them. Per size it measures every REST read model (time, bytes sent, bytes decoded), the
// capabilities answer, the socket snapshot (time, bytes on the wire), the page in Chromium (open →
// settled, first click, pan frames, JS heap), the BFF's memory; at the largest size, fan-out of a
// freight change to many sockets. Run from the repository root after `npm run build`:
//   node bench/scale/run.mjs [--sizes 300,600,1500,3000] [--runs 3] [--clients 1000] [--changes 20]
//                            [--no-browser] [--no-fanout] [--fanout-join snapshot|resume]
// WHARF_ROOT=<checkout> measures another checkout's build (e.g. main, for before/after).
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser, measureOpen, type PageRun } from './browser.js';
import { measureFanout, type FanoutResult } from './fanout.js';
import { percentile } from './measure-page.js';
import type { BffProcess } from './bff-process.js';
import { ROOT, startStack } from './stack.js';
import { getTimed, joinTimed, type Transfer } from './wire.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '300,600,1500,3000' },
    runs: { type: 'string', default: '3' },
    clients: { type: 'string', default: '1000' },
    changes: { type: 'string', default: '20' },
    'no-browser': { type: 'boolean', default: false },
    'no-fanout': { type: 'boolean', default: false },
    // resume: one socket per client process takes the snapshot, the others join from its version.
    'fanout-join': { type: 'string', default: 'snapshot' },
  },
});
const sizes = (values.sizes ?? '').split(',').map(Number).filter(Boolean);
const RUNS = Number(values.runs);
const log = (m: string) => console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${m}`);
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const median = (xs: number[]) => percentile(xs, 50);
const CAPS_TIMEOUT_MS = 180_000;

interface ReadModel {
  name: string;
  path: string;
}

interface SizeResult {
  stages: number;
  freight: number;
  bffReadySeconds: number;
  reads: {
    name: string;
    ms: number;
    /** CPU the BFF process spent on the request (10 ms ticks): what the read costs under any load. */
    cpuMs: number;
    wireBytes: number;
    bodyBytes: number;
    encoding: string;
  }[];
  capabilities: Omit<Transfer, 'body'> & { cpuMs: number };
  snapshot: { ms: number; firstMs: number; cpuMs: number; wireBytes: number };
  packedSnapshot: { ms: number; firstMs: number; cpuMs: number; wireBytes: number };
  page?: PageRun;
  /** The last failure opening the page, when a run failed. */
  pageError?: string;
  bffRssMb: number;
  bffPeakRssMb: number;
  load: string[];
}

/** Runs `work`, returning its result and the BFF's CPU milliseconds meanwhile. */
async function withCpu<T>(bff: BffProcess, work: () => Promise<T>): Promise<T & { cpuMs: number }> {
  const before = bff.cpuSeconds();
  const result = await work();
  return { ...result, cpuMs: (bff.cpuSeconds() - before) * 1000 };
}

async function timedRuns(url: string, bff: BffProcess): Promise<SizeResult['reads'][number]> {
  const runs: (Transfer & { cpuMs: number })[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await withCpu(bff, () => getTimed(url, bff.cookie));
    if (t.status !== 200) throw new Error(`GET ${url}: ${t.status} ${t.body.slice(0, 200)}`);
    runs.push(t);
    if (t.ms > 5000) break; // Slow enough that one run says it.
  }
  const last = runs.at(-1) as Transfer;
  return {
    name: '',
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    wireBytes: last.wireBytes,
    bodyBytes: last.bodyBytes,
    encoding: last.encoding,
  };
}

async function measureSize(stages: number, withFanout: boolean) {
  const freight = stages * 5;
  const loads = [load()];
  const stack = await startStack(stages, log);
  const { cluster, bff } = stack;
  const bffReadySeconds = bff.readySeconds;
  const p = cluster.project;
  log(`${stages} stages: BFF ready in ${bffReadySeconds.toFixed(1)} s`);
  try {
    const api = `${bff.url}/api/v1/projects/${p}`;
    const stageList = JSON.parse((await getTimed(`${api}/stages`, bff.cookie)).body) as {
      items: { name: string }[];
    };
    const someStage = stageList.items.at(-1)?.name ?? '';
    const models: ReadModel[] = [
      { name: 'projects', path: `${bff.url}/api/v1/projects` },
      { name: 'graph', path: `${api}/graph` },
      { name: 'stages', path: `${api}/stages` },
      { name: 'warehouses', path: `${api}/warehouses` },
      { name: 'freight (first page)', path: `${api}/freight?limit=20` },
      { name: 'freight for a stage (promote picker)', path: `${api}/freight?stage=${someStage}` },
      { name: 'promotions', path: `${api}/promotions` },
      { name: 'events', path: `${api}/events` },
    ];
    const reads: SizeResult['reads'] = [];
    for (const m of models) {
      reads.push({ ...(await timedRuns(m.path, bff)), name: m.name });
      log(`${stages}: ${m.name} ${reads.at(-1)?.ms.toFixed(0)} ms`);
    }
    const timedJoins = async (encoding?: 'gzip') => {
      const joins = [];
      for (let i = 0; i < RUNS; i++)
        joins.push(
          await withCpu(bff, () =>
            joinTimed(bff.port, bff.cookie, p, encoding).catch((err: unknown) => {
              log(`${stages}: join failed: ${String(err)}`);
              return { ms: Infinity, wireBytes: 0 };
            }),
          ),
        );
      return {
        ms: median(joins.map((j) => j.ms)),
        // The first join at this version compresses the snapshot; later ones reuse it.
        firstMs: joins[0]?.ms ?? NaN,
        cpuMs: median(joins.map((j) => j.cpuMs)),
        wireBytes: median(joins.map((j) => j.wireBytes)),
      };
    };
    const snapshot = await timedJoins();
    log(`${stages}: snapshot ${snapshot.ms.toFixed(0)} ms, ${snapshot.wireBytes} bytes`);
    const packedSnapshot = await timedJoins('gzip');
    log(
      `${stages}: packed snapshot ${packedSnapshot.ms.toFixed(0)} ms (first ${packedSnapshot.firstMs.toFixed(0)} ms)`,
    );
    loads.push(load());
    let page: PageRun | undefined;
    let pageError: string | undefined;
    if (!values['no-browser']) {
      const browser = await launchBrowser();
      try {
        const runs: PageRun[] = [];
        for (let i = 0; i < RUNS; i++) {
          try {
            runs.push(await measureOpen(browser, bff.url, bff.cookie, p));
            log(`${stages}: page settled in ${runs.at(-1)?.settledMs.toFixed(0)} ms`);
          } catch (err) {
            pageError = err instanceof Error ? err.message.split('\n')[0] : String(err);
            log(`${stages}: page failed: ${pageError}`);
          }
        }
        const m = (k: Exclude<keyof PageRun, 'error'>) => median(runs.map((r) => r[k]));
        if (runs.length > 0)
          page = {
            settledMs: m('settledMs'),
            openMs: m('openMs'),
            openCallMs: m('openCallMs'),
            interactiveMs: m('interactiveMs'),
            frameP50: m('frameP50'),
            frameP95: m('frameP95'),
            heapMb: m('heapMb'),
            layoutMs: m('layoutMs'),
            chromiumCpuMs: m('chromiumCpuMs'),
          };
      } finally {
        await browser.close();
      }
      loads.push(load());
    }
    // Capabilities: capped so the bench always finishes, whatever permissions cost.
    const capabilities = await withCpu(bff, () =>
      getTimed(`${api}/capabilities`, bff.cookie, CAPS_TIMEOUT_MS).then(
        ({ body: _body, ...t }) => t,
        () => ({ ms: Infinity, wireBytes: 0, bodyBytes: 0, status: 0, encoding: '' }),
      ),
    );
    log(`${stages}: capabilities ${capabilities.ms.toFixed(0)} ms`);
    const mem = bff.memory();
    let fanout: FanoutResult | undefined;
    if (withFanout) {
      fanout = await measureFanout({
        cluster,
        bff,
        clients: Number(values.clients),
        changes: Number(values.changes),
        gapMs: 500,
        join: values['fanout-join'] === 'resume' ? 'resume' : 'snapshot',
        log,
      });
      loads.push(load());
    }
    const result: SizeResult = {
      stages,
      freight,
      bffReadySeconds,
      reads,
      capabilities,
      snapshot,
      packedSnapshot,
      ...(page ? { page } : {}),
      ...(pageError ? { pageError } : {}),
      bffRssMb: mem.rssMb,
      bffPeakRssMb: mem.peakRssMb,
      load: loads,
    };
    return { result, fanout };
  } finally {
    await stack.stop();
  }
}

const kb = (b: number) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} KB`);
const ms = (x: number) =>
  x === Infinity
    ? `> ${CAPS_TIMEOUT_MS / 1000} s`
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : `${x.toFixed(0)} ms`;

const results: SizeResult[] = [];
let fanout: FanoutResult | undefined;
const largest = Math.max(...sizes);
for (const n of sizes) {
  const r = await measureSize(n, n === largest && !values['no-fanout']);
  results.push(r.result);
  fanout ??= r.fanout;
}

const out: string[] = [];
out.push(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; build measured: ${ROOT}; runs per figure: ${RUNS} (median)`,
);
out.push(
  '',
  '### Read models (time to last byte (BFF CPU spent on it); bytes sent / bytes decoded)',
  '',
);
out.push(`| read model | ${results.map((r) => `${r.stages} st / ${r.freight} fr`).join(' | ')} |`);
out.push(`|---|${results.map(() => '---').join('|')}|`);
const names = results[0]?.reads.map((r) => r.name) ?? [];
for (const name of names)
  out.push(
    `| ${name} | ${results
      .map((r) => {
        const x = r.reads.find((y) => y.name === name);
        return x ? `${ms(x.ms)} (${ms(x.cpuMs)}) · ${kb(x.wireBytes)} / ${kb(x.bodyBytes)}` : '-';
      })
      .join(' | ')} |`,
  );
out.push(
  `| capabilities (admin) | ${results.map((r) => `${ms(r.capabilities.ms)} (${ms(r.capabilities.cpuMs)}) · ${kb(r.capabilities.wireBytes)}`).join(' | ')} |`,
);
out.push(
  `| socket snapshot (join → ack; bytes on the wire) | ${results.map((r) => `${ms(r.snapshot.ms)} (${ms(r.snapshot.cpuMs)}) · ${kb(r.snapshot.wireBytes)}`).join(' | ')} |`,
);
out.push(
  `| socket snapshot packed, as the web app asks (first join at the version: compresses it) | ${results.map((r) => `${ms(r.packedSnapshot.ms)} (${ms(r.packedSnapshot.cpuMs)}; first ${ms(r.packedSnapshot.firstMs)}) · ${kb(r.packedSnapshot.wireBytes)}`).join(' | ')} |`,
);
out.push('', '### Page and memory', '');
out.push(
  '| stages | freight | open from the projects list: click → settled (from the bench call) | cold load → settled (Chromium CPU) | cold load → first click answered | first layout | pan frame p50 / p95 | JS heap | BFF RSS (peak) | BFF ready | load avg during |',
);
out.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results)
  out.push(
    `| ${r.stages} | ${r.freight} | ${r.page ? `${ms(r.page.openMs)} (${ms(r.page.openCallMs)})` : `failed: ${r.pageError ?? '-'}`} | ${r.page ? `${ms(r.page.settledMs)} (${ms(r.page.chromiumCpuMs)})` : '-'} | ${r.page ? ms(r.page.interactiveMs) : '-'} | ${r.page ? ms(r.page.layoutMs) : '-'} | ${r.page ? `${r.page.frameP50.toFixed(1)} / ${r.page.frameP95.toFixed(1)} ms` : '-'} | ${r.page ? `${r.page.heapMb.toFixed(0)} MB` : '-'} | ${r.bffRssMb.toFixed(0)} MB (${r.bffPeakRssMb.toFixed(0)} MB) | ${r.bffReadySeconds.toFixed(1)} s | ${r.load.join(' → ')} |`,
  );
if (fanout) {
  out.push('', `### Fan-out at ${largest} stages`, '');
  out.push(
    `${fanout.clients} sockets joined (${fanout.join === 'resume' ? 'one snapshot per client process, the rest resumed from its version' : 'each with a snapshot'}) in ${fanout.joinSeconds.toFixed(1)} s; ${fanout.changes} freight changes (one every 500 ms): delivered ${fanout.delivered}/${fanout.expected} (missing: ${fanout.missing.superseded} superseded by a later change in the same delta, ${fanout.missing.lost} lost; changes received per client ${fanout.deltasPerClient.min}–${fanout.deltasPerClient.max}); latency p50 ${ms(fanout.latencyMs.p50)}, p95 ${ms(fanout.latencyMs.p95)}, p99 ${ms(fanout.latencyMs.p99)}, max ${ms(fanout.latencyMs.max)}; BFF CPU during the changes ${fanout.bffCpuSeconds.toFixed(2)} s; BFF RSS with ${fanout.clients} sockets ${fanout.bffRssMb.toFixed(0)} MB`,
  );
}
console.log(out.join('\n'));
console.log(
  `\n<details><summary>raw</summary>\n\n${JSON.stringify({ results, fanout })}\n</details>`,
);
