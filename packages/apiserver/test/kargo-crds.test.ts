// The 9 real Kargo CRDs: each kind accepts a valid object and rejects an invalid one with 422
// Invalid and Kubernetes' field paths and wording.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_KARGO_CRDS, KARGO_CRDS } from './helpers/kargo.js';
import { startTestServer, type TestServer } from './helpers/server.js';

interface Case {
  plural: string;
  kind: string;
  namespaced: boolean;
  valid: Record<string, unknown>;
  invalid: Record<string, unknown>;
  cause: { field: string; reason: string; message: string };
}

const CASES: Case[] = [
  {
    plural: 'clusterconfigs',
    kind: 'ClusterConfig',
    namespaced: false,
    valid: { spec: {} },
    invalid: { spec: { webhookReceivers: [{}] } },
    cause: {
      field: 'spec.webhookReceivers[0].name',
      reason: 'FieldValueRequired',
      message: 'Required value',
    },
  },
  {
    plural: 'clusterpromotiontasks',
    kind: 'ClusterPromotionTask',
    namespaced: false,
    valid: { spec: { steps: [{ uses: 'git-clone' }] } },
    invalid: { spec: { steps: [{ task: { name: 'other' } }] } },
    cause: {
      field: 'spec.steps[0]',
      reason: 'FieldValueInvalid',
      message:
        'Invalid value: "object": PromotionTask step must have uses set and must not reference another task',
    },
  },
  {
    plural: 'freights',
    kind: 'Freight',
    namespaced: true,
    valid: {
      origin: { kind: 'Warehouse', name: 'w' },
      images: [{ repoURL: 'ghcr.io/x/y', tag: '1.0.0' }],
    },
    invalid: { origin: { kind: 'Bogus', name: 'w' } },
    cause: {
      field: 'origin.kind',
      reason: 'FieldValueNotSupported',
      message: 'Unsupported value: "Bogus": supported values: "Warehouse"',
    },
  },
  {
    plural: 'projectconfigs',
    kind: 'ProjectConfig',
    namespaced: true,
    valid: { spec: { promotionPolicies: [{ stage: 'test', autoPromotionEnabled: true }] } },
    invalid: { spec: { promotionPolicies: [{ autoPromotionEnabled: true }] } },
    cause: {
      field: 'spec.promotionPolicies[0]',
      reason: 'FieldValueInvalid',
      message:
        'Invalid value: "object": PromotionPolicy must have exactly one of stage or stageSelector set',
    },
  },
  {
    plural: 'projects',
    kind: 'Project',
    namespaced: false,
    valid: {},
    invalid: { metadata: { name: 'Not_A_DNS_Name' } },
    cause: {
      field: 'metadata.name',
      reason: 'FieldValueInvalid',
      message: 'Invalid value: "Not_A_DNS_Name"',
    },
  },
  {
    plural: 'promotions',
    kind: 'Promotion',
    namespaced: true,
    valid: { spec: { stage: 'test', freight: 'abc123', steps: [{ uses: 'fake-step' }] } },
    invalid: { spec: { freight: 'abc123', steps: [{ uses: 'fake-step' }] } },
    cause: { field: 'spec.stage', reason: 'FieldValueRequired', message: 'Required value' },
  },
  {
    plural: 'promotiontasks',
    kind: 'PromotionTask',
    namespaced: true,
    valid: { spec: { steps: [{ uses: 'git-clone' }] } },
    invalid: { spec: { steps: [{ uses: 'x', task: { name: 'other' } }] } },
    cause: {
      field: 'spec.steps[0]',
      reason: 'FieldValueInvalid',
      message: 'PromotionTask step must have uses set and must not reference another task',
    },
  },
  {
    plural: 'stages',
    kind: 'Stage',
    namespaced: true,
    valid: {
      spec: {
        requestedFreight: [{ origin: { kind: 'Warehouse', name: 'w' }, sources: { direct: true } }],
      },
    },
    invalid: { spec: {} },
    cause: {
      field: 'spec.requestedFreight',
      reason: 'FieldValueRequired',
      message: 'Required value',
    },
  },
  {
    plural: 'warehouses',
    kind: 'Warehouse',
    namespaced: true,
    valid: { spec: { subscriptions: [{ image: { repoURL: 'ghcr.io/x/y' } }] } },
    invalid: {
      spec: {
        freightCreationPolicy: 'Sometimes',
        subscriptions: [{ image: { repoURL: 'ghcr.io/x/y' } }],
      },
    },
    cause: {
      field: 'spec.freightCreationPolicy',
      reason: 'FieldValueNotSupported',
      message: 'Unsupported value: "Sometimes": supported values: "Automatic", "Manual"',
    },
  },
];

describe.skipIf(!HAVE_KARGO_CRDS)('real Kargo CRDs', () => {
  let t: TestServer;
  let api: k8s.CustomObjectsApi;

  beforeAll(async () => {
    t = await startTestServer({ crdDirs: [KARGO_CRDS] });
    api = t.kc.makeApiClient(k8s.CustomObjectsApi);
    await t.kc
      .makeApiClient(k8s.CoreV1Api)
      .createNamespace({ body: { metadata: { name: 'kargo-demo' } } });
  });
  afterAll(async () => {
    await t.stop();
  });

  const create = (c: Case, body: Record<string, unknown>) => {
    const full = {
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: c.kind,
      ...body,
      metadata: { name: `ok-${c.plural}`, ...(body.metadata as object | undefined) },
    };
    const base = { group: 'kargo.akuity.io', version: 'v1alpha1', plural: c.plural, body: full };
    return c.namespaced
      ? api.createNamespacedCustomObject({ ...base, namespace: 'kargo-demo' })
      : api.createClusterCustomObject(base);
  };

  for (const c of CASES) {
    it(`${c.kind}: accepts a valid object and stores the schema defaults`, async () => {
      const created = (await create(c, c.valid)) as {
        metadata: { generation: number; uid: string };
      };
      expect(created.metadata.generation).toBe(1);
      expect(created.metadata.uid).toBeTruthy();
    });

    it(`${c.kind}: rejects an invalid object with 422 and the field path ${c.cause.field}`, async () => {
      const err = await create(c, {
        ...c.invalid,
        metadata: { name: `bad-${c.plural}`, ...(c.invalid.metadata as object | undefined) },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(k8s.ApiException);
      const e = err as k8s.ApiException<string>;
      expect(e.code).toBe(422);
      const status = JSON.parse(e.body) as {
        reason: string;
        details: { kind: string; causes: { field: string; reason: string; message: string }[] };
      };
      expect(status.reason).toBe('Invalid');
      expect(status.details.kind).toBe(c.kind);
      const cause = status.details.causes.find((x) => x.field === c.cause.field);
      expect(cause?.reason).toBe(c.cause.reason);
      expect(cause?.message).toContain(c.cause.message);
    });
  }

  it('a Warehouse gets its structural defaults and unknown fields are pruned', async () => {
    const w = (await api.createNamespacedCustomObject({
      group: 'kargo.akuity.io',
      version: 'v1alpha1',
      plural: 'warehouses',
      namespace: 'kargo-demo',
      body: {
        apiVersion: 'kargo.akuity.io/v1alpha1',
        kind: 'Warehouse',
        metadata: { name: 'defaults' },
        spec: { bogus: 1, subscriptions: [{ image: { repoURL: 'ghcr.io/x/y' } }] },
      },
    })) as { spec: Record<string, unknown> };
    expect(w.spec.freightCreationPolicy).toBe('Automatic');
    expect(w.spec.interval).toBe('5m0s');
    expect(w.spec.bogus).toBeUndefined();
  });

  it('a Warehouse status as Kargo writes it (discovered image tags with _ and digests) is accepted; a bad tag is refused naming the value', async () => {
    const base = {
      group: 'kargo.akuity.io',
      version: 'v1alpha1',
      plural: 'warehouses',
      namespace: 'kargo-demo',
      name: 'defaults',
    };
    const digest = `sha256:${'ab12'.repeat(16)}`;
    const status = (tag: string) => ({
      discoveredArtifacts: {
        discoveredAt: '2025-06-01T10:00:00Z',
        images: [{ repoURL: 'ghcr.io/x/y', references: [{ tag, digest }] }],
      },
    });
    const cur = (await api.getNamespacedCustomObject(base)) as Record<string, unknown>;
    const written = (await api.replaceNamespacedCustomObjectStatus({
      ...base,
      body: { ...cur, status: status('v1.2.3_build-7') },
    })) as { status: ReturnType<typeof status> };
    expect(written.status.discoveredArtifacts.images[0]?.references[0]?.tag).toBe('v1.2.3_build-7');
    const err = (await api
      .replaceNamespacedCustomObjectStatus({
        ...base,
        body: { ...written, status: status('v1 2') },
      })
      .catch((e: unknown) => e)) as k8s.ApiException<string>;
    expect(err.code).toBe(422);
    const { details } = JSON.parse(err.body) as { details: { causes: { message: string }[] } };
    expect(details.causes.map((c) => c.message)).toEqual([
      `Invalid value: "v1 2": status.discoveredArtifacts.images[0].references[0].tag in body should match '^[\\w.\\-\\_]+$'`,
    ]);
  });

  it('status is a subresource: main writes ignore status, status writes ignore spec and keep generation', async () => {
    const base = {
      group: 'kargo.akuity.io',
      version: 'v1alpha1',
      plural: 'stages',
      namespace: 'kargo-demo',
      name: 'ok-stages',
    };
    const cur = (await api.getNamespacedCustomObject(base)) as {
      spec: Record<string, unknown>;
      metadata: { generation: number };
    };
    await api.replaceNamespacedCustomObjectStatus({
      ...base,
      body: {
        ...cur,
        spec: { ...cur.spec, shard: 'ignored' },
        status: { freightSummary: 'Steady' },
      },
    });
    const afterStatus = (await api.getNamespacedCustomObject(base)) as {
      spec: Record<string, unknown>;
      status: Record<string, unknown>;
      metadata: { generation: number };
    };
    expect(afterStatus.status.freightSummary).toBe('Steady');
    expect(afterStatus.spec.shard).toBeUndefined();
    expect(afterStatus.metadata.generation).toBe(cur.metadata.generation);
    await api.replaceNamespacedCustomObject({
      ...base,
      body: {
        ...afterStatus,
        spec: { ...afterStatus.spec, shard: 'east' },
        status: { freightSummary: 'Overwritten' },
      },
    });
    const afterMain = (await api.getNamespacedCustomObject(base)) as {
      status: Record<string, unknown>;
      metadata: { generation: number };
    };
    expect(afterMain.status.freightSummary).toBe('Steady');
    expect(afterMain.metadata.generation).toBe(cur.metadata.generation + 1);
  });
});
