// Finalizers, deletionTimestamp, Terminating namespaces and dry-run deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await api(t.server, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'life' } } });
});
afterAll(async () => {
  await t.stop();
});

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 20));
    v = await read();
  }
  return v;
}

describe('deletion lifecycle', () => {
  it('a finalizer holds a deleted object (with deletionTimestamp) until it is removed', async () => {
    const path = '/api/v1/namespaces/life/configmaps/held';
    await api(t.server, 'POST', '/api/v1/namespaces/life/configmaps', {
      body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } },
    });
    const del = await api(t.server, 'DELETE', path);
    expect(del.status).toBe(200);
    expect((del.body.metadata as { deletionTimestamp?: string }).deletionTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect((await api(t.server, 'GET', path)).status).toBe(200);
    await api(t.server, 'PATCH', path, {
      body: { metadata: { finalizers: null } },
      contentType: 'application/merge-patch+json',
    });
    expect((await api(t.server, 'GET', path)).status).toBe(404);
  });

  it('a dry-run delete changes nothing', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces/life/configmaps', {
      body: { metadata: { name: 'kept' } },
    });
    expect(
      (await api(t.server, 'DELETE', '/api/v1/namespaces/life/configmaps/kept?dryRun=All')).status,
    ).toBe(200);
    expect((await api(t.server, 'GET', '/api/v1/namespaces/life/configmaps/kept')).status).toBe(
      200,
    );
  });

  it('a deleted namespace is Terminating while content with a finalizer remains, refuses new content, then goes away', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'ending' } } });
    await api(t.server, 'POST', '/api/v1/namespaces/ending/configmaps', {
      body: { metadata: { name: 'sticky', finalizers: ['example.com/hold'] } },
    });
    await api(t.server, 'POST', '/api/v1/namespaces/ending/configmaps', {
      body: { metadata: { name: 'plain' } },
    });
    await api(t.server, 'DELETE', '/api/v1/namespaces/ending');
    const ns = await eventually(
      () => api(t.server, 'GET', '/api/v1/namespaces/ending'),
      (r) => (r.body.status as { phase?: string }).phase === 'Terminating',
    );
    expect((ns.body.status as { phase: string }).phase).toBe('Terminating');
    await eventually(
      () => api(t.server, 'GET', '/api/v1/namespaces/ending/configmaps/plain'),
      (r) => r.status === 404,
    );
    const refused = await api(t.server, 'POST', '/api/v1/namespaces/ending/configmaps', {
      body: { metadata: { name: 'late' } },
    });
    expect(refused.status).toBe(403);
    expect(String(refused.body.message)).toContain(
      'unable to create new content in namespace ending because it is being terminated',
    );
    expect((await api(t.server, 'GET', '/api/v1/namespaces/ending')).status).toBe(200);
    await api(t.server, 'PATCH', '/api/v1/namespaces/ending/configmaps/sticky', {
      body: { metadata: { finalizers: null } },
      contentType: 'application/merge-patch+json',
    });
    const gone = await eventually(
      () => api(t.server, 'GET', '/api/v1/namespaces/ending'),
      (r) => r.status === 404,
    );
    expect(gone.status).toBe(404);
  });
});
