// Embedded API server benchmark: list 5,000 Freight, 100 watchers receiving one change,
// 1,000 sequential writes. Run from the repository root after `npm run build`:
//   node bench/apiserver/bench.mjs
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const crds = resolve(root, '../shared/kargo-crds');
if (!existsSync(crds)) {
  console.error(
    'bench/apiserver needs the Kargo CRDs at ../shared/kargo-crds (relative to the repository root)',
  );
  process.exit(2);
}
const { startApiServer } = await import(join(root, 'packages/apiserver/dist/index.js'));

const dir = mkdtempSync(join(tmpdir(), 'wharf-apiserver-bench-'));
const server = await startApiServer({ dataDir: dir, port: 0, crdDirs: [crds] });
const agent = new Agent({ keepAlive: true, maxSockets: 64, ca: server.caPem });
// Watches hold their connection open: one socket each.
const watchAgent = new Agent({ maxSockets: Infinity, ca: server.caPem });

function call(method, path, body, contentType = 'application/json') {
  return new Promise((res, rej) => {
    const req = request(
      `${server.url}${path}`,
      {
        method,
        agent,
        headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': contentType },
      },
      (r) => {
        const chunks = [];
        r.on('data', (d) => chunks.push(d));
        r.on('end', () => {
          const buf = Buffer.concat(chunks);
          if ((r.statusCode ?? 0) >= 300)
            rej(new Error(`${method} ${path}: ${r.statusCode} ${buf}`));
          else res({ bytes: buf.length, json: JSON.parse(buf.toString()) });
        });
      },
    );
    req.on('error', rej);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const F = '/apis/kargo.akuity.io/v1alpha1/namespaces/bench/freights';
const results = {};

await call('POST', '/api/v1/namespaces', { metadata: { name: 'bench' } });

// 5,000 Freight, created 16 at a time.
let t = process.hrtime.bigint();
for (let i = 0; i < 5000; i += 16) {
  await Promise.all(
    Array.from({ length: Math.min(16, 5000 - i) }, (_, j) =>
      call('POST', F, {
        apiVersion: 'kargo.akuity.io/v1alpha1',
        kind: 'Freight',
        metadata: {
          name: `f-${String(i + j).padStart(5, '0')}`,
          labels: { 'kargo.akuity.io/alias': `alias-${i + j}` },
        },
        alias: `alias-${i + j}`,
        origin: { kind: 'Warehouse', name: 'images' },
        images: [
          {
            repoURL: 'ghcr.io/example/app',
            tag: `1.0.${i + j}`,
            digest: `sha256:${String(i + j).padStart(64, '0')}`,
          },
        ],
        commits: [
          {
            repoURL: 'https://github.com/example/deploy',
            id: `${String(i + j).padStart(40, '0')}`,
            branch: 'main',
          },
        ],
      }),
    ),
  );
}
results.create5000 = { totalMs: ms(t), perSecond: 5000 / (ms(t) / 1000) };

const listTimes = [];
let listBytes = 0;
for (let i = 0; i < 5; i++) {
  t = process.hrtime.bigint();
  const r = await call('GET', F);
  listTimes.push(ms(t));
  listBytes = r.bytes;
  if (r.json.items.length !== 5000) throw new Error(`list returned ${r.json.items.length}`);
}
results.list5000 = { medianMs: median(listTimes), minMs: Math.min(...listTimes), bytes: listBytes };

// 100 watchers, one change.
const rv = (await call('GET', `${F}?limit=1`)).json.metadata.resourceVersion;
const watchers = [];
const received = [];
let changedAt = 0n;
await Promise.all(
  Array.from(
    { length: 100 },
    () =>
      new Promise((res) => {
        const req = request(
          `${server.url}${F}?watch=true&resourceVersion=${rv}`,
          { agent: watchAgent, headers: { Authorization: `Bearer ${server.adminToken}` } },
          (r) => {
            res();
            let buf = '';
            r.on('data', (d) => {
              buf += d.toString();
              if (buf.includes('"MODIFIED"')) {
                received.push(ms(changedAt));
                buf = '';
              }
            });
          },
        );
        req.end();
        watchers.push(req);
      }),
  ),
);
await new Promise((r) => setTimeout(r, 200));
changedAt = process.hrtime.bigint();
await call(
  'PATCH',
  `${F}/f-00042`,
  { metadata: { labels: { touched: 'yes' } } },
  'application/merge-patch+json',
);
while (received.length < 100) await new Promise((r) => setTimeout(r, 1));
results.watch100 = { p50Ms: median(received), maxMs: Math.max(...received) };
for (const w of watchers) w.destroy();

// 1,000 writes in a row, each awaited (each one fsync'd before its response).
const writeTimes = [];
t = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) {
  const w = process.hrtime.bigint();
  await call('POST', '/api/v1/namespaces/bench/configmaps', {
    metadata: { name: `cm-${i}` },
    data: { i: String(i) },
  });
  writeTimes.push(ms(w));
}
results.writes1000 = { totalMs: ms(t), meanMs: ms(t) / 1000, p99Ms: pct(writeTimes, 0.99) };

await server.close();
rmSync(dir, { recursive: true, force: true });
agent.destroy();
watchAgent.destroy();
console.log(
  JSON.stringify(
    { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, ...results },
    null,
    2,
  ),
);
