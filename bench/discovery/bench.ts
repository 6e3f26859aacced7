// Discovery time of an image Warehouse on a repository with 1,000 tags: Debian's distribution
// registry on loopback (TLS), the embedded API server and Wharf's embedded Kargo controllers.
//   node bench/discovery/run.mjs [tags=1000]
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '@wharf/apiserver';
import { startControllers } from '@wharf/controller';
import type { Warehouse } from '@wharf/shared';
import { startRegistry } from '@wharf/test-support';

const TAGS = Number(process.argv[2] ?? 1000);
const NS = 'bench';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const registry = await startRegistry();
const dir = await mkdtemp(join(tmpdir(), 'wharf-discovery-bench-'));
const t0 = Date.now();
await registry.pushImage('app', 'base', { created: new Date('2026-01-01T00:00:00Z') });
const versions = Array.from({ length: TAGS }, (_, i) => `1.${Math.floor(i / 100)}.${i % 100}`);
await registry.retag('app', 'base', versions);
console.log(`pushed ${TAGS} tags in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const server = await startApiServer({ dataDir: join(dir, 'cluster'), port: 0, host: '127.0.0.1' });
const controllers = await startControllers(server, dir, quiet, { minWarehouseIntervalMs: 1000 });
const api = controllers.api;
await api.create('Project', { metadata: { name: NS } });

async function timeDiscovery(name: string, image: Record<string, unknown>): Promise<number[]> {
  const started = Date.now();
  await api.create('Warehouse', {
    metadata: { name, namespace: NS },
    spec: {
      interval: '1h',
      freightCreationPolicy: 'Manual',
      subscriptions: [
        { image: { repoURL: `${registry.host}/app`, insecureSkipTLSVerify: true, ...image } },
      ],
    },
  });
  const done = async (refresh?: string) => {
    for (;;) {
      const w = await api.get<Warehouse>('Warehouse', NS, name);
      const h = w?.status?.conditions?.find((c) => c.type === 'Healthy');
      const handled = !refresh || w?.status?.lastHandledRefresh === refresh;
      if (handled && h && h.status !== 'Unknown' && w?.status?.discoveredArtifacts) {
        if (h.status !== 'True') throw new Error(`${name}: ${h.message ?? ''}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await done();
  const cold = Date.now() - started;
  const token = new Date().toISOString();
  const again = Date.now();
  await api.patch('Warehouse', NS, name, {
    metadata: { annotations: { 'kargo.akuity.io/refresh': token } },
  });
  await done(token);
  return [cold, Date.now() - again];
}

const cases: [string, Record<string, unknown>][] = [
  ['semver', { discoveryLimit: 20 }],
  ['semver-constraint', { constraint: '^1.9.0', discoveryLimit: 20 }],
  ['lexical', { imageSelectionStrategy: 'Lexical', discoveryLimit: 20 }],
  ['newest-build', { imageSelectionStrategy: 'NewestBuild', discoveryLimit: 20 }],
];
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  '| Strategy (1,000 tags, discoveryLimit 20) | First discovery | Refresh (digest cache warm) |',
);
console.log('| --- | --- | --- |');
for (const [name, image] of cases) {
  const [cold, warm] = await timeDiscovery(name, image);
  console.log(
    `| ${name} | ${((cold ?? 0) / 1000).toFixed(2)} s | ${((warm ?? 0) / 1000).toFixed(2)} s |`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await controllers.stop();
await server.close();
await registry.close();
await rm(dir, { recursive: true, force: true });
