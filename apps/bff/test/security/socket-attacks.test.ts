import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  AccessJoinAckSchema,
  AttentionJoinAckSchema,
  ProjectJoinAckSchema,
  ProjectSnapshotSchema,
  SearchResultSchema,
  type AccessJoinAck,
  type ActivityDelta,
  type AttentionDelta,
  type ProjectJoinAck,
  type ProjectSnapshot,
} from '@wharf/shared/api';
import { echoServerProject } from '@wharf/shared/fixtures';
import { startRoomAccessSweep } from '../../src/identity/room-access-sweep.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { kargoPath } from '../../src/kube/paths.js';
import { eventually, HAVE_CRDS, NO_CRDS_MESSAGE, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';
import { connectClient, type RecordingClient, type WharfClient } from '../support/socket-client.js';
import type { TestBrowser } from '../identity/support/browser.js';
import { startIdentityBff } from '../identity/support/full-bff.js';
import { adminBrowser } from '../identity/support/sign-in.js';
import type { TestApp } from '../identity/support/test-app.js';
import { tokenUser } from './support/token-user.js';

const NS = 'echo-server';
const KARGO = 'kargo.akuity.io';

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

function join(
  socket: WharfClient,
  project: unknown,
  version?: string,
  encoding?: 'gzip',
): Promise<ProjectJoinAck> {
  return new Promise<unknown>((resolve) =>
    socket.emit(
      'project:join',
      { project, ...(version ? { version } : {}), ...(encoding ? { encoding } : {}) } as {
        project: string;
      },
      resolve,
    ),
  ).then((ack) => ProjectJoinAckSchema.parse(ack));
}

/** The snapshot of a join's answer, plain or packed (gunzipped as the browser does). */
function snapshotOf(ack: ProjectJoinAck): ProjectSnapshot {
  if ('error' in ack) throw new Error(ack.error.message);
  if (ack.data.mode === 'packed')
    return ProjectSnapshotSchema.parse(
      JSON.parse(gunzipSync(Buffer.from(ack.data.gzip, 'base64')).toString()),
    );
  if (ack.data.mode !== 'snapshot') throw new Error('expected a snapshot');
  return ack.data.snapshot;
}

/** Opens a socket as a browser page on `origin` would, or resolves the refusal. */
function handshake(url: string, headers: Record<string, string>): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const s = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: headers,
    });
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (err) => {
      s.close();
      resolve(err.message);
    });
  });
}

describe.skipIf(!HAVE_CRDS)('socket attacks: origin, per-kind rooms, hostile input', () => {
  let app: TestApp & { harness: Harness };
  let kube: KubeClient;
  let admin: TestBrowser;
  let stageLister: TestBrowser;
  const clients: RecordingClient[] = [];
  const client = async (b: TestBrowser, origin = app.url) => {
    const c = await connectClient(app.url, { cookie: b.cookieHeader(), origin });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    app = await startIdentityBff(async (kc) => seedProject(kc, echoServerProject()));
    kube = new KubeClient(app.harness.kc);
    admin = await adminBrowser(app);
    // May list stages, and nothing else: the pipeline view's minimum.
    ({ browser: stageLister } = await tokenUser(app.url, app.harness.kc, NS, 'stage-lister', [
      { apiGroups: [KARGO], resources: ['stages'], verbs: ['list', 'watch'] },
    ]));
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app?.close();
  });

  describe('the handshake checks Origin as the REST CSRF guard does', () => {
    it.each([
      ['another site', { origin: 'https://evil.example' }],
      ['another origin of the same site (another port)', { origin: 'http://127.0.0.1:1' }],
      ['another scheme of the same host', { origin: '' }],
      ['a same-site page per Sec-Fetch-Site', { 'sec-fetch-site': 'same-site' }],
      ['a cross-site page per Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
    ])('refuses a page on %s, even with the cookie', async (_what, extra) => {
      const headers: Record<string, string> = { cookie: admin.cookieHeader(), ...extra };
      if (headers.origin === '') headers.origin = app.url.replace('http:', 'https:');
      const outcome = await handshake(app.url, headers);
      expect(outcome).not.toBe('connected');
    });

    it('accepts the app’s own origin, and clients that are not browser pages (no Origin)', async () => {
      expect(await handshake(app.url, { origin: app.url, cookie: admin.cookieHeader() })).toBe(
        'connected',
      );
      expect(await handshake(app.url, { 'sec-fetch-site': 'same-origin' })).toBe('connected');
      expect(await handshake(app.url, {})).toBe('connected');
    });
  });

  describe('a project room sends each kind only to sockets that may read it, as REST decides', () => {
    it('gives an identity that may only list stages its stages, and nothing of the other kinds', async () => {
      const c = await client(stageLister);
      const s = snapshotOf(await join(c.socket, NS));
      expect(s.stages.length).toBeGreaterThan(0);
      expect(s.warehouses).toEqual([]);
      expect(s.freight).toEqual([]);
      expect(s.promotions).toEqual([]);
      expect(s.summary).toBeUndefined();
      expect(s.errors.map((e) => e.kind).sort()).toEqual(['freight', 'promotions', 'warehouses']);
      // The packed snapshot the web app asks for withholds the same.
      expect(snapshotOf(await join(c.socket, NS, undefined, 'gzip'))).toEqual(s);
      // REST refuses the same identity each of those kinds.
      for (const path of ['warehouses', 'freight', 'promotions', 'events']) {
        const res = await stageLister.api(`${app.url}/api/v1/projects/${NS}/${path}`);
        expect(res.status, path).toBe(403);
      }
      expect((await stageLister.api(`${app.url}/api/v1/projects/${NS}`)).status).toBe(403);
    });

    it('sends it deltas of stages only, while an admin in the same room gets every kind', async () => {
      const lister = await client(stageLister);
      const full = await client(admin);
      snapshotOf(await join(lister.socket, NS));
      expect(snapshotOf(await join(full.socket, NS)).warehouses.length).toBeGreaterThan(0);
      const mark = { metadata: { annotations: { 'test/mark': `m-${Date.now()}` } } };
      await kube.mergePatch(kargoPath('warehouses', NS, 'echo-server'), mark);
      const freight = echoServerProject().freight[0]?.metadata.name ?? '';
      await kube.mergePatch(kargoPath('freights', NS, freight), mark);
      const promotion = echoServerProject().promotions[0]?.metadata.name ?? '';
      await kube.mergePatch(kargoPath('promotions', NS, promotion), mark);
      await kube.create(`/api/v1/namespaces/${NS}/events`, {
        metadata: { name: `probe-${Date.now()}` },
        involvedObject: { kind: 'Stage', name: 'staging', namespace: NS },
        reason: 'Probe',
        message: 'secret-ish event message',
        type: 'Normal',
      });
      await kube.mergePatch(kargoPath('stages', NS, 'staging'), mark);
      // The admin saw every kind change: the changes happened.
      await eventually(() => {
        const d = full.deltas;
        return d.some((x) => x.upserts.warehouses.length) &&
          d.some((x) => x.upserts.freight.length) &&
          d.some((x) => x.upserts.promotions.length) &&
          d.some((x) => x.summary) &&
          full.events.length > 0
          ? true
          : undefined;
      }, 10_000);
      await eventually(() =>
        lister.deltas.some((x) => x.upserts.stages.some((s) => s.name === 'staging'))
          ? true
          : undefined,
      );
      for (const d of lister.deltas) {
        expect(d.upserts.warehouses).toEqual([]);
        expect(d.upserts.freight).toEqual([]);
        expect(d.upserts.promotions).toEqual([]);
        expect(d.summary).toBeUndefined();
      }
      expect(lister.events).toEqual([]);
      // Every delta still arrives, emptied, so the version chain stays whole.
      expect(lister.deltas.map((d) => d.version)).toEqual(full.deltas.map((d) => d.version));
    });

    it('takes a socket out when what it may read changes, and its new join shows the new set', async () => {
      const c = await client(stageLister);
      snapshotOf(await join(c.socket, NS));
      const sweep = startRoomAccessSweep({
        resolveCaller: app.identity.resolveCaller,
        members: () => app.harness.bff.roomMembers(),
        intervalMs: 200,
      });
      try {
        await kube.mergePatch(
          `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/roles/stage-lister`,
          {
            rules: [
              { apiGroups: [KARGO], resources: ['stages', 'freights'], verbs: ['list', 'watch'] },
            ],
          },
        );
        const resync = await eventually(() => c.resyncs.find((r) => r.project === NS), 10_000);
        expect(resync.reason).toMatch(/changed/);
      } finally {
        sweep.stop();
      }
      const again = snapshotOf(await join(c.socket, NS));
      expect(again.freight.length).toBeGreaterThan(0);
      expect(again.warehouses).toEqual([]);
    });

    it('refuses to join with 403 when stages may not be listed, and with 401 when not signed in', async () => {
      const { browser: nobody } = await tokenUser(app.url, app.harness.kc, NS, 'no-stages', [
        { apiGroups: [KARGO], resources: ['warehouses'], verbs: ['list'] },
      ]);
      const refused = await join((await client(nobody)).socket, NS);
      expect('error' in refused && refused.error.name).toBe('ForbiddenError');
      const anonymous = await connectClient(app.url, {});
      clients.push(anonymous);
      const ack = await join(anonymous.socket, NS);
      expect('error' in ack && ack.error.name).toBe('UnauthorizedError');
    });
  });

  describe('the cockpit’s attention room and search give each kind only to callers that may read it', () => {
    /** Joins the attention room and records what it is sent. */
    const attentionMember = async (b: TestBrowser) => {
      const c = await client(b);
      const items: AttentionDelta[] = [];
      const activity: ActivityDelta[] = [];
      c.socket.on('attention:delta', (d) => items.push(d));
      c.socket.on('activity:delta', (d) => activity.push(d));
      const ack = AttentionJoinAckSchema.parse(
        await new Promise((resolve) => c.socket.emit('attention:join', {}, resolve)),
      );
      if ('error' in ack) throw new Error(ack.error.message);
      return { c, snapshot: ack.data, items, activity };
    };
    const failWarehouse = (message: string) =>
      kube.mergePatch(kargoPath('warehouses', NS, 'echo-server', 'status'), {
        status: {
          conditions: [
            {
              type: 'Healthy',
              status: 'False',
              reason: 'DiscoveryFailed',
              message,
              lastTransitionTime: new Date().toISOString(),
            },
          ],
        },
      });
    const kargoEvent = (name: string) =>
      kube.create(`/api/v1/namespaces/${NS}/events`, {
        metadata: { name, annotations: { 'event.kargo.akuity.io/stage-name': 'staging' } },
        involvedObject: { kind: 'Promotion', name: `staging.${name}`, namespace: NS },
        reason: 'PromotionSucceeded',
        message: `${name}: only event readers may see this`,
        type: 'Normal',
        lastTimestamp: new Date().toISOString(),
      });
    const WAREHOUSE_ITEM = `warehouse-failing:${NS}`;

    it('gives an identity that may see the project and list its stages no warehouse item and no event, in the snapshot, live or in search', async () => {
      const { browser } = await tokenUser(app.url, app.harness.kc, NS, 'cockpit-stages', [
        { apiGroups: [KARGO], resources: ['stages'], verbs: ['list', 'watch'] },
      ]);
      // It may see the project itself (the project list's rule), so the cockpit shows it.
      await kube.create('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
        metadata: { name: 'cockpit-stages-project' },
        rules: [
          { apiGroups: [KARGO], resources: ['projects'], resourceNames: [NS], verbs: ['get'] },
        ],
      });
      await kube.create('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
        metadata: { name: 'cockpit-stages-project' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'cockpit-stages-project',
        },
        subjects: [{ kind: 'ServiceAccount', name: 'cockpit-stages', namespace: NS }],
      });
      await failWarehouse('registry unreachable');
      await kargoEvent(`before-${Date.now()}`);
      const full = await eventually(async () => {
        const m = await attentionMember(admin);
        const ready =
          m.snapshot.items.some((i) => i.id === WAREHOUSE_ITEM) &&
          m.snapshot.activity.some((e) => e.project === NS);
        if (!ready) m.c.close();
        return ready ? m : undefined;
      }, 10_000);
      const lister = await attentionMember(browser);
      expect(lister.snapshot.projects).toEqual([NS]);
      expect(lister.snapshot.items.map((i) => i.id)).not.toContain(WAREHOUSE_ITEM);
      expect(lister.snapshot.activity).toEqual([]);

      // Live: the admin in the cockpit is sent the new event and the changed warehouse item.
      const live = `live-${Date.now()}`;
      await kargoEvent(live);
      await failWarehouse(`registry unreachable (${live})`);
      await eventually(() =>
        full.activity.some((d) => d.events.some((e) => e.name === live)) &&
        full.items.some((d) =>
          d.items.some((i) => i.id === WAREHOUSE_ITEM && i.detail?.includes(live)),
        )
          ? true
          : undefined,
      );
      // Whatever was sent to the lister's room went out with the admin's, before this answer.
      await new Promise((resolve) => lister.c.socket.emit('attention:leave', {}, resolve));
      expect(lister.activity).toEqual([]);
      expect(lister.items.flatMap((d) => d.items).map((i) => i.id)).not.toContain(WAREHOUSE_ITEM);

      // The cockpit's search answers by the same rule: stages only.
      const search = async (b: TestBrowser) =>
        SearchResultSchema.parse(
          await (await b.api(`${app.url}/api/v1/search?q=${NS}&project=${NS}`)).json(),
        );
      const everything = await search(admin);
      expect(everything.totals.warehouses).toBeGreaterThan(0);
      const stagesOnly = await search(browser);
      expect(stagesOnly.projects).toBe(1);
      expect(stagesOnly.totals).toMatchObject({ warehouses: 0, freight: 0, promotions: 0 });
    });
  });

  describe('the access room tells RBAC changes only to those who may see the project', () => {
    const watchAccess = (c: RecordingClient, project: string) =>
      new Promise<unknown>((resolve) => c.socket.emit('access:join', { project }, resolve)).then(
        (ack) => AccessJoinAckSchema.parse(ack),
      );
    const refusal = (ack: AccessJoinAck) => ('error' in ack ? ack.error.name : 'watching');

    it('refuses a project the caller may not see (403), a namespace that is no project and 200 made-up names (404)', async () => {
      const { browser: outsider } = await tokenUser(app.url, app.harness.kc, NS, 'no-watch', [
        { apiGroups: [KARGO], resources: ['warehouses'], verbs: ['list'] },
      ]);
      expect(refusal(await watchAccess(await client(outsider), NS))).toBe('ForbiddenError');
      const c = await client(admin);
      expect(refusal(await watchAccess(c, NS))).toBe('watching');
      expect(refusal(await watchAccess(c, 'kube-system'))).toBe('NotFoundError');
      const made = Array.from({ length: 200 }, (_, i) => `made-up-${i}`);
      const answers = await Promise.all(made.map((p) => watchAccess(c, p)));
      expect(new Set(answers.map(refusal))).toEqual(new Set(['NotFoundError']));
    });
  });

  describe('hostile input is refused without echoing it', () => {
    it('refuses a 20 KB project name, an unknown 10 KB field and a made-up version, briefly', async () => {
      const c = await client(admin);
      const huge = 'x'.repeat(20 * 1024);
      const payloads: unknown[] = [
        { project: huge },
        { project: 'Not_A_Name' },
        { project: NS, [`f${'y'.repeat(10 * 1024)}`]: 1 },
        { project: NS, version: 'v'.repeat(10 * 1024) },
        { project: NS, encoding: 'br' },
        { project: 42 },
        'just a string',
      ];
      for (const payload of payloads) {
        const ack = await new Promise<unknown>((resolve) =>
          c.socket.emit('project:join', payload as { project: string }, resolve),
        );
        const text = JSON.stringify(ack);
        expect(text).toMatch(/InputError/);
        expect(text.length, text.slice(0, 200)).toBeLessThan(400);
        expect(text).not.toContain('xxxxxxxxxx');
        expect(text).not.toContain('yyyyyyyyyy');
      }
    });

    it('drops a socket that sends a message over 32 KB (a 100 KB project name): nothing is echoed', async () => {
      const c = await connectClient(app.url, { cookie: admin.cookieHeader() });
      clients.push(c);
      const closed = new Promise<string>((resolve) => c.socket.once('disconnect', resolve));
      const acks: unknown[] = [];
      c.socket.emit('project:join', { project: 'x'.repeat(100 * 1024) }, (a) => acks.push(a));
      expect(await closed).toBeTruthy();
      expect(acks).toEqual([]);
    });
  });
});
