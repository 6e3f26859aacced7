import { isDeepStrictEqual } from 'node:util';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthMeSchema, ProjectJoinAckSchema } from '@wharf/shared/api';
import { echoServerProject } from '@wharf/shared/fixtures';
import { loadIdentityConfig } from '../../src/identity/identity-config.js';
import { createIdentity, type Identity } from '../../src/identity/identity.js';
import { sessionOf } from '../../src/identity/resolve-caller.js';
import { startRoomAccessSweep } from '../../src/identity/room-access-sweep.js';
import { SessionRevocations } from '../../src/identity/session-revocations.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { OwnNamespace } from '../../src/own-state/own-namespace.js';
import { eventually, HAVE_CRDS, NO_CRDS_MESSAGE, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';
import { connectClient, type RecordingClient } from '../support/socket-client.js';
import { TestBrowser } from '../identity/support/browser.js';
import { startIdentityBff } from '../identity/support/full-bff.js';
import { adminBrowser, oidcBrowser } from '../identity/support/sign-in.js';
import { ADMIN_PASSWORD, type TestApp } from '../identity/support/test-app.js';
import { seedKargoRoles } from '../support/kargo-roles.js';
import { tokenUser } from './support/token-user.js';

const NS = 'echo-server';
if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

/** A request carrying only a cookie header, as a socket handshake or a replayed request does. */
const withCookie = (cookie: string) => ({ headers: { cookie } }) as unknown as Request;

describe.skipIf(!HAVE_CRDS)(
  'session attacks: replay after sign-out, password change, dead tokens, big claims',
  () => {
    let app: TestApp & { harness: Harness; identityDataDir: string };
    const clients: RecordingClient[] = [];
    const others: Identity[] = [];

    /** Another replica (or a restart): same session key and cluster, its own watch of the revocations. */
    async function otherReplica(adminPassword = ADMIN_PASSWORD): Promise<Identity> {
      const kc = app.harness.kc;
      const identity = await createIdentity({
        config: loadIdentityConfig({ WHARF_ADMIN_PASSWORD: adminPassword }),
        dataDir: app.identityDataDir,
        kubeConfig: kc,
        log: () => {},
        ownNamespace: new OwnNamespace(kc, 'wharf', { initialMs: 50, maxMs: 400 }),
      });
      others.push(identity);
      return identity;
    }

    beforeAll(async () => {
      app = await startIdentityBff(async (kc) => {
        await seedProject(kc, echoServerProject());
        await seedKargoRoles(kc, NS);
      });
    });
    afterAll(async () => {
      clients.forEach((c) => c.close());
      others.forEach((o) => o.stop());
      await app?.close();
    });

    const url = (path: string) => `${app.url}${path}`;

    /** Everything a stolen cookie could be used for, answered by status. */
    async function replay(cookie: string) {
      const thief = new TestBrowser();
      for (const pair of cookie.split('; ')) {
        const at = pair.indexOf('=');
        thief.cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const socket = await connectClient(app.url, { cookie, origin: app.url });
      clients.push(socket);
      const join = ProjectJoinAckSchema.parse(
        await new Promise((r) => socket.socket.emit('project:join', { project: NS }, r)),
      );
      return {
        me: (await thief.api(url('/api/v1/auth/me'))).status,
        read: (await thief.api(url(`/api/v1/projects/${NS}/stages`))).status,
        proxy: (await thief.api(url(`/api/v1/k8s/api/v1/namespaces/${NS}/secrets`))).status,
        write: (
          await thief.api(url(`/api/v1/projects/${NS}/stages/staging/promotions`), 'POST', {
            freightAlias: 'quiet-mole',
          })
        ).status,
        socket: 'error' in join ? join.error.name : 'joined',
      };
    }
    const REFUSED = { me: 401, read: 401, proxy: 401, write: 401, socket: 'UnauthorizedError' };

    it('a cookie saved before sign-out is refused everywhere afterwards, by every replica, and its live socket is taken out', async () => {
      const admin = await adminBrowser(app);
      const saved = admin.cookieHeader();
      const bystander = await adminBrowser(app);
      const live = await connectClient(app.url, { cookie: saved, origin: app.url });
      clients.push(live);
      await new Promise((r) => live.socket.emit('project:join', { project: NS }, r));
      const sweep = startRoomAccessSweep({
        resolveCaller: app.identity.resolveCaller,
        members: () => app.harness.bff.roomMembers(),
        intervalMs: 200,
      });
      const replica = await otherReplica();
      try {
        expect((await replay(saved)).me).toBe(200);
        expect(await sessionOf(withCookie(saved), replica)).toBeTruthy();
        expect((await admin.api(url('/api/v1/auth/logout'), 'POST')).status).toBe(200);
        expect(admin.cookies.size).toBe(0);
        expect(await replay(saved)).toEqual(REFUSED);
        // Another replica learns of it through its own watch of the revocations Secret.
        await eventually(() =>
          sessionOf(withCookie(saved), replica).then(
            () => undefined,
            (err: Error) => err.message,
          ),
        ).then((message) => expect(message).toMatch(/signed out/));
        const taken = await eventually(() => live.resyncs.find((r) => r.project === NS), 10_000);
        expect(taken.reason).toMatch(/signed out/);
      } finally {
        sweep.stop();
      }
      // Signing out ends that session only: another admin session goes on.
      expect((await bystander.api(url('/api/v1/auth/me'))).status).toBe(200);
    });

    it('an admin cookie issued before the admin password changed is refused after it', async () => {
      const admin = await adminBrowser(app);
      const saved = withCookie(admin.cookieHeader());
      const restartedSame = await otherReplica(ADMIN_PASSWORD);
      expect((await sessionOf(saved, restartedSame)).actor).toBe('admin');
      const restartedChanged = await otherReplica('a-brand-new-admin-password');
      await expect(sessionOf(saved, restartedChanged)).rejects.toMatchObject({
        status: 401,
        message: expect.stringMatching(/admin password changed/) as string,
      });
    });

    it('a token session whose ServiceAccount was deleted gets 401 with a way back, on every path', async () => {
      const { browser } = await tokenUser(app.url, app.harness.kc, NS, 'short-lived', [
        { apiGroups: ['kargo.akuity.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['list'] },
      ]);
      const cookie = browser.cookieHeader();
      expect((await browser.api(url(`/api/v1/projects/${NS}/stages`))).status).toBe(200);
      await new KubeClient(app.harness.kc).delete(
        `/api/v1/namespaces/${NS}/serviceaccounts/short-lived`,
      );
      // Each path learns of the deletion through its own TokenReview cache: wait for all of them,
      // then show the last answers if one never refused.
      let after: Awaited<ReturnType<typeof replay>> | undefined;
      await eventually(async () => {
        after = await replay(cookie);
        return isDeepStrictEqual(after, REFUSED) ? true : undefined;
      }, 30_000).catch(() => undefined);
      expect(after).toEqual(REFUSED);
      const body = (await (await browser.api(url(`/api/v1/projects/${NS}/stages`))).json()) as {
        error: { message: string };
      };
      expect(body.error.message).toMatch(/no longer accepts your credentials.*sign in again/);
    });

    it('keeps a session with 200 groups in cookies a browser keeps (each under 4 KB), and maps roles by any of them', async () => {
      const groups = Array.from({ length: 200 }, (_, i) => `engineering-platform-team-${i}`);
      const browser = await oidcBrowser(app, 'many@x.io', groups);
      const pieces = [...browser.cookies].filter(([name]) => name.startsWith('wharf_session'));
      expect(pieces.length).toBeGreaterThanOrEqual(1);
      for (const [name, value] of pieces) expect(`${name}=${value}`.length).toBeLessThan(4000);
      const me = AuthMeSchema.parse(await (await browser.api(url('/api/v1/auth/me'))).json());
      expect(me.groups).toHaveLength(200);
      // kargo-promoter maps the group "release-managers" (legacy claim annotation) in the fixture.
      const promoter = await oidcBrowser(app, 'late@x.io', [...groups, 'release-managers']);
      const mapped = AuthMeSchema.parse(await (await promoter.api(url('/api/v1/auth/me'))).json());
      expect(mapped.roles.map((r) => r.name)).toContain('kargo-promoter');
      // Signing out clears every piece.
      await browser.api(url('/api/v1/auth/logout'), 'POST');
      expect([...browser.cookies.keys()].filter((n) => n.startsWith('wharf_session'))).toEqual([]);
    });

    it('keeps the list of sign-outs bounded: past its limit one notBefore ends every older session instead', async () => {
      const own = new OwnNamespace(app.harness.kc, 'wharf', { initialMs: 50, maxMs: 400 });
      try {
        const list = new SessionRevocations(own.secret('bounded-revocations-test'), Date.now, 3);
        const session = (sid: string, issuedAt = Date.now() - 1000) => ({
          sid: sid.padEnd(16, '-'),
          issuedAt,
          exp: Math.floor(Date.now() / 1000) + 3600,
        });
        for (const sid of ['a', 'b', 'c']) await list.revoke(session(sid));
        const older = session('never-revoked', Date.now() - 500);
        expect(await list.isRevoked(older)).toBe(false);
        await list.revoke(session('d'));
        expect(await list.isRevoked(older)).toBe(true);
        expect(await list.isRevoked(session('later', Date.now() + 1000))).toBe(false);
        const stored =
          own.secret('bounded-revocations-test').data()?.['revoked-sessions.json'] ?? '';
        expect(Object.keys((JSON.parse(stored) as { sessions: object }).sessions)).toHaveLength(0);
      } finally {
        own.stop();
      }
    });
  },
);
