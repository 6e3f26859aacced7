import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FreightSchema, freightName, KARGO_API_VERSION } from '@wharf/shared';
import { adminCaller } from '../../src/access/admin-caller.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { corePath, kargoPath } from '../../src/kube/paths.js';
import { headerResolver } from '../support/callers.js';
import { eventually, HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { createKargo } from '../support/kube-seed.js';

const NS = 'assembly';
const IMAGE = 'ghcr.io/acme/app';
const GIT = 'https://github.com/acme/config.git';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe.skipIf(!HAVE_CRDS)('assembling freight by hand', () => {
  let h: Harness;
  let admin: KubeClient;
  const call = async (body: unknown, user?: string) => {
    const res = await fetch(`${h.bff.url}/api/v1/projects/${NS}/warehouses/app/freight`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const freightNames = async () =>
    (
      (await admin.get(kargoPath('freights', NS))) as { items: { metadata: { name: string } }[] }
    ).items.map((f) => f.metadata.name);

  beforeAll(async () => {
    h = await startHarness(
      async (kc) => {
        const k = new KubeClient(kc);
        await k.create(corePath('namespaces'), {
          metadata: { name: NS, labels: { 'kargo.akuity.io/project': 'true' } },
        });
        await createKargo(kc, {
          apiVersion: KARGO_API_VERSION,
          kind: 'Project',
          metadata: { name: NS },
        });
        await createKargo(kc, {
          apiVersion: KARGO_API_VERSION,
          kind: 'Warehouse',
          metadata: { name: 'app', namespace: NS },
          spec: {
            interval: '5m0s',
            freightCreationPolicy: 'Manual',
            subscriptions: [{ image: { repoURL: IMAGE } }, { git: { repoURL: GIT } }],
          },
          status: {
            discoveredArtifacts: {
              discoveredAt: '2026-01-05T00:00:00Z',
              images: [
                {
                  repoURL: IMAGE,
                  references: [
                    {
                      tag: '0.9.2',
                      digest: D2,
                      annotations: { 'org.opencontainers.image.revision': 'r2' },
                    },
                    { tag: '0.9.1', digest: D1 },
                  ],
                },
              ],
              git: [
                {
                  repoURL: GIT,
                  commits: [{ id: 'c0ffee1', subject: 'Bump', author: 'Ada <ada@acme.io>' }],
                },
              ],
            },
          },
        });
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
    await eventually(() =>
      h.bff.cache.get('warehouses').get(NS, 'app')?.status ? true : undefined,
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  const picked = {
    images: [{ repoURL: IMAGE, tag: '0.9.1', digest: D1 }],
    commits: [{ repoURL: GIT, id: 'c0ffee1' }],
  };

  it('when a viewer assembles freight, the API answers 403 and no Freight exists', async () => {
    const res = await call(picked, 'viewer');
    expect(res.status).toBe(403);
    expect(await freightNames()).toEqual([]);
  });

  it('a pick that leaves a subscription without a version gets a 422 naming it, and changes nothing', async () => {
    const res = await call({ images: picked.images });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain(`pick one version for subscription ${GIT}`);
    expect(await freightNames()).toEqual([]);
  });

  it('one version per subscription creates Freight named by Kargo’s rule, with the discovered commit details and image annotations', async () => {
    const res = await call({
      ...picked,
      images: [{ repoURL: IMAGE, tag: '0.9.2', digest: D2 }],
      alias: 'by-hand',
    });
    expect(res.status).toBe(201);
    const name = freightName('app', {
      images: [{ repoURL: IMAGE, tag: '0.9.2', digest: D2 }],
      commits: [{ repoURL: GIT, id: 'c0ffee1' }],
    });
    const f = FreightSchema.parse(await admin.get(kargoPath('freights', NS, name)));
    expect(f.alias).toBe('by-hand');
    expect(f.origin).toEqual({ kind: 'Warehouse', name: 'app' });
    expect(f.images).toEqual([
      {
        repoURL: IMAGE,
        tag: '0.9.2',
        digest: D2,
        annotations: { 'org.opencontainers.image.revision': 'r2' },
      },
    ]);
    expect(f.commits).toEqual([
      { repoURL: GIT, id: 'c0ffee1', message: 'Bump', author: 'Ada <ada@acme.io>' },
    ]);
  });

  it('the same artifacts again are a 409 that names the existing freight', async () => {
    await eventually(() => (h.bff.cache.get('freight').list(NS).length === 1 ? true : undefined));
    const res = await call({ ...picked, images: [{ repoURL: IMAGE, tag: '0.9.2', digest: D2 }] });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain('by-hand');
  });

  it('a malformed digest is refused with 400 before anything is asked of Kubernetes', async () => {
    const res = await call({
      ...picked,
      images: [{ repoURL: IMAGE, tag: '0.9.2', digest: 'nope' }],
    });
    expect(res.status).toBe(400);
  });
});
