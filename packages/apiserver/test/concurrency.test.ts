// Write races: admission awaits, so two writes to one object can overlap. Updates with a
// resourceVersion get exactly one winner and one 409; patches without one are retried and
// none is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  t.server.addAdmissionHook({
    name: 'slow.example.com',
    matches: (r) => r.resource === 'configmaps',
    mutate: async () => {
      await new Promise((r) => setTimeout(r, 30));
      return { allowed: true };
    },
  });
  await api(t.server, 'POST', '/api/v1/namespaces/default/configmaps', {
    body: { metadata: { name: 'race' }, data: {} },
  });
});
afterAll(async () => {
  await t.stop();
});

const CM = '/api/v1/namespaces/default/configmaps/race';

describe('write races', () => {
  it('concurrent merge patches all land', async () => {
    const keys = ['a', 'b', 'c', 'd'];
    const replies = await Promise.all(
      keys.map((k) =>
        api(t.server, 'PATCH', CM, {
          body: { data: { [k]: '1' } },
          contentType: 'application/merge-patch+json',
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(Object.keys((await api(t.server, 'GET', CM)).body.data as object).sort()).toEqual(keys);
  });

  it('two updates from the same resourceVersion: one succeeds, the other gets 409 Conflict', async () => {
    const cur = (await api(t.server, 'GET', CM)).body;
    const put = (v: string) => api(t.server, 'PUT', CM, { body: { ...cur, data: { v } } });
    const statuses = (await Promise.all([put('x'), put('y')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
  });
});
