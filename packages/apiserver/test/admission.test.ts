// In-process admission hooks: mutating then validating, on create/update/delete, subresources
// and dry runs, with the (impersonated) requesting user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdmissionRequest } from '../src/index.js';
import { api } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

const CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: {
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      listKind: 'WidgetList',
      shortNames: ['wd'],
    },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['size'],
                properties: {
                  size: { type: 'integer', minimum: 1 },
                  color: { type: 'string', default: 'red' },
                },
              },
              status: { type: 'object', properties: { ready: { type: 'boolean' } } },
            },
          },
        },
      },
    ],
  },
};
const W = '/apis/example.com/v1/namespaces/default/widgets';

let t: TestServer;
const seen: AdmissionRequest[] = [];

beforeAll(async () => {
  t = await startTestServer();
  expect(
    (
      await api(t.server, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
        body: CRD,
      })
    ).status,
  ).toBe(201);
  t.server.addAdmissionHook({
    name: 'widgets.example.com',
    matches: (r) => r.group === 'example.com' && r.resource === 'widgets',
    mutate: async (req) => {
      seen.push(req);
      if (req.operation !== 'CREATE' || !req.object) return { allowed: true };
      const meta = req.object.metadata as Record<string, unknown>;
      const spec = req.object.spec as Record<string, unknown>;
      return {
        allowed: true,
        patchedObject: {
          ...req.object,
          metadata: {
            ...meta,
            name: meta.name || `${String(meta.generateName)}named`,
            labels: { ...(meta.labels as object | undefined), stamped: 'yes' },
          },
          spec: { ...spec, size: Number(spec.size) * 10 },
        },
      };
    },
    validate: async (req) => {
      const spec = (req.object?.spec ?? {}) as Record<string, unknown>;
      if (
        req.operation === 'DELETE' &&
        (req.oldObject?.metadata as { labels?: Record<string, string> }).labels?.keep === 'true'
      )
        return { allowed: false, code: 403, message: 'this widget is kept' };
      if (spec.size === 130)
        return {
          allowed: false,
          code: 422,
          message: 'unlucky size',
          causes: [{ field: 'spec.size', message: 'Invalid value: 130: unlucky' }],
        };
      return { allowed: true, warnings: ['widgets are experimental'] };
    },
  });
});
afterAll(async () => {
  await t.stop();
});

describe('admission hooks', () => {
  it('mutate names a generateName create, then schema defaults and validation run on the mutated object', async () => {
    const r = await api(t.server, 'POST', W, {
      body: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { generateName: 'w-' },
        spec: { size: 2 },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.metadata).toMatchObject({ name: 'w-named', labels: { stamped: 'yes' } });
    expect(r.body.spec).toEqual({ size: 20, color: 'red' });
    const req = seen.find((s) => s.operation === 'CREATE');
    expect(req).toMatchObject({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      resource: 'widgets',
      namespace: 'default',
      name: '',
      dryRun: false,
      userInfo: { username: 'wharf-admin' },
    });
  });

  it('a validating hook denial becomes a Status with its code and causes, and nothing is stored', async () => {
    const r = await api(t.server, 'POST', W, {
      body: { metadata: { name: 'unlucky' }, spec: { size: 13 } },
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      reason: 'Invalid',
      message: 'admission webhook "widgets.example.com" denied the request: unlucky size',
      details: { causes: [{ field: 'spec.size', message: 'Invalid value: 130: unlucky' }] },
    });
    expect((await api(t.server, 'GET', `${W}/unlucky`)).status).toBe(404);
  });

  it('schema validation after mutation rejects what the schema forbids', async () => {
    const r = await api(t.server, 'POST', W, {
      body: { metadata: { name: 'tiny' }, spec: { size: 0 } },
    });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe(
      'Widget.example.com "tiny" is invalid: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1',
    );
  });

  it('hooks see status updates as a subresource, dry runs as dryRun, and the impersonated user', async () => {
    await api(t.server, 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      body: {
        metadata: { name: 'widget-status' },
        rules: [{ apiGroups: ['example.com'], resources: ['widgets/status'], verbs: ['patch'] }],
      },
    });
    await api(t.server, 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      body: {
        metadata: { name: 'dora-widget-status' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'widget-status',
        },
        subjects: [{ kind: 'User', name: 'dora' }],
      },
    });
    seen.length = 0;
    const r = await api(t.server, 'PATCH', `${W}/w-named/status?dryRun=All`, {
      body: { status: { ready: true } },
      contentType: 'application/merge-patch+json',
      headers: { 'Impersonate-User': 'dora' },
    });
    expect(r.status).toBe(200);
    expect((r.body.status as { ready: boolean }).ready).toBe(true);
    expect(
      ((await api(t.server, 'GET', `${W}/w-named`)).body.status as { ready?: boolean } | undefined)
        ?.ready,
    ).toBeUndefined();
    expect(seen[0]).toMatchObject({
      operation: 'UPDATE',
      subresource: 'status',
      dryRun: true,
      userInfo: { username: 'dora', groups: ['system:authenticated'] },
    });
    expect((seen[0]?.oldObject?.metadata as { name: string }).name).toBe('w-named');
  });

  it('a DELETE is admitted with the old object, and may be refused', async () => {
    await api(t.server, 'POST', W, {
      body: { metadata: { name: 'kept', labels: { keep: 'true' } }, spec: { size: 1 } },
    });
    const r = await api(t.server, 'DELETE', `${W}/kept`);
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(
      'admission webhook "widgets.example.com" denied the request: this widget is kept',
    );
    expect((await api(t.server, 'GET', `${W}/kept`)).status).toBe(200);
  });

  it('warnings from hooks reach the client as Warning headers', async () => {
    const res = await new Promise<string | undefined>((resolve, reject) => {
      void import('node:https').then(({ request }) => {
        const req = request(
          `${t.server.url}${W}`,
          {
            method: 'POST',
            ca: t.server.caPem,
            headers: {
              Authorization: `Bearer ${t.server.adminToken}`,
              'Content-Type': 'application/json',
            },
          },
          (r) => {
            r.resume();
            resolve(r.headers.warning);
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ metadata: { name: 'warned' }, spec: { size: 1 } }));
      });
    });
    expect(res).toBe('299 - "widgets are experimental"');
  });
});

describe('discovery of a CRD created at run time', () => {
  it('appears in aggregated discovery (apidiscovery.k8s.io/v2) and in the legacy group document', async () => {
    const agg = await api(t.server, 'GET', '/apis', {
      headers: {
        Accept:
          'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      },
    });
    const group = (
      agg.body.items as {
        metadata: { name: string };
        versions: { version: string; resources: Record<string, unknown>[] }[];
      }[]
    ).find((g) => g.metadata.name === 'example.com');
    expect(agg.body.kind).toBe('APIGroupDiscoveryList');
    expect(group?.versions[0]?.resources[0]).toMatchObject({
      resource: 'widgets',
      responseKind: { group: 'example.com', version: 'v1', kind: 'Widget' },
      scope: 'Namespaced',
      singularResource: 'widget',
      shortNames: ['wd'],
      subresources: [{ subresource: 'status', verbs: ['get', 'patch', 'update'] }],
    });
    const legacy = await api(t.server, 'GET', '/apis/example.com/v1');
    expect((legacy.body.resources as { name: string }[]).map((r) => r.name)).toEqual([
      'widgets',
      'widgets/status',
    ]);
  });
});
