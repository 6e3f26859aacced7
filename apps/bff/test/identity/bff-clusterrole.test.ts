import { readFile, readdir } from 'node:fs/promises';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleSource } from '../../src/identity/role-directory.js';
import { type TestCluster, startTestCluster } from './support/cluster.js';
import { oidcBrowser } from './support/sign-in.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const RBAC_DIR = new URL('../../../../deploy/rbac/', import.meta.url);
const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

/**
 * Reads ServiceAccounts one project namespace at a time, as the BFF's cache does (a cluster-wide
 * list is not granted).
 */
function perNamespaceRoleSource(kc: KubeConfig, namespaces: string[]): RoleSource {
  const core = kc.makeApiClient(CoreV1Api);
  return {
    serviceAccounts: async () =>
      (
        await Promise.all(
          namespaces.map((namespace) => core.listNamespacedServiceAccount({ namespace })),
        )
      ).flatMap((l) => l.items),
    projectNamespaces: () => Promise.resolve(namespaces),
  };
}

let cluster: TestCluster;
let app: TestApp;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  const core = cluster.kc.makeApiClient(CoreV1Api);
  // Exactly deploy/rbac, in the order `kubectl apply -f deploy/rbac/` takes it.
  for (const file of (await readdir(RBAC_DIR)).filter((f) => f.endsWith('.yaml')).sort())
    await cluster.apply(await readFile(new URL(file, RBAC_DIR), 'utf8'));
  const token = (
    await core.createNamespacedServiceAccountToken({
      name: 'wharf',
      namespace: 'wharf',
      body: { spec: { audiences: [] } },
    })
  ).status?.token;
  // The BFF runs as that ServiceAccount and nothing more.
  const restricted = new KubeConfig();
  const base = cluster.kc.getCurrentCluster();
  if (!base || !token) throw new Error('embedded cluster not ready');
  restricted.loadFromClusterAndUser(base, { name: 'wharf-bff', token });
  app = await startTestApp(
    { ...cluster, kc: restricted },
    { roleSource: perNamespaceRoleSource(restricted, ['demo', 'kargo']) },
  );
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

describe("the BFF's RBAC (deploy/rbac)", () => {
  it('is enough: a BFF holding only it maps an OIDC user and writes a role as that user', async () => {
    const ann = await oidcBrowser(app, 'ann@x.io');
    const me = (await (await ann.api(`${app.url}/api/v1/auth/me`)).json()) as {
      roles: { name: string }[];
    };
    expect(me.roles.map((r) => r.name)).toEqual(['kargo-admin']);
    const res = await ann.api(`${app.url}/api/v1/projects/demo/roles`, 'POST', {
      name: 'made-by-ann',
      rules: [{ resourceType: 'stages', verbs: ['get'] }],
    });
    expect(res.status).toBe(201);
  });

  it('does not let the BFF itself write: a viewer is still refused', async () => {
    const vic = await oidcBrowser(app, 'vic@x.io');
    expect(
      (await vic.api(`${app.url}/api/v1/projects/demo/roles`, 'POST', { name: 'made-by-vic' }))
        .status,
    ).toBe(403);
  });
});
