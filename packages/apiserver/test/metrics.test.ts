// GET /metrics: what clients asked, as kube-apiserver's apiserver_request_total counts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, serviceAccountToken } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function metrics(): Promise<string> {
  const r = await api(t.server, 'GET', '/metrics');
  expect(r.status).toBe(200);
  return String(r.body.text);
}

/** The value of one counter line, 0 when absent. */
function count(text: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`apiserver_request_total{${labels}} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('GET /metrics', () => {
  it('counts requests by verb, resource, scope and answer code, as apiserver_request_total', async () => {
    const cm = '/api/v1/namespaces/default/configmaps';
    const labels = (code: number, verb: string, scope: string) =>
      `code="${code}",group="",resource="configmaps",scope="${scope}",subresource="",verb="${verb}",version="v1"`;
    const before = await metrics();
    await api(t.server, 'POST', cm, { body: { metadata: { name: 'm1' } } });
    await api(t.server, 'POST', cm, { body: { metadata: { name: 'm1' } } });
    await api(t.server, 'GET', cm);
    await api(t.server, 'GET', cm);
    await api(t.server, 'GET', `${cm}/m1`);
    const token = await serviceAccountToken(t.server, 'default', 'nobody');
    await api(t.server, 'GET', cm, { token });
    const after = await metrics();
    const delta = (code: number, verb: string, scope: string) =>
      count(after, labels(code, verb, scope)) - count(before, labels(code, verb, scope));
    expect(delta(201, 'POST', 'namespace')).toBe(1);
    expect(delta(409, 'POST', 'namespace')).toBe(1);
    expect(delta(200, 'LIST', 'namespace')).toBe(2);
    expect(delta(403, 'LIST', 'namespace')).toBe(1);
    expect(delta(200, 'GET', 'resource')).toBe(1);
    expect(after).toMatch(/^wharf_apiserver_connections_total \d+$/m);
  });
});
