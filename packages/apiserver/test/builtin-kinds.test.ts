// Rules kube-apiserver applies to built-in kinds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe('built-in kinds', () => {
  it('a Secret stringData is folded into base64 data and never stored as such; type defaults to Opaque', async () => {
    const r = await api(t.server, 'POST', '/api/v1/namespaces/default/secrets', {
      body: {
        metadata: { name: 's1' },
        data: { a: Buffer.from('x').toString('base64') },
        stringData: { b: 'hello' },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual({ a: 'eA==', b: 'aGVsbG8=' });
    expect(r.body.stringData).toBeUndefined();
    expect(r.body.type).toBe('Opaque');
  });

  it('refuses Secret data that is not base64 and a change of Secret type', async () => {
    const bad = await api(t.server, 'POST', '/api/v1/namespaces/default/secrets', {
      body: { metadata: { name: 's2' }, data: { a: 'not base64!' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe(
      'Secret "s2" is invalid: data[a]: Invalid value: "<secret contents redacted>": illegal base64 data',
    );
    const typed = await api(t.server, 'PATCH', '/api/v1/namespaces/default/secrets/s1', {
      body: { type: 'kubernetes.io/tls' },
      contentType: 'application/merge-patch+json',
    });
    expect(typed.status).toBe(422);
    expect(String(typed.body.message)).toContain(
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    );
  });

  it('an immutable ConfigMap refuses data changes', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: { metadata: { name: 'frozen' }, data: { a: '1' }, immutable: true },
    });
    const r = await api(t.server, 'PATCH', '/api/v1/namespaces/default/configmaps/frozen', {
      body: { data: { a: '2' } },
      contentType: 'application/merge-patch+json',
    });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe(
      'ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
  });

  it("a binding's roleRef cannot change", async () => {
    const rb = '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings';
    await api(t.server, 'POST', rb, {
      body: {
        metadata: { name: 'b' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [],
      },
    });
    const r = await api(t.server, 'PATCH', `${rb}/b`, {
      body: {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      },
      contentType: 'application/merge-patch+json',
    });
    expect(r.status).toBe(422);
    expect(String(r.body.message)).toContain('cannot change roleRef');
  });

  it('every namespace gets a default ServiceAccount', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'fresh' } } });
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await api(t.server, 'GET', '/api/v1/namespaces/fresh/serviceaccounts/default'))
        .status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(200);
  });

  it('refuses an ownerReference without a uid', async () => {
    const r = await api(t.server, 'POST', '/api/v1/namespaces/default/configmaps', {
      body: {
        metadata: {
          name: 'orphan',
          ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '' }],
        },
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe(
      'ConfigMap "orphan" is invalid: metadata.ownerReferences[0].uid: Invalid value: "": uid must not be empty',
    );
  });

  it('creating in a missing namespace answers 404 for the namespace', async () => {
    const r = await api(t.server, 'POST', '/api/v1/namespaces/nowhere/configmaps', {
      body: { metadata: { name: 'x' } },
    });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('namespaces "nowhere" not found');
  });
});
