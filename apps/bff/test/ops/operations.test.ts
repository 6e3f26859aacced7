import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterStatusSchema } from '@wharf/shared';
import { echoServerProject } from '@wharf/shared/fixtures';
import { adminCaller } from '../../src/access/admin-caller.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { headerResolver } from '../support/callers.js';
import { seedProject } from '../support/kube-seed.js';

const NS = 'echo-server';

describe.skipIf(!HAVE_CRDS)('operations endpoints and the Kubernetes proxy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      async (kc) => {
        await seedProject(kc, echoServerProject());
        await new KubeClient(kc).create(`/api/v1/namespaces/${NS}/secrets`, {
          metadata: {
            name: 'git-creds',
            annotations: {
              'kubectl.kubernetes.io/last-applied-configuration':
                '{"data":{"password":"aHVudGVyMg=="}}',
            },
          },
          data: { password: 'aHVudGVyMg==' },
        });
      },
      (kc) => ({ resolveCaller: headerResolver(kc, adminCaller(kc)) }),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports health, readiness after sync, and the cluster as connected with Kargo installed', async () => {
    expect((await fetch(`${h.bff.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.bff.url}/readyz`)).status).toBe(200);
    const status = ClusterStatusSchema.parse(
      await (await fetch(`${h.bff.url}/api/v1/cluster`)).json(),
    );
    expect(status).toMatchObject({ mode: 'embedded', connected: true, kargoInstalled: true });
  });

  it("keeps an idle kept-alive connection open past Node's 5 s default, so a proxy reusing it gets no 502", async () => {
    const conn = connect(h.bff.port, '127.0.0.1');
    let closed = false;
    conn.on('close', () => (closed = true));
    const answered = new Promise<string>((resolve) => conn.once('data', (b) => resolve(String(b))));
    conn.write('GET /healthz HTTP/1.1\r\nHost: wharf\r\nConnection: keep-alive\r\n\r\n');
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    await new Promise((r) => setTimeout(r, 6000));
    expect(closed).toBe(false);
    conn.destroy();
  }, 15_000);

  it('exposes HTTP latency, sockets, watch restarts and cache sizes as Prometheus metrics', async () => {
    await fetch(`${h.bff.url}/api/v1/projects`);
    const text = await (await fetch(`${h.bff.url}/metrics`)).text();
    expect(text).toContain('wharf_http_request_duration_seconds_bucket');
    expect(text).toContain('route="/api/v1/projects"');
    expect(text).toContain('wharf_connected_sockets');
    expect(text).toContain('wharf_watch_restarts_total');
    expect(text).toMatch(/wharf_cache_objects\{kind="stages"\} 3/);
  });

  it('serves an OpenAPI document generated from the wire schemas, covering every action', async () => {
    const doc = (await (await fetch(`${h.bff.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/projects',
        '/api/v1/projects/{project}/graph',
        '/api/v1/projects/{project}/stages/{stage}/promotions',
        '/api/v1/projects/{project}/freight/{freight}/alias',
        '/api/v1/resources',
      ]),
    );
    expect(
      doc.paths['/api/v1/projects/{project}/stages/{stage}/promotions']?.post?.responses['201'],
    ).toBeDefined();
  });

  it('answers unknown API paths with 404 and the error body with a request id', async () => {
    const res = await fetch(`${h.bff.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { name: string }; request: string };
    expect(body.error.name).toBe('NotFoundError');
    expect(body.request).toBe(res.headers.get('x-request-id'));
  });

  it('proxies raw objects and redacts Secret values in objects and lists', async () => {
    const stage = (await (
      await fetch(
        `${h.bff.url}/api/v1/k8s/apis/kargo.akuity.io/v1alpha1/namespaces/${NS}/stages/staging`,
      )
    ).json()) as {
      metadata: { name: string };
    };
    expect(stage.metadata.name).toBe('staging');
    for (const path of [`secrets/git-creds`, `secrets`]) {
      const text = await (
        await fetch(`${h.bff.url}/api/v1/k8s/api/v1/namespaces/${NS}/${path}`)
      ).text();
      expect(text).toContain('password');
      expect(text).not.toContain('aHVudGVyMg==');
    }
  });

  it('redacts Secret values in a proxied watch stream', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${h.bff.url}/api/v1/k8s/api/v1/namespaces/${NS}/secrets?watch=true`, {
      signal: ctrl.signal,
    });
    const reader = res.body?.getReader();
    const { value } = (await reader?.read()) ?? {};
    ctrl.abort();
    const text = new TextDecoder().decode(value);
    expect(text).toContain('git-creds');
    expect(text).not.toContain('aHVudGVyMg==');
  });

  it('acts as the signed-in user and ignores client Authorization and Impersonate headers', async () => {
    const res = await fetch(`${h.bff.url}/api/v1/k8s/api/v1/namespaces/${NS}/secrets`, {
      headers: {
        'x-test-user': 'nobody',
        authorization: `Bearer ${h.api.adminToken}`,
        'impersonate-user': 'admin',
        'impersonate-group': 'system:masters',
      },
    });
    expect(res.status).toBe(403);
  });
});
