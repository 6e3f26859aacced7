import { join } from 'node:path';
import type { Freight, Promotion } from '@wharf/shared';
import { echoServerAppFiles, echoServerProject } from '../../src/demo/echo-server.js';
import { commitFiles } from '../../src/demo/git-seed.js';
import { seedProject, seedRepos } from '../../src/demo/seed-demo.js';
import { makeClients } from '../../src/kube/clients.js';
import { KargoApi } from '../../src/kube/kargo-api.js';
import { type TestCluster, waitFor } from './cluster.js';

export const NS = 'echo-server';

export async function seedEchoServer(c: TestCluster): Promise<string> {
  const gitDir = join(c.dir, 'demo', 'git');
  const project = echoServerProject();
  await seedRepos(gitDir, project);
  await seedProject(c.api, project);
  return gitDir;
}

/** A new tagged release in the app repo, then a warehouse refresh; resolves with the new Freight. */
export async function release(c: TestCluster, gitDir: string, version: string): Promise<Freight> {
  await commitFiles(
    join(gitDir, 'echo-server-app'),
    echoServerAppFiles(version),
    `Release ${version}`,
    version,
  );
  const token = new Date().toISOString();
  await c.api.patch('Warehouse', NS, 'echo-server', {
    metadata: { annotations: { 'kargo.akuity.io/refresh': token } },
  });
  return waitFor(`freight for ${version}`, async () =>
    (await c.api.list<Freight>('Freight', NS)).find((f) => f.commits?.[0]?.tag === version),
  );
}

export async function finished(c: TestCluster, name: string): Promise<Promotion> {
  return waitFor(`promotion ${name} to finish`, async () => {
    const p = await c.api.get<Promotion>('Promotion', NS, name);
    return p?.status?.finishedAt ? p : undefined;
  });
}

export async function promote(
  api: KargoApi,
  stage: string,
  spec: { freight?: string; origin?: { kind: 'Warehouse'; name: string } },
): Promise<Promotion> {
  return api.create<Promotion>('Promotion', {
    metadata: { name: '', generateName: `${stage}.`, namespace: NS },
    spec: { stage, ...spec },
  });
}

/** A client authenticated as a project ServiceAccount (bound token from the TokenRequest API). */
export async function serviceAccountApi(c: TestCluster, sa: string): Promise<KargoApi> {
  const tr = await c.clients.core.createNamespacedServiceAccountToken({
    name: sa,
    namespace: NS,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const token = tr.status?.token ?? '';
  return new KargoApi(makeClients({ url: c.server.url, caPem: c.server.caPem, token }));
}
