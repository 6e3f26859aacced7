// A client-node informer keeps an accurate cache across a server restart (watch resumes from
// its resourceVersion) and across a 410 Gone (it re-lists).
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('informer across restarts and 410', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ watchWindow: 5 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('resumes after a restart, and re-lists after 410 Gone when it missed more than the watch window', async () => {
    const core = () => t.kc.makeApiClient(k8s.CoreV1Api);
    await core().createNamespace({ body: { metadata: { name: 'inf' } } });
    const informer = k8s.makeInformer(t.kc, '/api/v1/namespaces/inf/configmaps', () =>
      core().listNamespacedConfigMap({ namespace: 'inf' }),
    );
    let stopped = false;
    // As client-node documents: on a watch error, start the informer again after a pause.
    informer.on('error', () => {
      const retry = () =>
        stopped ? undefined : void informer.start().catch(() => setTimeout(retry, 100));
      setTimeout(retry, 100);
    });
    const names = () =>
      informer
        .list()
        .map((c) => c.metadata?.name)
        .sort();
    await informer.start();
    await core().createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: 'a' } } });
    await until(() => names().includes('a'), 'a in cache');

    await t.restart();
    await core().createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: 'b' } } });
    await until(() => names().includes('b'), 'b in cache after restart');
    const oldRv =
      (await core().readNamespacedConfigMap({ name: 'b', namespace: 'inf' })).metadata
        ?.resourceVersion ?? '';

    // Stopped informers keep their resourceVersion and resume from it on start().
    stopped = true;
    await informer.stop();
    await t.restart();
    await core().deleteNamespacedConfigMap({ name: 'a', namespace: 'inf' });
    for (let i = 0; i < 8; i++)
      await core().createNamespacedConfigMap({
        namespace: 'inf',
        body: { metadata: { name: `c${i}` } },
      });

    // The server now answers a watch from before the window with an ERROR event carrying 410.
    const events: { type: string; code?: number }[] = [];
    await new Promise<void>((resolve) => {
      void new k8s.Watch(t.kc).watch(
        '/api/v1/namespaces/inf/configmaps',
        { resourceVersion: oldRv },
        (type, obj: { code?: number }) =>
          events.push({ type, ...(obj.code ? { code: obj.code } : {}) }),
        () => resolve(),
      );
    });
    expect(events).toEqual([{ type: 'ERROR', code: 410 }]);

    stopped = false;
    await informer.start();
    await until(
      () => names().join() === ['b', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].join(),
      'cache to match the server after 410',
    );
    await informer.stop();
  });
});
