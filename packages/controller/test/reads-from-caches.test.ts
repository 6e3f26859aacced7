import type { Freight, Stage } from '@wharf/shared';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';

// A real API server and controller on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let c: TestCluster;
const NS = 'cached';
const origin = { kind: 'Warehouse' as const, name: 'w' };
const FREIGHT = 30;

beforeAll(async () => {
  c = await startCluster();
  await c.api.create('Project', { metadata: { name: NS } });
  const stage = (name: string, sources: object, steps = true) =>
    c.api.create<Stage>('Stage', {
      metadata: { name, namespace: NS },
      spec: {
        requestedFreight: [{ origin, sources }],
        ...(steps ? { promotionTemplate: { spec: { steps: [{ uses: 'fail' }] } } } : {}),
      },
    } as Stage);
  // A control-flow Stage verifies every Freight it takes: each new Freight makes work for it.
  await stage('gate', { direct: true }, false);
  await stage('test', { direct: true });
  await stage('uat', { stages: ['test'] });
  await stage('prod', { stages: ['uat', 'gate'] });
  await c.controllers.idle();
});
afterAll(async () => c?.close());

function metricsText(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${c.server.url}/metrics`,
      { ca: c.server.caPem, headers: { Authorization: `Bearer ${c.server.adminToken}` } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The API server's request counters (GET /metrics), by "VERB resource[/subresource]". */
async function requestCounts(): Promise<{ count(what: string): number; connections: number }> {
  const text = await metricsText();
  return {
    count: (what) => {
      const [verb, resource, sub = ''] = what.split(/[ /]/);
      let n = 0;
      for (const m of text.matchAll(/^apiserver_request_total\{(.*)\} (\d+)$/gm))
        if (
          m[1]?.includes(`verb="${verb}"`) &&
          m[1].includes(`resource="${resource}"`) &&
          m[1].includes(`subresource="${sub}"`)
        )
          n += Number(m[2]);
      return n;
    },
    connections: Number(/^wharf_apiserver_connections_total (\d+)$/m.exec(text)?.[1] ?? NaN),
  };
}

describe('the embedded controller reads watch-fed caches and keeps its connections alive', () => {
  it('creating Freight costs one alias lookup each, no LIST or GET of Stages or Promotions, and few new connections', async () => {
    const before = await requestCounts();
    for (let i = 0; i < FREIGHT; i++)
      await c.api.create<Freight>('Freight', {
        metadata: { name: '', namespace: NS },
        origin,
        alias: `cached-${i}`,
        commits: [{ repoURL: 'https://git.example.com/app.git', id: `c${i}` }],
      } as Freight);
    // The control-flow Stage verifies each one, so the controller works for every Freight. The
    // counts are read before each of the test's own LISTs, so they hold all but the last.
    let after = await requestCounts();
    let ownLists = 0;
    for (;;) {
      await c.controllers.idle();
      after = await requestCounts();
      const all = await c.api.list<Freight>('Freight', NS);
      if (all.length === FREIGHT && all.every((f) => f.status?.verifiedIn?.gate)) break;
      ownLists++;
      await new Promise((r) => setTimeout(r, 100));
    }
    const delta = (line: string) => after.count(line) - before.count(line);
    expect(delta('PATCH freights/status')).toBeGreaterThanOrEqual(FREIGHT);
    // One LIST by alias label per create: the webhook's uniqueness check.
    expect(delta('LIST freights') - ownLists).toBe(FREIGHT);
    for (const line of ['LIST stages', 'GET stages', 'LIST promotions', 'GET freights'])
      expect(delta(line), line).toBe(0);
    // Without keep-alive every one of these requests opened a connection.
    expect(after.connections - before.connections).toBeLessThan(FREIGHT);
  });

  it('garbage collection reads the caches: rounds cost no LIST, and still delete old unused Freight', async () => {
    // GC every 200 ms, keeping 1 Freight per warehouse beyond what is in use and less than an hour old.
    await c.restartControllers({
      gcIntervalMs: 200,
      gc: { freightPerWarehouse: 1, minFreightAgeMs: 3_600_000 },
    });
    const before = await requestCounts();
    await c.api.create('Warehouse', {
      metadata: { name: 'old', namespace: NS },
      spec: {
        freightCreationPolicy: 'Manual',
        interval: '24h',
        subscriptions: [{ git: { repoURL: 'https://git.example.com/old' } }],
      },
    });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const names: string[] = [];
    for (const h of [72, 48, 24])
      names.push(
        (
          await c.api.create<Freight>('Freight', {
            metadata: { name: '', namespace: NS },
            origin: { kind: 'Warehouse', name: 'old' },
            alias: `old-${h}`,
            commits: [{ repoURL: 'https://git.example.com/old', id: `old${h}` }],
            discoveredAt: hoursAgo(h),
          } as Freight)
        ).metadata.name,
      );
    // Asked one by one (GET), so the test's own reads are no LISTs.
    await waitFor('the two older Freight collected', async () => {
      const left = await Promise.all(names.map((n) => c.api.get<Freight>('Freight', NS, n)));
      // Oldest first: only the newest is kept.
      return left.map((f) => !!f).join() === 'false,false,true';
    });
    // Rounds go on meanwhile; wait for one more to have looked at the project.
    const after = await waitFor('another GC round', async () => {
      const counts = await requestCounts();
      return counts.count('DELETE freights') >= before.count('DELETE freights') + 2
        ? counts
        : undefined;
    });
    const delta = (line: string) => after.count(line) - before.count(line);
    // One alias lookup per Freight created, as above; nothing else lists.
    expect(delta('LIST freights')).toBe(names.length);
    for (const line of ['LIST stages', 'LIST promotions', 'LIST warehouses'])
      expect(delta(line), line).toBe(0);
  });
});
