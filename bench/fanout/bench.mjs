// Fan-out benchmark: 1,000 socket.io clients in one project room, 200 stage changes made through
// the Kubernetes API; measures change→client delivery latency, upstream watches, BFF CPU and RSS.
// Run from the repository root after `npm run build` (needs ../shared/kargo-crds):
//   node bench/fanout/bench.mjs [clients=1000] [changes=200]
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLIENTS = Number(process.argv[2] ?? 1000);
const CHANGES = Number(process.argv[3] ?? 200);
const STAGES = 20;
const GAP_MS = 50;
const NS = 'fanout';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const crds = resolve(root, '../shared/kargo-crds');
if (!existsSync(crds)) {
  console.error(
    'bench/fanout needs the Kargo CRDs at ../shared/kargo-crds (relative to the repository root)',
  );
  process.exit(2);
}
const bffRequire = createRequire(join(root, 'apps/bff/package.json'));
const { KubeConfig } = bffRequire('@kubernetes/client-node');
const { startApiServer } = await import(join(root, 'packages/apiserver/dist/index.js'));
const { KubeClient } = await import(join(root, 'apps/bff/dist/kube/kube-client.js'));

const dir = mkdtempSync(join(tmpdir(), 'wharf-fanout-'));
const kubeconfigPath = join(dir, 'kubeconfig');
const api = await startApiServer({
  dataDir: join(dir, 'cluster'),
  host: '127.0.0.1',
  port: 0,
  crdDirs: [crds],
  kubeconfigOut: kubeconfigPath,
});
const kc = new KubeConfig();
kc.loadFromString(api.kubeconfigYaml());
const k = new KubeClient(kc);
const kargo = (plural, name) =>
  `/apis/kargo.akuity.io/v1alpha1/namespaces/${NS}/${plural}${name ? `/${name}` : ''}`;

// One warehouse feeding a chain of STAGES stages.
await k.create('/api/v1/namespaces', {
  metadata: { name: NS, labels: { 'kargo.akuity.io/project': 'true' } },
});
await k.create('/apis/kargo.akuity.io/v1alpha1/projects', {
  apiVersion: 'kargo.akuity.io/v1alpha1',
  kind: 'Project',
  metadata: { name: NS },
});
await k.create(kargo('warehouses'), {
  apiVersion: 'kargo.akuity.io/v1alpha1',
  kind: 'Warehouse',
  metadata: { name: 'app' },
  spec: { subscriptions: [{ image: { repoURL: 'ghcr.io/example/app' } }] },
});
for (let i = 0; i < STAGES; i++) {
  const sources = i === 0 ? { direct: true } : { stages: [`stage-${i - 1}`] };
  await k.create(kargo('stages'), {
    apiVersion: 'kargo.akuity.io/v1alpha1',
    kind: 'Stage',
    metadata: { name: `stage-${i}` },
    spec: {
      requestedFreight: [{ origin: { kind: 'Warehouse', name: 'app' }, sources }],
      promotionTemplate: { spec: { steps: [{ uses: 'fake-step' }] } },
    },
  });
}

const child = fork(join(root, 'bench/fanout/bff-child.mjs'), {
  env: { ...process.env, KUBECONFIG_PATH: kubeconfigPath },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const fromChild = (type) =>
  new Promise((res) =>
    child.on('message', function on(m) {
      if (m.type === type) {
        child.off('message', on);
        res(m);
      }
    }),
  );
const { url } = await fromChild('ready');
const log = (m) => console.error(`[fanout] ${m}`);
log(`BFF at ${url}`);

// Clients live in WORKERS processes; every time is on the shared clock (timeOrigin + now).
const WORKERS = 2;
const clock = () => performance.timeOrigin + performance.now();
const sent = new Map(); // stage resourceVersion → time the change was sent
const workers = Array.from({ length: WORKERS }, (_, w) => {
  const share = Math.floor(CLIENTS / WORKERS) + (w < CLIENTS % WORKERS ? 1 : 0);
  return fork(join(root, 'bench/fanout/clients-child.mjs'), [url, NS, String(share)]);
});
const fromWorker = (wk, type) =>
  new Promise((res) =>
    wk.on('message', function on(m) {
      if (m.type === type) {
        wk.off('message', on);
        res(m);
      }
    }),
  );
await Promise.all(workers.map((wk) => fromWorker(wk, 'joined')));
log(`${CLIENTS} clients joined`);
child.send('mark');
await fromChild('marked');
const started = performance.now();
for (let i = 0; i < CHANGES; i++) {
  const stage = `stage-${i % STAGES}`;
  const t = clock();
  const res = await k.mergePatch(kargo('stages', stage), {
    metadata: { annotations: { 'bench/seq': String(i) } },
  });
  sent.set(res.metadata.resourceVersion, t);
  const next = started + (i + 1) * GAP_MS;
  await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
}
log(`${CHANGES} changes sent`);
const expected = CHANGES * CLIENTS;
// Give the last deltas time to arrive, then collect what every worker saw.
await new Promise((r) => setTimeout(r, 3000));
const collected = await Promise.all(
  workers.map((wk) => {
    const p = fromWorker(wk, 'arrivals');
    wk.send('collect');
    return p;
  }),
);
const arrivals = collected.flatMap((c) => c.arrivals);
const messages = collected.reduce((n, c) => n + c.messages, 0);
const latencies = arrivals.flatMap(([rv, t]) => (sent.has(rv) ? [t - sent.get(rv)] : []));
// Per change, the first client to get it: API server → watch → BFF → one socket, without the
// queueing of 1,000 clients' decoding on a shared machine.
const firstByRv = new Map();
for (const [rv, t] of arrivals)
  if (sent.has(rv)) firstByRv.set(rv, Math.min(firstByRv.get(rv) ?? Infinity, t));
const firsts = [...firstByRv].map(([rv, t]) => t - sent.get(rv)).sort((a, b) => a - b);
child.send('report');
const report = await fromChild('report');

// Independent count: TCP connections the BFF process holds to the API server's port.
function connectionsTo(pid, port) {
  const inodes = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // The descriptor closed while we were listing; it is not a connection any more.
    }
  }
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((f) => (existsSync(f) ? readFileSync(f, 'utf8').trim().split('\n').slice(1) : []))
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2]?.endsWith(`:${portHex}`) && c[3] === '01' && inodes.has(c[9])).length;
}
const upstreamConnections = connectionsTo(child.pid, api.port);

latencies.sort((a, b) => a - b);
const pctOf = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]?.toFixed(1);
const pct = (p) => pctOf(latencies, p);
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify(
    {
      clients: CLIENTS,
      changes: CHANGES,
      deliveries: `${latencies.length}/${expected}`,
      socketMessages: messages,
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: latencies.at(-1)?.toFixed(1) },
      firstClientLatencyMs: {
        p50: pctOf(firsts, 50),
        p95: pctOf(firsts, 95),
        p99: pctOf(firsts, 99),
      },
      upstreamWatchesGauge: report.watchesByGauge,
      upstreamConnections,
      bffCpuPercentOfOneCore: ((report.cpuMs / 1000 / seconds) * 100).toFixed(1),
      bffCpuSeconds: (report.cpuMs / 1000).toFixed(2),
      bffPeakRssMb: (report.maxRssKb / 1024).toFixed(0),
      machine: `${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`,
    },
    null,
    2,
  ),
);

workers.forEach((wk) => wk.kill());
child.send('stop');
await new Promise((r) => child.on('exit', r));
await api.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
