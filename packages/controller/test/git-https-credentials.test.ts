import type { Freight, Promotion, Stage, Warehouse } from '@wharf/shared';
import { startGitServer, type GitServer } from '@wharf/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';

// nginx, git-http-backend and the API server on a shared 2-core machine: allow for load.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const NS = 'gitops-https';
// Kargo's SHARED_RESOURCES_NAMESPACE, set to something other than its default.
const SHARED = 'platform-credentials';
let c: TestCluster;
let server: GitServer;
let appRepo: string;
let gitopsRepo: string;

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function putGitSecret(
  name: string,
  data: Record<string, string>,
  namespace = NS,
): Promise<void> {
  const body = {
    metadata: { name, namespace, labels: { 'kargo.akuity.io/cred-type': 'git' } },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  };
  await c.clients.core.deleteNamespacedSecret({ name, namespace }).catch(() => undefined);
  await c.clients.core.createNamespacedSecret({ namespace, body });
}

const healthMessage = async () => {
  const w = await c.api.get<Warehouse>('Warehouse', NS, 'app');
  return w?.status?.conditions?.find((x) => x.type === 'Healthy');
};

async function refreshWarehouse(): Promise<string> {
  const token = new Date().toISOString();
  await c.api.patch('Warehouse', NS, 'app', {
    metadata: { annotations: { 'kargo.akuity.io/refresh': token } },
  });
  return token;
}

async function promoteAndFinish(freight: string): Promise<Promotion> {
  const p = await c.api.create<Promotion>('Promotion', {
    metadata: { name: '', generateName: 'development.', namespace: NS },
    spec: { stage: 'development', freight },
  });
  return waitFor(`promotion ${p.metadata.name} to finish`, async () => {
    const got = await c.api.get<Promotion>('Promotion', NS, p.metadata.name);
    return got?.status?.finishedAt ? got : undefined;
  });
}

beforeAll(async () => {
  server = await startGitServer();
  appRepo = await server.createRepo('app', { 'main.go': 'package main\n' });
  gitopsRepo = await server.createRepo('gitops', {
    'app/development.yaml': 'image:\n  tag: 0.0.0\n',
  });
  c = await startCluster({ sharedResourcesNamespace: SHARED });
  await c.clients.core.createNamespace({ body: { metadata: { name: SHARED } } });
  await c.api.create('Project', { metadata: { name: NS } });
  await c.api.create<Warehouse>('Warehouse', {
    metadata: { name: 'app', namespace: NS },
    spec: {
      interval: '5m0s',
      subscriptions: [{ git: { repoURL: appRepo, branch: 'main', insecureSkipTLSVerify: true } }],
    },
  });
  await c.api.create<Stage>('Stage', {
    metadata: { name: 'development', namespace: NS },
    spec: {
      requestedFreight: [{ origin: { kind: 'Warehouse', name: 'app' }, sources: { direct: true } }],
      promotionTemplate: {
        spec: {
          steps: [
            {
              uses: 'git-clone',
              config: {
                repoURL: gitopsRepo,
                insecureSkipTLSVerify: true,
                checkout: [{ branch: 'main', path: './out' }],
              },
            },
            {
              uses: 'yaml-update',
              config: {
                path: './out/app/development.yaml',
                updates: [{ key: 'image.tag', value: '${{ commitFrom("' + appRepo + '").ID }}' }],
              },
            },
            { uses: 'git-commit', config: { path: './out', message: 'Promote to development' } },
            { uses: 'git-push', config: { path: './out' } },
          ],
        },
      },
    },
  });
});
afterAll(async () => {
  await c?.close();
  await server?.close();
});

describe('git over https with Kargo git credentials', () => {
  it('without a cred-type: git Secret, discovery fails saying the server wants credentials', async () => {
    const cond = await waitFor('discovery to fail', async () => {
      const h = await healthMessage();
      return h?.status === 'False' ? h : undefined;
    });
    expect(cond.message).toContain(`${appRepo} requires authentication`);
    expect(cond.message).toContain(
      `no Secret labelled kargo.akuity.io/cred-type=git in project "${NS}"`,
    );
    expect(await c.api.list<Freight>('Freight', NS)).toEqual([]);
  });

  it('with a Secret for the exact repository URL, discovery succeeds and makes freight', async () => {
    await putGitSecret('app-repo', {
      repoURL: appRepo.replace(/\.git$/, ''),
      username: server.username,
      password: server.password,
    });
    await refreshWarehouse();
    const freight = await waitFor('freight from the https repository', async () =>
      (await c.api.list<Freight>('Freight', NS)).find((f) => f.commits?.[0]?.repoURL === appRepo),
    );
    expect(freight.commits?.[0]?.id).toMatch(/^[0-9a-f]{40}$/);
  });

  it('a promotion that pushes to a repository no Secret matches ends Errored with a PromotionErrored event and a failed stage', async () => {
    const [freight] = await c.api.list<Freight>('Freight', NS);
    const p = await promoteAndFinish(freight?.metadata.name ?? '');
    expect(p.status?.phase).toBe('Errored');
    expect(p.status?.message).toContain(`${gitopsRepo} requires authentication`);
    const errored = await waitFor('the PromotionErrored event', async () =>
      (await c.clients.core.listNamespacedEvent({ namespace: NS })).items.find(
        (e) => e.reason === 'PromotionErrored' && e.involvedObject.name === p.metadata.name,
      ),
    );
    expect(errored.message).toContain('requires authentication');
    const stage = await waitFor('the stage to show the failure', async () => {
      const s = await c.api.get<Stage>('Stage', NS, 'development');
      const ready = s?.status?.conditions?.find((x) => x.type === 'Ready');
      // Kargo names the reason after the phase: LastPromotionErrored.
      return ready?.reason === 'LastPromotionErrored' ? ready : undefined;
    });
    expect(stage.status).toBe('False');
    expect(await server.head('gitops', 'main')).toBeDefined();
  });

  it('a pattern Secret with a wrong password is named in the failure; corrected, the next promotion pushes a real commit', async () => {
    // A Go regexp (RE2 syntax: `(?i)` is a flag group ECMAScript refuses), as Kargo reads it.
    const pattern = { repoURL: '(?i)^HTTPS://127\\.0\\.0\\.1:\\d+/gitops', repoURLIsRegex: 'true' };
    await putGitSecret('gitops-pattern', {
      ...pattern,
      username: server.username,
      password: 'wrong',
    });
    const [freight] = await c.api.list<Freight>('Freight', NS);
    const name = freight?.metadata.name ?? '';
    const refused = await promoteAndFinish(name);
    expect(refused.status?.phase).toBe('Errored');
    expect(refused.status?.message).toContain(`Secret "${NS}/gitops-pattern" were refused`);

    const before = await server.head('gitops', 'main');
    await putGitSecret('gitops-pattern', {
      ...pattern,
      username: server.username,
      password: server.password,
    });
    const ok = await promoteAndFinish(name);
    expect(ok.status?.phase).toBe('Succeeded');
    const after = await server.head('gitops', 'main');
    expect(after).not.toBe(before);
    expect(await server.show('gitops', 'main', 'app/development.yaml')).toBe(
      `image:\n  tag: ${freight?.commits?.[0]?.id}\n`,
    );
  });

  it('with no Secret in the project, one in the configured shared-resources namespace is used, and named', async () => {
    await c.clients.core.deleteNamespacedSecret({ name: 'gitops-pattern', namespace: NS });
    await putGitSecret(
      'shared-gitops',
      { repoURL: gitopsRepo, username: server.username, password: 'wrong' },
      SHARED,
    );
    const [freight] = await c.api.list<Freight>('Freight', NS);
    const refused = await promoteAndFinish(freight?.metadata.name ?? '');
    expect(refused.status?.phase).toBe('Errored');
    expect(refused.status?.message).toContain(`Secret "${SHARED}/shared-gitops" were refused`);
  });
});
