import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { percentile } from './measure-page.js';
import type { BffProcess } from './bff-process.js';
import type { Cluster } from './cluster.js';

const CLIENT_SCRIPT = join(process.env.WHARF_BENCH_DIR ?? 'bench', 'scale/fanout-clients.mjs');

export interface FanoutResult {
  clients: number;
  join: 'snapshot' | 'resume';
  changes: number;
  delivered: number;
  expected: number;
  /**
   * (change, client) pairs never delivered, by why: `superseded` when a later change of the same
   * freight reached that client (the room folded both into one delta, which carries only the
   * newer state: by design), `lost` when none did (a bug).
   */
  missing: { superseded: number; lost: number };
  /** How many of the changes each client received (one delta each). */
  deltasPerClient: { min: number; max: number };
  joinSeconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  bffCpuSeconds: number;
  bffRssMb: number;
}

function next(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    child.on('message', function on(m: Record<string, unknown>) {
      if (m.type === type) {
        child.off('message', on);
        resolve(m);
      }
    }),
  );
}

/**
 * `clients` sockets join the project; then `changes` freight changes (an alias each, as a person
 * renaming freight) go through the Kubernetes API one every `gapMs`. Latency: from just before
 * the PATCH until a client holds the freight's new resourceVersion; one clock for all processes.
 */
export async function measureFanout(opts: {
  cluster: Cluster;
  bff: BffProcess;
  clients: number;
  changes: number;
  gapMs: number;
  /** `resume`: one socket per worker takes the snapshot, the rest join from its version. */
  join: 'snapshot' | 'resume';
  log: (m: string) => void;
}): Promise<FanoutResult> {
  const { cluster, bff, log } = opts;
  const freightPath = `/apis/kargo.akuity.io/v1alpha1/namespaces/${cluster.project}/freights`;
  const list = (await cluster.client.send('GET', `${freightPath}?limit=1`)) as {
    items: { metadata: { name: string } }[];
  };
  const target = list.items[0]?.metadata.name;
  if (!target) throw new Error('no freight to change');
  const WORKERS = 2;
  const t0 = performance.now();
  const workers = Array.from({ length: WORKERS }, (_, w) => {
    const share = Math.floor(opts.clients / WORKERS) + (w < opts.clients % WORKERS ? 1 : 0);
    return fork(CLIENT_SCRIPT, [bff.url, cluster.project, String(share), bff.cookie, opts.join], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  });
  let joined = 0;
  const seen = workers.map(() => 0);
  workers.forEach((wk, i) =>
    wk.on('message', (m: { type: string; joined?: number }) => {
      if (m.type !== 'progress') return;
      seen[i] = m.joined ?? 0;
      const total = seen.reduce((a, b) => a + b, 0);
      if (total - joined >= 200) log(`${(joined = total)} clients joined`);
    }),
  );
  await Promise.all(workers.map((wk) => next(wk, 'joined')));
  const joinSeconds = (performance.now() - t0) / 1000;
  log(`${opts.clients} clients joined in ${joinSeconds.toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 2000));
  const cpu0 = bff.cpuSeconds();
  const sent = new Map<string, number>();
  const started = performance.now();
  for (let i = 0; i < opts.changes; i++) {
    const alias = `bench-${Date.now().toString(36)}-${i}`;
    const t = performance.timeOrigin + performance.now();
    const res = (await cluster.client.mergePatch(`${freightPath}/${target}`, {
      metadata: { labels: { 'kargo.akuity.io/alias': alias } },
      alias,
    })) as { metadata: { resourceVersion: string } };
    sent.set(res.metadata.resourceVersion, t);
    const due = started + (i + 1) * opts.gapMs;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const collected = await Promise.all(
    workers.map((wk) => {
      const p = next(wk, 'arrivals');
      wk.send('collect');
      return p;
    }),
  );
  const cpu = bff.cpuSeconds() - cpu0;
  workers.forEach((wk) => wk.kill());
  const arrivals = collected.flatMap((c, w) =>
    (c.arrivals as [number, string, number][]).map(
      ([client, rv, t]) => [`${w}/${client}`, rv, t] as const,
    ),
  );
  const latencies = arrivals
    .flatMap(([, rv, t]) => {
      const s = sent.get(rv);
      return s === undefined ? [] : [t - s];
    })
    .sort((a, b) => a - b);
  // Per client: which changes arrived. A missing change whose next change (in PATCH order)
  // arrived is superseded: the client holds the newer state, as coalescing intends.
  const order = [...sent.keys()];
  const byClient = new Map<string, Set<string>>();
  for (const [client, rv] of arrivals) {
    let got = byClient.get(client);
    if (!got) byClient.set(client, (got = new Set()));
    got.add(rv);
  }
  const missing = { superseded: 0, lost: 0 };
  const deltaCounts: number[] = [];
  for (const got of byClient.values()) {
    deltaCounts.push(got.size);
    order.forEach((rv, i) => {
      if (got.has(rv)) return;
      if (order.slice(i + 1).some((later) => got.has(later))) missing.superseded += 1;
      else missing.lost += 1;
    });
  }
  // Clients that received nothing at all lost every change.
  missing.lost += (opts.clients - byClient.size) * order.length;
  return {
    clients: opts.clients,
    join: opts.join,
    changes: opts.changes,
    delivered: latencies.length,
    expected: opts.clients * opts.changes,
    missing,
    deltasPerClient: {
      min: deltaCounts.length ? Math.min(...deltaCounts) : 0,
      max: deltaCounts.length ? Math.max(...deltaCounts) : 0,
    },
    joinSeconds,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
    },
    bffCpuSeconds: cpu,
    bffRssMb: bff.memory().rssMb,
  };
}
