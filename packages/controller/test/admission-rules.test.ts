import {
  currentFreightNames,
  type Freight,
  type ProjectConfig,
  type Promotion,
  type Stage,
} from '@wharf/shared';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusCode } from '../src/kube/clients.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let c: TestCluster;
const NS = 'rules';
const origin = { kind: 'Warehouse' as const, name: 'w' };
const commit = (id: string) => [{ repoURL: 'https://git.example.com/app.git', id }];

beforeAll(async () => {
  c = await startCluster();
  await c.api.create('Project', { metadata: { name: NS } });
});
afterAll(async () => c?.close());

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

/** A Stage whose one successful promotion made the Freight its current freight. */
async function holdFreight(ns: string, stage: string, freight: string): Promise<void> {
  await c.api.create<Stage>('Stage', {
    metadata: { name: stage, namespace: ns },
    spec: {
      requestedFreight: [{ origin, sources: { direct: true } }],
      promotionTemplate: { spec: { steps: [{ uses: 'compose-output', config: { a: 'b' } }] } },
    },
  });
  await c.api.create<Promotion>('Promotion', {
    metadata: { name: '', generateName: `${stage}.`, namespace: ns },
    spec: { stage, freight },
  });
  await waitFor(`${stage} holds the Freight`, async () => {
    const s = await c.api.get<Stage>('Stage', ns, stage);
    return !!s && currentFreightNames(s).includes(freight);
  });
  // The reconcile that wrote it has finished, so the controller knows its own write (the webhook
  // then waits for its cache to show it).
  await c.controllers.idle();
}

describe('Project admission', () => {
  it('creates the labelled namespace synchronously, adds the finalizer, and the default roles appear', async () => {
    const ns = await c.clients.core.readNamespace({ name: NS });
    expect(ns.metadata?.labels?.['kargo.akuity.io/project']).toBe('true');
    const project = await c.api.get<{ metadata: { finalizers?: string[] } }>(
      'Project',
      undefined,
      NS,
    );
    expect(project?.metadata.finalizers).toContain('kargo.akuity.io/finalizer');
    for (const name of ['kargo-admin', 'kargo-viewer', 'kargo-promoter']) {
      // The binding is made last of the three.
      const rb = await waitFor(`role binding ${name}`, () =>
        c.clients.rbac.readNamespacedRoleBinding({ name, namespace: NS }),
      );
      const role = await c.clients.rbac.readNamespacedRole({ name, namespace: NS });
      expect(role.metadata?.annotations?.['rbac.kargo.akuity.io/managed']).toBe('true');
      const sa = await c.clients.core.readNamespacedServiceAccount({ name, namespace: NS });
      expect(sa.metadata?.annotations?.['rbac.kargo.akuity.io/managed']).toBe('true');
      expect(rb.subjects?.[0]).toMatchObject({ kind: 'ServiceAccount', name, namespace: NS });
    }
    const promoter = await c.clients.rbac.readNamespacedRole({
      name: 'kargo-promoter',
      namespace: NS,
    });
    expect(promoter.rules).toContainEqual(
      expect.objectContaining({ resources: ['stages'], verbs: ['promote'] }),
    );
    for (const name of ['kargo-admin', 'kargo-viewer', 'kargo-user', 'kargo-project-creator'])
      expect((await c.clients.rbac.readClusterRole({ name })).metadata?.name).toBe(name);
  });

  it('refuses a Project whose namespace exists without the project label (409) and creates nothing', async () => {
    await c.clients.core.createNamespace({ body: { metadata: { name: 'plain' } } });
    const err = await errorOf(c.api.create('Project', { metadata: { name: 'plain' } }));
    expect(statusCode(err)).toBe(409);
    expect(await c.api.get('Project', undefined, 'plain')).toBeUndefined();
  });
});

describe('ProjectConfig admission', () => {
  const policies = (...names: string[]) => ({
    promotionPolicies: names.map((name) => ({
      stageSelector: { name },
      autoPromotionEnabled: true,
    })),
  });
  const bodyOf = (err: unknown) => String((err as { body?: unknown }).body);

  it('refuses a policy whose regex: Go cannot parse or whose identifier is unknown (422), and stores nothing', async () => {
    const lookahead = await errorOf(
      c.api.create('ProjectConfig', {
        metadata: { name: NS, namespace: NS },
        spec: policies('regex:^prod(?=-eu)'),
      }),
    );
    expect(statusCode(lookahead)).toBe(422);
    expect(bodyOf(lookahead)).toContain('spec.promotionPolicies[0].stageSelector.name');
    expect(bodyOf(lookahead)).toContain('error parsing regexp');
    const unknown = await errorOf(
      c.api.create('ProjectConfig', {
        metadata: { name: NS, namespace: NS },
        spec: policies('wildcard:prod-*'),
      }),
    );
    expect(statusCode(unknown)).toBe(422);
    expect(bodyOf(unknown)).toMatch(/invalid pattern identifier .*wildcard/);
    expect(await c.api.get('ProjectConfig', NS, NS)).toBeUndefined();
  });

  it('accepts Go syntax ECMAScript lacks, and refuses an update that names a stage twice', async () => {
    await c.api.create('ProjectConfig', {
      metadata: { name: NS, namespace: NS },
      spec: policies('regex:(?i)^PROD-[[:digit:]]+$'),
    });
    const dup = await errorOf(
      c.api.patch('ProjectConfig', NS, NS, { spec: policies('qa', 'glob:prod-*', 'qa') }),
    );
    expect(statusCode(dup)).toBe(422);
    expect(bodyOf(dup)).toContain('stage name already defined at spec.promotionPolicies[0]');
    const stored = await c.api.get<ProjectConfig>('ProjectConfig', NS, NS);
    expect(stored?.spec?.promotionPolicies?.map((p) => p.stageSelector?.name)).toEqual([
      'regex:(?i)^PROD-[[:digit:]]+$',
    ]);
    await c.api.delete('ProjectConfig', NS, NS);
  });
});

describe('Freight admission', () => {
  it('names Freight by its artifacts, keeps aliases unique (409) and artifacts immutable (422)', async () => {
    const a = await c.api.create<Freight>('Freight', {
      metadata: { name: 'ignored', namespace: NS },
      origin,
      commits: commit('a1'),
    });
    expect(a.metadata.name).toMatch(/^[0-9a-f]{40}$/);
    expect(a.metadata.labels?.['kargo.akuity.io/alias']).toBe(a.alias);
    const dup = await errorOf(
      c.api.create<Freight>('Freight', {
        metadata: { name: '', namespace: NS },
        origin,
        commits: commit('b2'),
        alias: a.alias,
      }),
    );
    expect(statusCode(dup)).toBe(409);
    const change = await errorOf(
      c.api.patch('Freight', NS, a.metadata.name, { commits: commit('zz') }),
    );
    expect(statusCode(change)).toBe(422);
    await c.api.patch('Freight', NS, a.metadata.name, { alias: 'renamed-otter' });
    const renamed = await c.api.get<Freight>('Freight', NS, a.metadata.name);
    expect(renamed?.metadata.labels?.['kargo.akuity.io/alias']).toBe('renamed-otter');
  });

  it('refuses to delete Freight a Stage holds now (403 naming it), whatever the Freight says; allows it once none does', async () => {
    const f = await c.api.create<Freight>('Freight', {
      metadata: { name: '', namespace: NS },
      origin,
      commits: commit('c3'),
    });
    await holdFreight(NS, 'holder', f.metadata.name);
    const refused = await errorOf(c.api.delete('Freight', NS, f.metadata.name));
    expect(statusCode(refused)).toBe(403);
    expect(String((refused as { body?: unknown }).body)).toMatch(
      /freight is in-use by stages \(.*holder/,
    );
    // Kargo asks which Stages hold it, not the Freight's status: a Stage gone holds nothing.
    await c.api.delete('Stage', NS, 'holder');
    await waitFor('Freight deleted once no Stage holds it', async () => {
      const err = await errorOf(c.api.delete('Freight', NS, f.metadata.name));
      return err === undefined || statusCode(err) === 404;
    });
    expect(await c.api.get('Freight', NS, f.metadata.name)).toBeUndefined();
  });

  it('refuses a Promotion to a Stage without steps, or of Freight that does not exist, with a clear message', async () => {
    await c.api.create<Stage>('Stage', {
      metadata: { name: 'gate', namespace: NS },
      spec: { requestedFreight: [{ origin, sources: { direct: true } }] },
    });
    const noSteps = await errorOf(
      c.api.create<Promotion>('Promotion', {
        metadata: { name: '', generateName: 'gate.', namespace: NS },
        spec: { stage: 'gate', freight: 'x' },
      }),
    );
    expect(statusCode(noSteps)).toBe(422);
    expect(String((noSteps as { body?: unknown }).body)).toContain('defines no promotion steps');
    const list = await c.api.list<Promotion>('Promotion', NS);
    expect(list.filter((p) => p.spec.stage === 'gate')).toEqual([]);
  });
});

describe('ProjectConfig status', () => {
  it('publishes each webhook receiver as Kargo does: Ready=False naming a missing Secret, then its URL once the Secret exists', async () => {
    const P = 'hooks';
    await c.api.create('Project', { metadata: { name: P } });
    await c.api.create('ProjectConfig', {
      metadata: { name: P, namespace: P },
      spec: { webhookReceivers: [{ name: 'gh', github: { secretRef: { name: 'gh-secret' } } }] },
    });
    const statusWhere = (reason: string) =>
      waitFor(`ProjectConfig Ready reason ${reason}`, async () => {
        const pc = await c.api.get<ProjectConfig>('ProjectConfig', P, P);
        return pc?.status?.conditions?.some((k) => k.type === 'Ready' && k.reason === reason)
          ? pc
          : undefined;
      });
    const failed = await statusWhere('SyncWebhookReceiversFailed');
    expect(failed.status?.conditions?.find((k) => k.type === 'Ready')).toMatchObject({
      status: 'False',
      message:
        'Failed to sync WebhookReceivers: error syncing WebhookReceiver "gh": error getting Secret "gh-secret" in namespace "hooks": secrets "gh-secret" not found',
    });
    expect(failed.status?.conditions?.find((k) => k.type === 'Reconciling')).toMatchObject({
      status: 'True',
      reason: 'SyncingWebhooks',
    });
    expect(failed.status?.webhookReceivers).toBeUndefined();

    // Nothing but the Secret changes: the controller looks again by itself.
    await c.clients.core.createNamespacedSecret({
      namespace: P,
      body: { metadata: { name: 'gh-secret' }, stringData: { secret: 's3cret' } },
    });
    const synced = await statusWhere('Synced');
    // Kargo's path: /<provider>/<hex SHA-256 of project name + receiver name + secret value>.
    const hash = createHash('sha256')
      .update('hooks' + 'gh' + 's3cret')
      .digest('hex');
    expect(synced.status?.webhookReceivers).toEqual([
      { name: 'gh', path: `/github/${hash}`, url: `https://webhooks.wharf.invalid/github/${hash}` },
    ]);
    expect(synced.status?.conditions?.map((k) => [k.type, k.status, k.message])).toEqual([
      ['Ready', 'True', 'ProjectConfig is synced and ready for use'],
    ]);
    expect(synced.status?.observedGeneration).toBe(synced.metadata.generation);
  });
});

describe('Project lifecycle', () => {
  it('deleting a Project whose Stage holds Freight removes everything: the Freight goes once its Stage has', async () => {
    const P = 'torn-down';
    await c.api.create('Project', { metadata: { name: P } });
    const f = await c.api.create<Freight>('Freight', {
      metadata: { name: '', namespace: P },
      origin,
      commits: commit('d4'),
    });
    await holdFreight(P, 'prod', f.metadata.name);
    await c.api.delete('Project', undefined, P);
    await waitFor(
      'namespace gone with everything in it',
      async () => {
        try {
          await c.clients.core.readNamespace({ name: P });
          return false;
        } catch (err) {
          return statusCode(err) === 404;
        }
      },
      90_000,
    );
    expect(await c.api.list('Freight', P)).toEqual([]);
  });

  it('acknowledges a ProjectConfig refresh, and deleting the Project deletes its namespace', async () => {
    await c.api.create('Project', { metadata: { name: 'short-lived' } });
    await c.api.create('ProjectConfig', {
      metadata: {
        name: 'short-lived',
        namespace: 'short-lived',
        annotations: { 'kargo.akuity.io/refresh': 't1' },
      },
      spec: {},
    });
    await waitFor('ProjectConfig refresh handled', async () => {
      const pc = await c.api.get<{
        metadata: { name: string };
        status?: { lastHandledRefresh?: string };
      }>('ProjectConfig', 'short-lived', 'short-lived');
      return pc?.status?.lastHandledRefresh === 't1';
    });
    await c.api.delete('Project', undefined, 'short-lived');
    await waitFor(
      'Project gone',
      async () => (await c.api.get('Project', undefined, 'short-lived')) === undefined,
    );
    await waitFor('namespace deleted or terminating', async () => {
      try {
        const ns = await c.clients.core.readNamespace({ name: 'short-lived' });
        return ns.metadata?.deletionTimestamp !== undefined;
      } catch (err) {
        return statusCode(err) === 404;
      }
    });
  });
});
