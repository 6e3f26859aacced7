// @kubernetes/client-node against the embedded server: typed CRUD, custom objects, watch.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

function statusCode(e: unknown): number | undefined {
  return e instanceof k8s.ApiException ? e.code : undefined;
}

describe('client-node CRUD', () => {
  it('creates, reads, updates and deletes a ConfigMap with opaque resourceVersions and 409 on stale updates', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const created = await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'cm1' }, data: { a: '1' } },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toBeTypeOf('string');
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    const read = await core.readNamespacedConfigMap({ name: 'cm1', namespace: 'default' });
    expect(read.data).toEqual({ a: '1' });
    const updated = await core.replaceNamespacedConfigMap({
      name: 'cm1',
      namespace: 'default',
      body: { ...read, data: { a: '2' } },
    });
    expect(updated.metadata?.resourceVersion).not.toBe(read.metadata?.resourceVersion);
    const stale = await core
      .replaceNamespacedConfigMap({
        name: 'cm1',
        namespace: 'default',
        body: { ...read, data: { a: '3' } },
      })
      .catch((e: unknown) => e);
    expect(statusCode(stale)).toBe(409);
    expect(String((stale as k8s.ApiException<string>).body)).toContain(
      'Operation cannot be fulfilled on configmaps \\"cm1\\": the object has been modified; please apply your changes to the latest version and try again',
    );
    await core.deleteNamespacedConfigMap({ name: 'cm1', namespace: 'default' });
    const gone = await core
      .readNamespacedConfigMap({ name: 'cm1', namespace: 'default' })
      .catch((e: unknown) => e);
    expect(statusCode(gone)).toBe(404);
  });

  it('answers 409 AlreadyExists for a duplicate name and fills generateName', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    const a = await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { generateName: 'gen-' } },
    });
    expect(a.metadata?.name).toMatch(/^gen-[a-z0-9]{5}$/);
    const dup = await core
      .createNamespacedConfigMap({
        namespace: 'default',
        body: { metadata: { name: a.metadata?.name ?? '' } },
      })
      .catch((e: unknown) => e);
    expect(statusCode(dup)).toBe(409);
  });

  it('lists with label selectors of every operator and pages with limit/continue', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'sel' } } });
    for (let i = 0; i < 5; i++)
      await core.createNamespacedConfigMap({
        namespace: 'sel',
        body: {
          metadata: {
            name: `c${i}`,
            labels: {
              tier: i < 2 ? 'web' : 'db',
              n: String(i),
              ...(i === 4 ? { special: '' } : {}),
            },
          },
        },
      });
    const names = async (labelSelector: string) =>
      (await core.listNamespacedConfigMap({ namespace: 'sel', labelSelector })).items.map(
        (c) => c.metadata?.name,
      );
    expect(await names('tier=web')).toEqual(['c0', 'c1']);
    expect(await names('tier!=web')).toEqual(['c2', 'c3', 'c4']);
    expect(await names('n in (1,3)')).toEqual(['c1', 'c3']);
    expect(await names('n notin (1,3),tier=db')).toEqual(['c2', 'c4']);
    expect(await names('special')).toEqual(['c4']);
    expect(await names('!special,tier=db')).toEqual(['c2', 'c3']);
    expect(await names('n>2')).toEqual(['c3', 'c4']);
    const page1 = await core.listNamespacedConfigMap({ namespace: 'sel', limit: 2 });
    expect(page1.items.map((c) => c.metadata?.name)).toEqual(['c0', 'c1']);
    const page2 = await core.listNamespacedConfigMap({
      namespace: 'sel',
      limit: 2,
      _continue: page1.metadata?._continue ?? '',
    });
    expect(page2.items.map((c) => c.metadata?.name)).toEqual(['c2', 'c3']);
    const byField = await core.listNamespacedConfigMap({
      namespace: 'sel',
      fieldSelector: 'metadata.name=c3',
    });
    expect(byField.items.map((c) => c.metadata?.name)).toEqual(['c3']);
  });

  it('watches: ADDED for existing objects, then MODIFIED and DELETED as they happen', async () => {
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'w' } } });
    await core.createNamespacedConfigMap({ namespace: 'w', body: { metadata: { name: 'x' } } });
    const events: string[] = [];
    const watch = new k8s.Watch(t.kc);
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolveDone = r));
    const req = await watch.watch(
      '/api/v1/namespaces/w/configmaps',
      {},
      (type, obj: k8s.V1ConfigMap) => {
        events.push(`${type} ${obj.metadata?.name ?? ''}`);
        if (type === 'DELETED') resolveDone();
      },
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 100));
    await core.patchNamespacedConfigMap(
      { name: 'x', namespace: 'w', body: { data: { k: 'v' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await core.deleteNamespacedConfigMap({ name: 'x', namespace: 'w' });
    await done;
    req.abort();
    expect(events).toEqual(['ADDED x', 'MODIFIED x', 'DELETED x']);
  });
});
