// Watch details (bookmarks, selectors moving objects in and out, 410), field selectors for
// events, Table output, strategic merge directives and unknown-field reporting.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/http.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ bookmarkIntervalMs: 100, watchWindow: 3 });
  await api(t.server, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'wl' } } });
});
afterAll(async () => {
  await t.stop();
});

/** Opens a watch and collects its events until `done` says stop (or 5 s pass). */
function watchEvents(
  path: string,
  done: (events: { type: string; object: Record<string, unknown> }[]) => boolean,
  during?: () => Promise<void>,
) {
  return new Promise<{ type: string; object: Record<string, unknown> }[]>((resolve, reject) => {
    const events: { type: string; object: Record<string, unknown> }[] = [];
    const req = request(
      `${t.server.url}${path}`,
      { ca: t.server.caPem, headers: { Authorization: `Bearer ${t.server.adminToken}` } },
      (res) => {
        let buf = '';
        const finish = () => {
          req.destroy();
          resolve(events);
        };
        const timer = setTimeout(finish, 5000);
        res.on('data', (d: Buffer) => {
          buf += d.toString();
          let i: number;
          while ((i = buf.indexOf('\n')) >= 0) {
            events.push(
              JSON.parse(buf.slice(0, i)) as { type: string; object: Record<string, unknown> },
            );
            buf = buf.slice(i + 1);
          }
          if (done(events)) {
            clearTimeout(timer);
            finish();
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve(events);
        });
        if (during) void during().catch(reject);
      },
    );
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.end();
  });
}

describe('watch', () => {
  it('sends BOOKMARK events carrying a resourceVersion when asked to', async () => {
    const events = await watchEvents(
      '/api/v1/namespaces/wl/configmaps?watch=true&allowWatchBookmarks=true',
      (e) => e.some((x) => x.type === 'BOOKMARK'),
    );
    const bm = events.find((e) => e.type === 'BOOKMARK');
    expect(bm?.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
    expect((bm?.object.metadata as { resourceVersion: string }).resourceVersion).toMatch(/^\d+$/);
  });

  it('with a label selector, an object that stops matching arrives as DELETED and one that starts matching as ADDED', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces/wl/configmaps', {
      body: { metadata: { name: 'mover', labels: { team: 'a' } } },
    });
    const events = await watchEvents(
      '/api/v1/namespaces/wl/configmaps?watch=true&labelSelector=team%3Da',
      (e) => e.length >= 3,
      async () => {
        await api(t.server, 'PATCH', '/api/v1/namespaces/wl/configmaps/mover', {
          body: { metadata: { labels: { team: 'b' } } },
          contentType: 'application/merge-patch+json',
        });
        await api(t.server, 'PATCH', '/api/v1/namespaces/wl/configmaps/mover', {
          body: { metadata: { labels: { team: 'a' } } },
          contentType: 'application/merge-patch+json',
        });
      },
    );
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  it('with sendInitialEvents=true, sends the current state then a bookmark marking the end of initial events', async () => {
    const events = await watchEvents(
      '/api/v1/namespaces/wl/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
      (e) => e.some((x) => x.type === 'BOOKMARK'),
    );
    const end = events.findIndex((e) => e.type === 'BOOKMARK');
    expect(end).toBeGreaterThan(0);
    expect(events.slice(0, end).every((e) => e.type === 'ADDED')).toBe(true);
    expect(
      (events[end]?.object.metadata as { annotations: Record<string, string> }).annotations[
        'k8s.io/initial-events-end'
      ],
    ).toBe('true');
  });

  it('answers a watch from before the window with an ERROR event: 410 Expired, too old resource version', async () => {
    const rv = (await api(t.server, 'GET', '/api/v1/namespaces/wl/configmaps')).body.metadata as {
      resourceVersion: string;
    };
    for (let i = 0; i < 5; i++)
      await api(t.server, 'POST', '/api/v1/namespaces/wl/configmaps', {
        body: { metadata: { name: `fill${i}` } },
      });
    const events = await watchEvents(
      `/api/v1/namespaces/wl/configmaps?watch=true&resourceVersion=${rv.resourceVersion}`,
      () => false,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('ERROR');
    expect(events[0]?.object).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Expired',
      code: 410,
    });
    expect(String(events[0]?.object.message)).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });
});

describe('lists', () => {
  it('filters events by involvedObject fields and rejects unsupported field labels', async () => {
    for (const [name, obj] of [
      ['e1', 'stage-a'],
      ['e2', 'stage-b'],
    ])
      await api(t.server, 'POST', '/api/v1/namespaces/wl/events', {
        body: {
          metadata: { name },
          involvedObject: { kind: 'Stage', name: obj, namespace: 'wl' },
          reason: 'Promoted',
          type: 'Normal',
          message: 'm',
        },
      });
    const r = await api(
      t.server,
      'GET',
      '/api/v1/namespaces/wl/events?fieldSelector=involvedObject.name%3Dstage-b,involvedObject.kind%3DStage',
    );
    expect((r.body.items as { metadata: { name: string } }[]).map((e) => e.metadata.name)).toEqual([
      'e2',
    ]);
    const bad = await api(
      t.server,
      'GET',
      '/api/v1/namespaces/wl/configmaps?fieldSelector=data.x%3Dy',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('field label not supported: data.x');
  });

  it('serves meta.k8s.io/v1 Tables to clients that ask for them', async () => {
    const r = await api(t.server, 'GET', '/api/v1/namespaces/wl/configmaps?limit=1', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    expect(r.body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect((r.body.columnDefinitions as { name: string }[]).map((c) => c.name)).toEqual([
      'Name',
      'Data',
      'Age',
    ]);
    const row = (r.body.rows as { cells: unknown[]; object: { kind: string } }[])[0];
    expect(row?.object.kind).toBe('PartialObjectMetadata');
    expect(row?.cells[1]).toBe(0);
    expect((r.body.metadata as { continue?: string }).continue).toBeTruthy();
  });
});

describe('patches', () => {
  it('strategic merge understands $patch, $deleteFromPrimitiveList and merges finalizers as a set', async () => {
    await api(t.server, 'POST', '/api/v1/namespaces/wl/configmaps', {
      body: { metadata: { name: 'smp', finalizers: ['a.example/x'] }, data: { a: '1', b: '2' } },
    });
    const smp = (body: unknown) =>
      api(t.server, 'PATCH', '/api/v1/namespaces/wl/configmaps/smp', {
        body,
        contentType: 'application/strategic-merge-patch+json',
      });
    await smp({ metadata: { finalizers: ['b.example/y'] } });
    expect(
      (
        (await api(t.server, 'GET', '/api/v1/namespaces/wl/configmaps/smp')).body.metadata as {
          finalizers: string[];
        }
      ).finalizers,
    ).toEqual(['a.example/x', 'b.example/y']);
    await smp({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a.example/x', 'b.example/y'] },
    });
    await smp({ data: { $patch: 'replace', c: '3' } });
    const cm = (await api(t.server, 'GET', '/api/v1/namespaces/wl/configmaps/smp')).body;
    expect(cm.data).toEqual({ c: '3' });
    expect((cm.metadata as { finalizers?: string[] }).finalizers).toBeUndefined();
    const bad = await smp({ $bogus: 1 });
    expect(bad.status).toBe(400);
  });

  it('a JSON patch whose test fails changes nothing and answers 422', async () => {
    const r = await api(t.server, 'PATCH', '/api/v1/namespaces/wl/configmaps/smp', {
      body: [
        { op: 'test', path: '/data/c', value: 'nope' },
        { op: 'remove', path: '/data/c' },
      ],
      contentType: 'application/json-patch+json',
    });
    expect(r.status).toBe(422);
    expect(
      (
        (await api(t.server, 'GET', '/api/v1/namespaces/wl/configmaps/smp')).body.data as Record<
          string,
          string
        >
      ).c,
    ).toBe('3');
  });
});
