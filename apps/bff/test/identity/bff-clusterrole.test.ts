import { readFile } from 'node:fs/promises';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { type TestCluster, startTestCluster } from './support/cluster.js';
import { oidcBrowser } from './support/sign-in.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const CLUSTER_ROLE = new URL('../../../../deploy/rbac/clusterrole.yaml', import.meta.url);
const CHART_ROLE = new URL(
  '../../../../deploy/helm/wharf/templates/clusterrole.yaml',
  import.meta.url,
);
const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
}
const rulesOf = (text: string): Rule[] => {
  const docs = parseAllDocuments(text.replace(/\{\{[^}]*\}\}/g, 'x')).map(
    (d) => d.toJS() as { kind?: string; rules?: Rule[] },
  );
  return docs.find((d) => d.kind === 'ClusterRole')?.rules ?? [];
};

let cluster: TestCluster;
let app: TestApp;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  const core = cluster.kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'wharf' } } });
  await core.createNamespacedServiceAccount({
    namespace: 'wharf',
    body: { metadata: { name: 'wharf' } },
  });
  await cluster.apply(await readFile(CLUSTER_ROLE, 'utf8'));
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
  app = await startTestApp({ ...cluster, kc: restricted });
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

describe("the BFF's ClusterRole", () => {
  it('grants no write of its own: only impersonate and creating reviews besides reads', () => {
    return readFile(CLUSTER_ROLE, 'utf8').then((text) => {
      const verbs = new Set(rulesOf(text).flatMap((r) => r.verbs));
      expect([...verbs].sort()).toEqual(['create', 'get', 'impersonate', 'list', 'watch']);
      for (const r of rulesOf(text).filter((x) => x.verbs.includes('create'))) {
        expect(r.resources?.every((res) => res.endsWith('reviews'))).toBe(true);
      }
    });
  });

  it('is granted by the Helm chart too', async () => {
    const chart = rulesOf(await readFile(CHART_ROLE, 'utf8'));
    for (const rule of rulesOf(await readFile(CLUSTER_ROLE, 'utf8')))
      expect(chart).toContainEqual(rule);
  });

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
