import { readFile } from 'node:fs/promises';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoomMember, startRoomAccessSweep } from '../../src/identity/room-access-sweep.js';
import { roomViewOf } from '../../src/live/room-view.js';
import { type TestCluster, startTestCluster } from './support/cluster.js';
import { adminBrowser, oidcBrowser } from './support/sign-in.js';
import { type TestApp, startTestApp } from './support/test-app.js';

const FIXTURE = new URL('../roles/fixtures/kargo-roles.yaml', import.meta.url);

let cluster: TestCluster;
let app: TestApp;

beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.createProjectNamespace('demo');
  await cluster.apply(await readFile(FIXTURE, 'utf8'));
  app = await startTestApp(cluster);
});
afterAll(async () => {
  await app?.close();
  await cluster?.close();
});

/** A socket's handshake request carries only the browser's cookies. */
const handshake = (cookie: string) => ({ headers: { cookie } }) as unknown as Request;

describe('project room membership is re-checked with Kubernetes', () => {
  it('takes a viewer out of the room within seconds of their role being revoked', async () => {
    const viewer = await oidcBrowser(app, 'vic@x.io');
    const left: string[] = [];
    const request = handshake(viewer.cookieHeader());
    const member: RoomMember = {
      project: 'demo',
      request,
      view: await roomViewOf(await app.identity.resolveCaller(request), 'demo'),
      leave: (r) => left.push(r),
    };
    const sweeper = startRoomAccessSweep({
      resolveCaller: app.identity.resolveCaller,
      members: () => [member],
      intervalMs: 60_000,
    });
    try {
      expect(await sweeper.sweep()).toBe(0);
      const admin = await adminBrowser(app);
      const revoke = await admin.api(
        `${app.url}/api/v1/projects/demo/roles/kargo-viewer/claims`,
        'DELETE',
        {
          claims: [{ name: 'email', values: ['vic@x.io'] }],
        },
      );
      expect(revoke.status).toBe(200);
      const started = Date.now();
      while (left.length === 0 && Date.now() - started < 10_000) {
        await sweeper.sweep();
        if (left.length === 0) await new Promise((r) => setTimeout(r, 250));
      }
      const took = Date.now() - started;
      expect(left).toHaveLength(1);
      expect(left[0]).toMatch(/list kargo.akuity.io\/stages in namespace "demo"/);
      expect(took).toBeLessThan(5_000);
    } finally {
      sweeper.stop();
    }
  });

  it('takes out a socket whose session cookie is no longer valid', async () => {
    const left: string[] = [];
    const member: RoomMember = {
      project: 'demo',
      request: handshake('wharf_session=garbage'),
      view: { project: 'demo', kinds: new Set(['stages']), withheld: [], key: 'stages' },
      leave: (r) => left.push(r),
    };
    const sweeper = startRoomAccessSweep({
      resolveCaller: app.identity.resolveCaller,
      members: () => [member],
      intervalMs: 60_000,
    });
    expect(await sweeper.sweep()).toBe(1);
    expect(left[0]).toMatch(/session/);
    sweeper.stop();
  });
});
