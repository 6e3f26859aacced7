// Cluster-scale benchmark: `kubectl create -f` of a generated 600-stage, 3,000-freight project,
// on the standalone API server (no controller) and on the embedded cluster as `npm start` runs
// it (BFF + API server + embedded Kargo in one process). Times kubectl, then how long the server
// process keeps working afterwards, and its CPU time. Run from the repository root after
// `npm run build` (needs real kubectl and ../shared/kargo-crds):
//   node bench/cluster-scale/bench.mjs [standalone|embedded|both] [--stages N] [--freight N]
//     [--cpu-prof DIR]   (write a V8 CPU profile of the server process into DIR)
//     [--max-seconds S]  (stop kubectl after S seconds and report how far it got)
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLargeProject } from '@wharf/shared/fixtures';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stages: { type: 'string', default: '600' },
    freight: { type: 'string', default: '3000' },
    'cpu-prof': { type: 'string' },
    'max-seconds': { type: 'string', default: '1800' },
  },
});
const which = positionals[0] ?? 'both';
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const crds = resolve(root, '../shared/kargo-crds');
for (const [need, what] of [
  [crds, 'the Kargo CRDs at ../shared/kargo-crds'],
  ['/usr/bin/kubectl', 'kubectl (apt-get install kubernetes-client)'],
  [join(root, 'apps/bff/dist/main.js'), 'a build (npm run build)'],
]) {
  if (!existsSync(need)) {
    console.error(`bench/cluster-scale needs ${what}`);
    process.exit(2);
  }
}

/** The project as a user would write it: spec only, a labelled namespace first. */
function manifest(stages, freight) {
  const p = generateLargeProject({ stages, freight });
  const ns = p.project.metadata.name;
  const clean = (o) => {
    const { status: _status, ...rest } = o;
    const {
      uid: _u,
      resourceVersion: _r,
      creationTimestamp: _c,
      generation: _g,
      ...meta
    } = o.metadata;
    return { ...rest, metadata: meta };
  };
  const docs = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kargo.akuity.io/project': 'true' } },
    },
    clean(p.project),
    ...p.warehouses.map(clean),
    ...p.stages.map(clean),
    ...p.freight.map(clean),
  ];
  // A stream of JSON documents, which kubectl reads like multi-document YAML.
  return { ns, text: docs.map((d) => JSON.stringify(d)).join('\n') };
}

const freePort = () =>
  new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function kubectl(kubeconfig, args, input, timeoutS = 0) {
  return new Promise((res) => {
    const child = execFile(
      '/usr/bin/kubectl',
      args,
      {
        env: { ...process.env, KUBECONFIG: kubeconfig },
        maxBuffer: 64 << 20,
        timeout: timeoutS * 1000,
      },
      (err, stdout, stderr) => res({ code: err ? (err.code ?? 1) : 0, stdout, stderr }),
    );
    // kubectl stopped by --max-seconds no longer reads its input.
    child.stdin.on('error', () => undefined);
    if (input !== undefined) child.stdin.end(input);
  });
}

async function startServer(topology, dir, profDir) {
  const kubeconfig = join(dir, 'kubeconfig');
  const prof = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const port = await freePort();
  const child =
    topology === 'standalone'
      ? spawn(
          process.execPath,
          [
            ...prof,
            join(root, 'packages/apiserver/dist/cli.js'),
            ...['--port', '0', '--data-dir', join(dir, 'cluster'), '--crds', crds],
            ...['--kubeconfig-out', kubeconfig],
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        )
      : spawn(process.execPath, [...prof, join(root, 'apps/bff/dist/main.js')], {
          stdio: ['ignore', 'pipe', 'inherit'],
          env: {
            ...process.env,
            WHARF_EMBEDDED: '1',
            WHARF_SEED_DEMO: '0',
            WHARF_DATA_DIR: dir,
            WHARF_ADMIN_PASSWORD: 'bench-password',
            PORT: String(port),
            HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
          },
        });
  child.stdout.resume();
  const deadline = Date.now() + 60_000;
  const ready =
    topology === 'standalone'
      ? () => existsSync(kubeconfig)
      : async () =>
          existsSync(kubeconfig) &&
          (await fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => r.ok,
            () => false,
          ));
  while (!(await ready())) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${topology} server did not start`);
    await sleep(200);
  }
  await sleep(1000); // let the controller's initial lists settle before timing
  return { child, kubeconfig };
}

/** Waits until the process uses under 10% of a core over a whole second; returns when it did. */
async function settled(pid, since, limitMs = 600_000) {
  let last = cpuSeconds(pid);
  let quietFrom;
  for (;;) {
    await sleep(1000);
    const now = cpuSeconds(pid);
    const busy = now - last > 0.1;
    last = now;
    if (busy) quietFrom = undefined;
    else quietFrom ??= Date.now() - 1000;
    if (quietFrom !== undefined) return (quietFrom - since) / 1000;
    if (Date.now() - since > limitMs) return Infinity;
  }
}

async function run(topology, m) {
  const dir = mkdtempSync(join(tmpdir(), `wharf-scale-${topology}-`));
  const { child, kubeconfig } = await startServer(topology, dir, values['cpu-prof']);
  // Never leave the server running, whatever ends this process.
  const killServer = () => child.kill('SIGKILL');
  process.once('exit', killServer);
  try {
    const load = loadavg()[0].toFixed(1);
    const cpu0 = cpuSeconds(child.pid);
    const t0 = Date.now();
    const maxS = Number(values['max-seconds']);
    const created = await kubectl(kubeconfig, ['create', '-f', '-'], m.text, maxS);
    const kubectlS = (Date.now() - t0) / 1000;
    const cut = kubectlS >= maxS;
    if (created.code !== 0 && !cut)
      throw new Error(`kubectl create failed: ${created.stderr.slice(0, 2000)}`);
    const settledS = cut ? kubectlS : await settled(child.pid, t0);
    const cpuS = cpuSeconds(child.pid) - cpu0;
    const count = async (kind) =>
      (await kubectl(kubeconfig, ['get', kind, '-n', m.ns, '-o', 'name'])).stdout
        .split('\n')
        .filter(Boolean).length;
    const metrics = (await kubectl(kubeconfig, ['get', '--raw', '/metrics'])).stdout;
    const requests = new Map();
    for (const m of metrics.matchAll(/^apiserver_request_total\{(.*)\} (\d+)$/gm)) {
      const label = (k) => new RegExp(`${k}="([^"]*)"`).exec(m[1])?.[1] ?? '';
      const sub = label('subresource');
      const key = `${label('verb')} ${label('resource')}${sub ? `/${sub}` : ''}`;
      requests.set(key, (requests.get(key) ?? 0) + Number(m[2]));
    }
    return {
      cut,
      requests: [...requests]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
      topology,
      kubectlS,
      settledS,
      cpuS,
      stages: await count('stages'),
      freight: await count('freight'),
      loadBefore: load,
      loadAfter: loadavg()[0].toFixed(1),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    process.off('exit', killServer);
    rmSync(dir, { recursive: true, force: true });
  }
}

const m = manifest(Number(values.stages), Number(values.freight));
console.log(
  `${cpus().length} cores, node ${process.version}; manifest ${values.stages} stages, ${values.freight} freight (${(m.text.length / 1e6).toFixed(1)} MB)`,
);
for (const t of which === 'both' ? ['standalone', 'embedded'] : [which]) {
  const r = await run(t, m);
  if (r.cut) console.log(`${r.topology}: kubectl stopped after ${values['max-seconds']} s`);
  console.log(
    `${r.topology}: kubectl create ${r.kubectlS.toFixed(1)} s, settled after ${r.settledS.toFixed(1)} s, server CPU ${r.cpuS.toFixed(1)} s; ${r.stages} stages, ${r.freight} freight; load avg ${r.loadBefore} → ${r.loadAfter}`,
  );
  console.log(`  busiest requests: ${r.requests}`);
}
