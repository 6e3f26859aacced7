import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { KARGO_API_VERSION, LABELS, FreightSchema, WarehouseSchema } from '@wharf/shared';
import {
  CapabilitiesSchema,
  stageCapability,
  ProjectJoinAckSchema,
  SOCKET_PATH,
} from '@wharf/shared/api';
import { startRoomAccessSweep } from '../../src/identity/room-access-sweep.js';
import { echoServerProject } from '@wharf/shared/fixtures';
import { KubeClient } from '../../src/kube/kube-client.js';
import { kargoPath } from '../../src/kube/paths.js';
import { kubeRequest } from '../../src/kube/kube-request.js';
import { HAVE_CRDS, NO_CRDS_MESSAGE, eventually, type Harness } from '../support/bff-harness.js';
import { createKargo, seedProject } from '../support/kube-seed.js';
import type { TestBrowser } from './support/browser.js';
import { seedKargoRoles } from '../support/kargo-roles.js';
import { startIdentityBff } from './support/full-bff.js';
import { adminBrowser, oidcBrowser } from './support/sign-in.js';
import type { TestApp } from './support/test-app.js';

const NS = 'echo-server';

const FRESH = 'f00d0000000000000000000000000000000000fe';

type Persona =
  'admin' | 'kargo-admin' | 'kargo-promoter' | 'kargo-viewer' | 'no role' | 'two roles';
const SIGN_IN: Record<Persona, (app: TestApp) => Promise<TestBrowser>> = {
  admin: (app) => adminBrowser(app),
  'kargo-admin': (app) => oidcBrowser(app, 'ann@x.io'),
  'kargo-promoter': (app) => oidcBrowser(app, 'pat@x.io'),
  'kargo-viewer': (app) => oidcBrowser(app, 'vic@x.io'),
  'no role': (app) => oidcBrowser(app, 'nobody@x.io'),
  // staging-promoter (promote staging, create promotions) + kargo-viewer (reads), united.
  'two roles': (app) => oidcBrowser(app, 'uma@x.io', ['viewers']),
};

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

describe.skipIf(!HAVE_CRDS)(
  'each action through the whole BFF is allowed or refused exactly as RBAC says',
  () => {
    let app: TestApp & { harness: Harness };
    let admin: KubeClient;
    const users = new Map<Persona, TestBrowser>();
    const as = (p: Persona) => users.get(p) as TestBrowser;
    const api = (path: string) => `${app.url}/api/v1/projects/${NS}${path}`;
    const promotionCount = async () =>
      ((await admin.get(kargoPath('promotions', NS))) as { items: unknown[] }).items.length;

    beforeAll(async () => {
      app = await startIdentityBff(async (kc) => {
        await seedProject(kc, echoServerProject());
        await createKargo(kc, {
          apiVersion: KARGO_API_VERSION,
          kind: 'Freight',
          metadata: { name: FRESH, namespace: NS, labels: { [LABELS.alias]: 'fresh-fox' } },
          alias: 'fresh-fox',
          origin: { kind: 'Warehouse', name: 'echo-server' },
          commits: [{ repoURL: 'https://github.com/example/echo-server.git', id: 'abc' }],
        });
        await seedKargoRoles(kc, NS);
      });
      admin = new KubeClient(app.harness.kc);
      for (const p of Object.keys(SIGN_IN) as Persona[]) users.set(p, await SIGN_IN[p](app));
    });
    afterAll(async () => {
      await app?.close();
    });

    // As in Kargo's UI: promote and approve need `promote` on the stage, refresh needs only to
    // read the warehouse; Wharf then writes as itself.
    const table: [Persona, { promote: number; approve: number; refresh: number }][] = [
      ['admin', { promote: 201, approve: 200, refresh: 200 }],
      ['kargo-admin', { promote: 201, approve: 200, refresh: 200 }],
      ['kargo-promoter', { promote: 201, approve: 200, refresh: 200 }],
      ['kargo-viewer', { promote: 403, approve: 403, refresh: 200 }],
      ['no role', { promote: 403, approve: 403, refresh: 403 }],
      // staging-promoter allows promote on staging, which is all approving for it takes.
      ['two roles', { promote: 201, approve: 200, refresh: 200 }],
    ];

    it.each(table)(
      '%s: promote to staging (a refusal creates no Promotion)',
      async (persona, want) => {
        const before = await promotionCount();
        const res = await as(persona).api(api('/stages/staging/promotions'), 'POST', {
          freightAlias: 'quiet-mole',
        });
        expect(res.status).toBe(want.promote);
        expect(await promotionCount()).toBe(before + (want.promote === 201 ? 1 : 0));
      },
    );

    it.each(table)(
      '%s: approve freight for staging (a refusal leaves it unapproved)',
      async (persona, want) => {
        await admin.mergePatch(kargoPath('freights', NS, FRESH, 'status'), {
          status: { approvedFor: null },
        });
        const res = await as(persona).api(api(`/freight/${FRESH}/approve`), 'POST', {
          stage: 'staging',
        });
        expect(res.status).toBe(want.approve);
        const f = FreightSchema.parse(await admin.get(kargoPath('freights', NS, FRESH)));
        expect(Boolean(f.status?.approvedFor?.staging)).toBe(want.approve === 200);
      },
    );

    it.each(table)(
      '%s: refresh the warehouse (a refusal leaves no refresh annotation)',
      async (persona, want) => {
        await admin.mergePatch(kargoPath('warehouses', NS, 'echo-server'), {
          metadata: { annotations: { 'kargo.akuity.io/refresh': null } },
        });
        const res = await as(persona).api(api('/warehouses/echo-server/refresh'), 'POST');
        expect(res.status).toBe(want.refresh);
        const w = WarehouseSchema.parse(
          await admin.get(kargoPath('warehouses', NS, 'echo-server')),
        );
        expect(Boolean(w.metadata.annotations?.['kargo.akuity.io/refresh'])).toBe(
          want.refresh === 200,
        );
      },
    );

    it.each([
      ['admin', true, true],
      ['kargo-admin', true, true],
      ['kargo-promoter', true, true],
      ['kargo-viewer', false, false],
      ['two roles', true, false],
    ] as [Persona, boolean, boolean][])(
      '%s: capabilities say promote staging=%s, production=%s',
      async (persona, staging, production) => {
        const res = await as(persona).api(api('/capabilities'));
        expect(res.status).toBe(200);
        const caps = CapabilitiesSchema.parse(await res.json());
        expect(stageCapability(caps.stages, 'staging', 'promote')?.allowed).toBe(staging);
        expect(stageCapability(caps.stages, 'production', 'promote')?.allowed).toBe(production);
        if (!production)
          expect(stageCapability(caps.stages, 'production', 'promote')).toMatchObject({
            reason: expect.stringMatching(/promote/),
          });
      },
    );

    it.each([
      ['kargo-viewer', true],
      ['two roles', true],
      ['no role', false],
    ] as [Persona, boolean][])(
      '%s: joining the project room over socket.io is allowed=%s',
      async (persona, allowed) => {
        const socket = connect(app.url, {
          path: SOCKET_PATH,
          transports: ['websocket'],
          extraHeaders: { cookie: as(persona).cookieHeader() },
        });
        try {
          const ack = ProjectJoinAckSchema.parse(
            await socket.timeout(5000).emitWithAck('project:join', { project: NS }),
          );
          expect('data' in ack).toBe(allowed);
          if (!allowed && 'error' in ack) expect(ack.error.name).toBe('ForbiddenError');
        } finally {
          socket.disconnect();
        }
      },
    );

    it('a user mapped to no role may not even read the project', async () => {
      expect((await as('no role').api(api('/capabilities'))).status).toBe(403);
    });

    it('forged Authorization and Impersonate-* headers on a write are ignored end to end', async () => {
      const before = await promotionCount();
      const res = await as('kargo-viewer').fetch(api('/stages/staging/promotions'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wharf-csrf': '1',
          authorization: `Bearer ${app.harness.kc.getCurrentUser()?.token ?? ''}`,
          'impersonate-user': 'system:admin',
          'impersonate-group': 'system:masters',
        },
        body: JSON.stringify({ freightAlias: 'quiet-mole' }),
      });
      expect(res.status).toBe(403);
      expect(await promotionCount()).toBe(before);
    });

    it('forged headers through the Kubernetes proxy do not lift a viewer to read Secrets', async () => {
      const res = await as('kargo-viewer').fetch(
        `${app.url}/api/v1/k8s/api/v1/namespaces/${NS}/secrets`,
        {
          headers: {
            authorization: `Bearer ${app.harness.kc.getCurrentUser()?.token ?? ''}`,
            'impersonate-user': 'system:admin',
            'impersonate-group': 'system:masters',
          },
        },
      );
      expect(res.status).toBe(403);
    });

    it('a cross-site POST to an action is refused before it is authorized', async () => {
      const before = await promotionCount();
      const res = await as('admin').fetch(api('/stages/staging/promotions'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://evil.example',
          'x-wharf-csrf': '1',
        },
        body: JSON.stringify({ freightAlias: 'quiet-mole' }),
      });
      expect(res.status).toBe(403);
      expect(await promotionCount()).toBe(before);
    });

    it('two roles: applying a Promotion reads it as the role that may get promotions and creates it as the one that may create them', async () => {
      const freight = echoServerProject().freight.find((f) => f.alias === 'quiet-mole');
      const manifest = JSON.stringify({
        apiVersion: KARGO_API_VERSION,
        kind: 'Promotion',
        metadata: { name: 'applied-by-uma', namespace: NS },
        spec: { stage: 'staging', freight: freight?.metadata.name, steps: [{ uses: 'git-clone' }] },
      });
      const res = await as('two roles').api(`${app.url}/api/v1/resources`, 'POST', { manifest });
      const body = (await res.json()) as { results: { outcome: string; error?: unknown }[] };
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.results, JSON.stringify(body.results)).toMatchObject([{ outcome: 'created' }]);
      await expect(admin.get(kargoPath('promotions', NS, 'applied-by-uma'))).resolves.toBeTruthy();
    });

    it('capabilities come from one rules review per role and namespace, not an access review per stage and verb', async () => {
      // A user no earlier test warmed a cache for: Kargo's promoter role, bound to a new ServiceAccount.
      await admin.create(`/api/v1/namespaces/${NS}/serviceaccounts`, {
        metadata: {
          name: 'quinn',
          annotations: { 'rbac.kargo.akuity.io/claims': '{"email":["quinn@x.io"]}' },
        },
      });
      await admin.create(`/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`, {
        metadata: { name: 'quinn' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kargo-promoter' },
        subjects: [{ kind: 'ServiceAccount', name: 'quinn', namespace: NS }],
      });
      const quinn = await oidcBrowser(app, 'quinn@x.io');
      await eventually(async () => {
        const me = (await (await quinn.api(`${app.url}/api/v1/auth/me`)).json()) as {
          roles: unknown[];
        };
        return me.roles.length === 1 ? true : undefined;
      }, 30_000);
      const reviews = async () => {
        const text = (await kubeRequest(app.harness.kc, '/metrics')).body.toString('utf8');
        const count = (resource: string) =>
          [...text.matchAll(new RegExp(`resource="${resource}"[^}]*\\} (\\d+)`, 'g'))]
            .map((m) => Number(m[1]))
            .reduce((a, b) => a + b, 0);
        return { access: count('subjectaccessreviews'), rules: count('selfsubjectrulesreviews') };
      };
      const before = await reviews();
      const res = await quinn.api(api('/capabilities'));
      const after = await reviews();
      const caps = CapabilitiesSchema.parse(await res.json());
      const stages = caps.stages.names;
      expect(stages.length).toBeGreaterThanOrEqual(3);
      expect(stageCapability(caps.stages, 'production', 'promote')?.allowed).toBe(true);
      expect(stageCapability(caps.stages, 'production', 'refresh')?.allowed).toBe(true);
      expect(stageCapability(caps.stages, 'production', 'reverify')).toMatchObject({
        allowed: false,
        reason: expect.stringContaining("Kargo's kargo-promoter role does not include it"),
      });
      expect(caps.projectActions.abortPromotion).toMatchObject({
        allowed: false,
        reason: expect.stringContaining('needs patch on promotions'),
      });
      // One rules review for the one role in the one namespace (two if the new binding's change
      // lands mid-answer and drops it); an access review only for the cluster-scoped check
      // (delete the Project), where rules of a namespace do not apply. Per stage and verb would
      // be three per stage and a dozen for the project.
      expect(after.rules - before.rules).toBeGreaterThanOrEqual(1);
      expect(after.rules - before.rules).toBeLessThanOrEqual(2);
      expect(after.access - before.access).toBeLessThanOrEqual(2);
    });

    it('revoking a RoleBinding pushes access:changed to a socket watching the project, and the next capabilities answer disables the control', async () => {
      // staging-promoter gives uma promote on staging; kargo-viewer, which stays, lets her read.
      const uma = as('two roles');
      const caps = async () =>
        CapabilitiesSchema.parse(await (await uma.api(api('/capabilities'))).json());
      expect(stageCapability((await caps()).stages, 'staging', 'promote')?.allowed).toBe(true);
      const socket = connect(app.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        extraHeaders: { cookie: uma.cookieHeader() },
      });
      try {
        const ack: unknown = await socket.timeout(5000).emitWithAck('access:join', { project: NS });
        expect(ack).toEqual({ data: { watching: true } });
        const changed = new Promise((resolve) => socket.on('access:changed', resolve));
        await admin.delete(
          `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings/staging-promoter`,
        );
        expect(await changed).toEqual({ project: NS });
        expect(stageCapability((await caps()).stages, 'staging', 'promote')).toMatchObject({
          allowed: false,
        });
      } finally {
        socket.disconnect();
      }
    });

    // Last: it revokes the viewer's role for good.
    it('revoking a role takes an open socket out of its project room within seconds', async () => {
      const socket = connect(app.url, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        extraHeaders: { cookie: as('kargo-viewer').cookieHeader() },
      });
      const sweeper = startRoomAccessSweep({
        resolveCaller: app.identity.resolveCaller,
        members: () => app.harness.bff.roomMembers(),
        intervalMs: 500,
      });
      try {
        const ack = ProjectJoinAckSchema.parse(
          await socket.timeout(5000).emitWithAck('project:join', { project: NS }),
        );
        expect('data' in ack).toBe(true);
        const removed = new Promise<unknown>((resolve) => socket.on('resync-required', resolve));
        const revoke = await as('admin').api(
          `${app.url}/api/v1/projects/${NS}/roles/kargo-viewer/claims`,
          'DELETE',
          {
            claims: [{ name: 'email', values: ['vic@x.io'] }],
          },
        );
        expect(revoke.status).toBe(200);
        const started = Date.now();
        const msg = await Promise.race([
          removed,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('still in the room')), 8000),
          ),
        ]);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(msg).toMatchObject({
          scope: 'project',
          project: NS,
          reason: expect.stringMatching(/list/),
        });
        expect([...app.harness.bff.roomMembers()]).toHaveLength(0);
      } finally {
        sweeper.stop();
        socket.disconnect();
      }
    });
  },
);
