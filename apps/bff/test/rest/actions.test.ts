import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANNOTATIONS,
  EVENT_ANNOTATIONS,
  FreightSchema,
  KARGO_API_VERSION,
  LABELS,
  PromotionSchema,
  StageSchema,
  WarehouseSchema,
} from '@wharf/shared';
import { echoServerProject } from '@wharf/shared/fixtures';
import { adminCaller } from '../../src/access/admin-caller.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { kargoPath } from '../../src/kube/paths.js';
import { headerResolver } from '../support/callers.js';
import { eventually, HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { createKargo, seedProject } from '../support/kube-seed.js';

const NS = 'echo-server';
const fx = echoServerProject();
const byAlias = (alias: string) => {
  const f = fx.freight.find((x) => x.alias === alias);
  if (!f) throw new Error(alias);
  return f;
};
const FRESH = 'f00d0000000000000000000000000000000000fe';

describe.skipIf(!HAVE_CRDS)('Kargo actions over HTTP change exactly what Kargo would', () => {
  let h: Harness;
  let admin: KubeClient;

  const call = async (method: string, path: string, body?: unknown, user?: string) => {
    const res = await fetch(`${h.bff.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(user ? { 'x-test-user': user } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const promotions = async () =>
    ((await admin.get(kargoPath('promotions', NS))) as { items: unknown[] }).items.map((p) =>
      PromotionSchema.parse(p),
    );
  const freight = async (name: string) =>
    FreightSchema.parse(await admin.get(kargoPath('freights', NS, name)));
  /** Kargo's Events of one reason in the project, as [actor, stage, promotion or freight]. */
  const events = async (reason: string) =>
    (
      (await admin.get(`/api/v1/namespaces/${NS}/events`)) as {
        items: {
          reason?: string;
          metadata: { annotations?: Record<string, string> };
          source?: { component?: string };
        }[];
      }
    ).items
      .filter((e) => e.reason === reason)
      .map((e) => {
        const a = e.metadata.annotations ?? {};
        return {
          actor: a[EVENT_ANNOTATIONS.actor],
          stage: a[EVENT_ANNOTATIONS.stageName],
          promotion: a[EVENT_ANNOTATIONS.promotionName],
          freight: a[EVENT_ANNOTATIONS.freightName],
          by: e.source?.component,
        };
      });
  const stage = async (name: string) =>
    StageSchema.parse(await admin.get(kargoPath('stages', NS, name)));
  /** Waits until the BFF's cache saw an object at the version the cluster holds. */
  const cached = (kind: 'freight' | 'stages', name: string, rv: string | undefined) =>
    eventually(() =>
      h.bff.cache.get(kind).get(NS, name)?.metadata.resourceVersion === rv ? true : undefined,
    );

  beforeAll(async () => {
    h = await startHarness(
      async (kc) => {
        await seedProject(kc, fx);
        await createKargo(kc, {
          apiVersion: KARGO_API_VERSION,
          kind: 'Freight',
          metadata: { name: FRESH, namespace: NS, labels: { [LABELS.alias]: 'fresh-fox' } },
          alias: 'fresh-fox',
          origin: { kind: 'Warehouse', name: 'echo-server' },
          commits: [{ repoURL: 'https://github.com/example/echo-server.git', id: 'abc' }],
        });
        // A viewer: may read Kargo objects in the project, nothing else.
        const k = new KubeClient(kc);
        await k.create(`/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/roles`, {
          metadata: { name: 'viewer' },
          rules: [
            { apiGroups: ['kargo.akuity.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
          ],
        });
        await k.create(`/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`, {
          metadata: { name: 'viewer' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'viewer' },
          subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }],
        });
      },
      (kc) => ({ resolveCaller: headerResolver(kc, adminCaller(kc)) }),
    );
    admin = new KubeClient(h.kc);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('promotes freight by alias: one Promotion named after the stage, with the actor and the stage template steps', async () => {
    const before = (await promotions()).length;
    const res = await call('POST', `/projects/${NS}/stages/staging/promotions`, {
      freightAlias: 'quiet-mole',
    });
    expect(res.status).toBe(201);
    const all = await promotions();
    expect(all).toHaveLength(before + 1);
    const created = all.find(
      (p) => p.metadata.name === (res.body.promotion as { name: string }).name,
    );
    expect(created?.metadata.name.startsWith('staging.')).toBe(true);
    expect(created?.spec).toMatchObject({
      stage: 'staging',
      freight: byAlias('quiet-mole').metadata.name,
    });
    expect(created?.metadata.annotations?.[ANNOTATIONS.createActor]).toBe('admin');
    // As Kargo's API server: the Event naming the person, since the person was kept as actor.
    expect(
      (await events('PromotionCreated')).filter((e) => e.promotion === created?.metadata.name),
    ).toEqual([
      {
        actor: 'admin',
        stage: 'staging',
        promotion: created?.metadata.name,
        freight: byAlias('quiet-mole').metadata.name,
        by: 'wharf',
      },
    ]);
    const template = fx.stages.find((s) => s.metadata.name === 'staging')?.spec.promotionTemplate;
    expect(created?.spec.steps?.map((s) => s.uses)).toEqual(
      template?.spec.steps?.map((s) => s.uses),
    );
  });

  it('resumes auto-promotion by promoting by origin', async () => {
    const res = await call('POST', `/projects/${NS}/stages/development/promotions`, {
      origin: 'echo-server',
    });
    expect(res.status).toBe(201);
    const p = (await promotions()).find(
      (x) => x.metadata.name === (res.body.promotion as { name: string }).name,
    );
    expect(p?.spec.origin).toEqual({ kind: 'Warehouse', name: 'echo-server' });
    expect(p?.spec.freight).toBeUndefined();
  });

  it('refuses freight that is not available to the stage with 422 and creates nothing', async () => {
    const before = (await promotions()).length;
    const res = await call('POST', `/projects/${NS}/stages/staging/promotions`, { freight: FRESH });
    expect(res.status).toBe(422);
    expect((res.body.error as { message: string }).message).toContain(
      'not available to stage "staging"',
    );
    expect(await promotions()).toHaveLength(before);
  });

  it('answers 400 when the body names both freight and origin', async () => {
    const res = await call('POST', `/projects/${NS}/stages/staging/promotions`, {
      freight: FRESH,
      origin: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.request).toEqual(expect.any(String));
  });

  it('when a viewer promotes, the API answers 403 and no Promotion exists', async () => {
    const before = (await promotions()).length;
    const res = await call(
      'POST',
      `/projects/${NS}/stages/staging/promotions`,
      { freightAlias: 'quiet-mole' },
      'viewer',
    );
    expect(res.status).toBe(403);
    expect((res.body.error as { message: string }).message).toContain('promote');
    expect(await promotions()).toHaveLength(before);
  });

  it('approves freight for a stage through the status subresource, making it available there', async () => {
    const res = await call('POST', `/projects/${NS}/freight/${FRESH}/approve`, {
      stage: 'staging',
    });
    expect(res.status).toBe(200);
    const f = await freight(FRESH);
    expect(f.status?.approvedFor?.staging?.approvedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await cached('freight', FRESH, f.metadata.resourceVersion);
    const approved = [{ actor: 'admin', stage: 'staging', freight: FRESH, by: 'wharf' }];
    expect((await events('FreightApproved')).filter((e) => e.freight === FRESH)).toEqual(approved);
    // Approving again changes nothing and records nothing, as in Kargo.
    const again = await call('POST', `/projects/${NS}/freight/${FRESH}/approve`, {
      stage: 'staging',
    });
    expect(again.status).toBe(200);
    expect((await freight(FRESH)).metadata.resourceVersion).toBe(f.metadata.resourceVersion);
    expect((await events('FreightApproved')).filter((e) => e.freight === FRESH)).toEqual(approved);
    const promote = await call('POST', `/projects/${NS}/stages/staging/promotions`, {
      freight: FRESH,
    });
    expect(promote.status).toBe(201);
  });

  it('when a viewer approves, the API answers 403 and the freight is unchanged', async () => {
    const before = await freight(FRESH);
    const res = await call(
      'POST',
      `/projects/${NS}/freight/${FRESH}/approve`,
      { stage: 'production' },
      'viewer',
    );
    expect(res.status).toBe(403);
    expect((await freight(FRESH)).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('changes an alias in the field and the label together; a taken alias is 409 and changes nothing', async () => {
    const ok = await call('PATCH', `/projects/${NS}/freight/${FRESH}/alias`, {
      alias: 'shiny-fox',
    });
    expect(ok.status).toBe(200);
    const f = await freight(FRESH);
    expect(f.alias).toBe('shiny-fox');
    expect(f.metadata.labels?.[LABELS.alias]).toBe('shiny-fox');
    await cached('freight', FRESH, f.metadata.resourceVersion);
    const taken = await call('PATCH', `/projects/${NS}/freight/${FRESH}/alias`, {
      alias: 'quiet-mole',
    });
    expect(taken.status).toBe(409);
    expect((await freight(FRESH)).metadata.resourceVersion).toBe(f.metadata.resourceVersion);
  });

  it('refuses to delete freight a stage holds (409, still there)', async () => {
    const jaguar = byAlias('lucky-jaguar').metadata.name;
    const res = await call('DELETE', `/projects/${NS}/freight/${jaguar}`);
    expect(res.status).toBe(409);
    expect((res.body.error as { message: string }).message).toContain('"staging"');
    expect((await freight(jaguar)).metadata.name).toBe(jaguar);
  });

  it('refreshes a warehouse and a stage by setting the refresh annotation to the current time', async () => {
    const w = await call('POST', `/projects/${NS}/warehouses/echo-server/refresh`);
    expect(w.status).toBe(200);
    const wh = WarehouseSchema.parse(await admin.get(kargoPath('warehouses', NS, 'echo-server')));
    expect(wh.metadata.annotations?.[ANNOTATIONS.refresh]).toBe(w.body.requestedAt);
    expect((w.body.warehouse as { refresh: { pending: boolean } }).refresh.pending).toBe(true);
    const s = await call('POST', `/projects/${NS}/stages/production/refresh`);
    expect(s.status).toBe(200);
    expect((await stage('production')).metadata.annotations?.[ANNOTATIONS.refresh]).toBe(
      s.body.requestedAt,
    );
  });

  it('aborts a running promotion with the terminate annotation; a finished one is 409 and unchanged', async () => {
    const running = fx.promotions.find((p) => p.status?.phase === 'Running');
    const done = fx.promotions.find((p) => p.status?.phase === 'Succeeded');
    if (!running || !done) throw new Error('fixture');
    const res = await call('POST', `/projects/${NS}/promotions/${running.metadata.name}/abort`);
    expect(res.status).toBe(200);
    const p = PromotionSchema.parse(
      await admin.get(kargoPath('promotions', NS, running.metadata.name)),
    );
    expect(JSON.parse(p.metadata.annotations?.[ANNOTATIONS.abort] ?? '{}')).toEqual({
      action: 'terminate',
      actor: 'admin',
    });
    const before = PromotionSchema.parse(
      await admin.get(kargoPath('promotions', NS, done.metadata.name)),
    );
    const refused = await call('POST', `/projects/${NS}/promotions/${done.metadata.name}/abort`);
    expect(refused.status).toBe(409);
    const after = PromotionSchema.parse(
      await admin.get(kargoPath('promotions', NS, done.metadata.name)),
    );
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('reverifies with the current verification id; aborting a finished verification is 409', async () => {
    const dev = await stage('development');
    const id = dev.status?.freightHistory?.[0]?.verificationHistory?.[0]?.id;
    const res = await call('POST', `/projects/${NS}/stages/development/verification`);
    expect(res.status).toBe(200);
    const after = await stage('development');
    expect(JSON.parse(after.metadata.annotations?.[ANNOTATIONS.reverify] ?? '{}')).toEqual({
      id,
      actor: 'admin',
    });
    const abort = await call('POST', `/projects/${NS}/stages/development/verification/abort`);
    expect(abort.status).toBe(409);
    expect((await stage('development')).metadata.annotations?.[ANNOTATIONS.abort]).toBeUndefined();
  });

  it('aborts a running verification with the abort annotation naming its id', async () => {
    const prod = await stage('production');
    const history = prod.status?.freightHistory ?? [];
    const [current, ...older] = history;
    if (!current) throw new Error('fixture');
    await admin.mergePatch(kargoPath('stages', NS, 'production', 'status'), {
      status: {
        freightHistory: [
          { ...current, verificationHistory: [{ id: 'v-running', phase: 'Running' }] },
          ...older,
        ],
      },
    });
    await cached('stages', 'production', (await stage('production')).metadata.resourceVersion);
    const res = await call('POST', `/projects/${NS}/stages/production/verification/abort`);
    expect(res.status).toBe(200);
    const after = await stage('production');
    expect(JSON.parse(after.metadata.annotations?.[ANNOTATIONS.abort] ?? '{}')).toEqual({
      id: 'v-running',
      actor: 'admin',
    });
  });

  it('promotes downstream: one Promotion per stage fed by the source stage', async () => {
    const before = (await promotions()).length;
    const res = await call('POST', `/projects/${NS}/stages/development/promotions/downstream`, {
      freightAlias: 'quiet-mole',
    });
    expect(res.status).toBe(201);
    const results = res.body.results as { stage: string; ok: boolean }[];
    expect(results).toEqual([expect.objectContaining({ stage: 'staging', ok: true })]);
    expect(await promotions()).toHaveLength(before + 1);
  });

  it('deletes freight no stage holds', async () => {
    const res = await call('DELETE', `/projects/${NS}/freight/${FRESH}`);
    expect(res.status).toBe(200);
    await expect(admin.get(kargoPath('freights', NS, FRESH))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('applies multi-document YAML: creates, then configures on the second apply', async () => {
    const manifest = `apiVersion: ${KARGO_API_VERSION}
kind: Warehouse
metadata:
  name: extra
  namespace: ${NS}
spec:
  subscriptions:
    - image:
        repoURL: ghcr.io/example/extra
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: extra-settings
  namespace: ${NS}
data:
  a: "1"
`;
    const first = await call('POST', '/resources', { manifest });
    expect(first.status).toBe(200);
    expect((first.body.results as { outcome: string }[]).map((r) => r.outcome)).toEqual([
      'created',
      'created',
    ]);
    const second = await call('POST', '/resources', { manifest: manifest.replace('"1"', '"2"') });
    expect((second.body.results as { outcome: string }[]).map((r) => r.outcome)).toEqual([
      'configured',
      'configured',
    ]);
    const cm = (await admin.get(`/api/v1/namespaces/${NS}/configmaps/extra-settings`)) as {
      data: { a: string };
    };
    expect(cm.data.a).toBe('2');
    const bad = await call('POST', '/resources', { manifest: 'kind: [unclosed' });
    expect(bad.status).toBe(400);
  });
});
