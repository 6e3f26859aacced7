import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CapabilitiesSchema, stageCapability } from '@wharf/shared/api';
import {
  HAVE_KARGO_CRDS,
  NO_KARGO_CRDS,
  ProductionTopology,
  REPO_ROOT,
  TOPOLOGY_ADMIN_PASSWORD,
  TOPOLOGY_PROJECT as PROJECT,
  TOPOLOGY_USERS,
  TopologyClient,
} from '@wharf/test-support';

if (!HAVE_KARGO_CRDS) console.warn(`production topology: ${NO_KARGO_CRDS}`);

/** Polls until `check` returns a value, or fails naming `what`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined) {
  const end = Date.now() + 30_000;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!HAVE_KARGO_CRDS)(
  'Wharf in production: two replicas behind nginx under /wharf/',
  () => {
    let t: ProductionTopology;
    const client = (opts?: ConstructorParameters<typeof TopologyClient>[2]) =>
      new TopologyClient(t.url, t.caPem, opts);

    /** A browser signed in through the proxy by OIDC as one of the project's users. */
    async function ssoSession(user: keyof typeof TOPOLOGY_USERS): Promise<TopologyClient> {
      const c = client();
      t.idp.loginAs(TOPOLOGY_USERS[user].email);
      try {
        const landed = await c.follow(`api/v1/auth/oidc/login?returnTo=/`);
        expect(landed.status, landed.text).toBe(200);
      } finally {
        t.idp.loginAs('');
      }
      return c;
    }

    async function tokenSession(): Promise<TopologyClient> {
      const c = client();
      const res = await c.request('POST', 'api/v1/auth/login', {
        token: await t.token('promoter'),
      });
      expect(res.status, res.text).toBe(200);
      return c;
    }

    beforeAll(async () => {
      t = await ProductionTopology.start();
    }, 240_000);
    afterAll(async () => {
      await t?.close();
    });

    it('serves the page with <base href="/wharf/">, its assets and /healthz under /wharf/ only', async () => {
      const c = client();
      const page = await c.request('GET', '');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<base href="/wharf/" />');
      const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.text)?.[1];
      expect(asset).toBeDefined();
      expect((await c.request('GET', asset ?? '')).status).toBe(200);
      expect((await c.request('GET', 'projects/echo-server')).text).toContain(
        '<base href="/wharf/" />',
      );
      expect((await c.request('GET', 'healthz')).status).toBe(200);
      expect((await c.request('GET', `${t.origin}/healthz`)).status).toBe(404);
    });

    it('signs in with a Kubernetes token: the cookie is Secure, HttpOnly and scoped to /wharf/', async () => {
      const c = await tokenSession();
      const cookie = c.cookie('wharf_session');
      expect(cookie?.attributes).toMatch(/;\s*Secure/i);
      expect(cookie?.attributes).toMatch(/HttpOnly/i);
      expect(cookie?.attributes).toMatch(/Path=\/wharf\//i);
      const me = await c.request('GET', 'api/v1/auth/me');
      expect(me.json<{ username: string }>().username).toBe(
        `system:serviceaccount:${PROJECT}:${TOPOLOGY_USERS.promoter.sa}`,
      );
    });

    it("shares the session key and admin password through Wharf's Secret, with nothing per replica", async () => {
      const secret = (await t.admin.request(
        'GET',
        '/api/v1/namespaces/wharf/secrets/wharf-secret',
      )) as { data: Record<string, string> };
      const keys = Buffer.from(secret.data['session-keys'] ?? '', 'base64').toString('utf8');
      // Two replicas started at once: one key, created by whichever came first.
      expect(keys.trim().split('\n')).toHaveLength(1);
      const c = client();
      const res = await c.request('POST', 'api/v1/auth/login', {
        password: TOPOLOGY_ADMIN_PASSWORD,
      });
      expect(res.status, res.text).toBe(200);
      const upstreams = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const me = await c.request('GET', 'api/v1/auth/me');
        expect(me.status).toBe(200);
        if (me.upstream) upstreams.add(me.upstream);
      }
      expect(upstreams.size).toBe(2);
    });

    it('refuses a state change whose Origin is not the public URL, though the proxy forwards it', async () => {
      const c = client({ origin: 'https://evil.example' });
      const res = await c.request('POST', 'api/v1/auth/login', {
        password: TOPOLOGY_ADMIN_PASSWORD,
      });
      expect(res.status).toBe(403);
      expect(res.text).toContain('https://evil.example');
    });

    it('signs in with OIDC through the proxy and returns to the page asked for under /wharf/', async () => {
      const c = client();
      t.idp.loginAs(TOPOLOGY_USERS.promoter.email);
      const landed = await c.follow(
        `api/v1/auth/oidc/login?returnTo=${encodeURIComponent(`/projects/${PROJECT}`)}`,
      );
      t.idp.loginAs('');
      expect(landed.status, landed.text).toBe(200);
      expect(landed.text).toContain('<base href="/wharf/" />');
      expect(c.cookie('wharf_session')?.attributes).toMatch(/Path=\/wharf\//i);
      const me = await c.request('GET', 'api/v1/auth/me');
      expect(me.json<{ email?: string }>().email).toBe(TOPOLOGY_USERS.promoter.email);
    });

    it('spreads reads and writes over both replicas with no stickiness, one session for all', async () => {
      const c = await tokenSession();
      const readers = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const res = await c.request('GET', `api/v1/projects/${PROJECT}/graph`);
        expect(res.status, res.text).toBe(200);
        readers.add(res.upstream ?? '');
      }
      expect(readers.size).toBe(2);

      const freight = (await c.request('GET', `api/v1/projects/${PROJECT}/freight`)).json<{
        items: { name: string }[];
      }>().items;
      const writers = new Set<string>();
      const promote = await c.request(
        'POST',
        `api/v1/projects/${PROJECT}/stages/development/promotions`,
        {
          freight: freight[0]?.name,
        },
      );
      expect(promote.status, promote.text).toBe(201);
      writers.add(promote.upstream ?? '');
      const approve = await c.request(
        'POST',
        `api/v1/projects/${PROJECT}/freight/${freight[0]?.name}/approve`,
        { stage: 'staging' },
      );
      expect(approve.status, approve.text).toBeLessThan(300);
      writers.add(approve.upstream ?? '');
      expect(writers.size).toBe(2);
    });

    it('counts sign-in attempts per client address forwarded by the proxy, not per proxy', async () => {
      const noisy = client({ localAddress: '127.0.0.2' });
      let limited = false;
      for (let i = 0; i < 40 && !limited; i++) {
        const res = await noisy.request('POST', 'api/v1/auth/login', {
          password: 'wrong-password',
        });
        limited = res.status === 429;
      }
      expect(limited).toBe(true);
      const other = client({ localAddress: '127.0.0.3' });
      const res = await other.request('POST', 'api/v1/auth/login', { password: 'wrong-password' });
      expect(res.status).toBe(401);
    });

    it('a socket joins through the proxy, gets deltas, and resumes on the other replica when its replica dies, without a new sign-in', async () => {
      const c = await tokenSession();
      const cookie = `wharf_session=${c.cookie('wharf_session')?.value}`;
      const socket: Socket = io(t.origin, {
        path: '/wharf/socket.io',
        transports: ['websocket'],
        extraHeaders: { cookie },
        ca: t.caPem,
        reconnectionDelay: 200,
        reconnectionDelayMax: 1000,
      });
      const deltas: string[] = [];
      socket.on('project:delta', (d: { version: string }) => deltas.push(d.version));
      let version: string | undefined;
      const join = () =>
        new Promise<{ data?: { mode: string; version?: string; snapshot?: { version: string } } }>(
          (resolve) => socket.emit('project:join', { project: PROJECT, version }, resolve),
        );
      try {
        await eventually('the socket to connect', () => (socket.connected ? true : undefined));
        const first = await join();
        expect(first.data?.mode).toBe('snapshot');
        version = first.data?.snapshot?.version;

        const annotate = (value: string) =>
          t.admin.request(
            'PATCH',
            `/apis/kargo.akuity.io/v1alpha1/namespaces/${PROJECT}/stages/staging`,
            { metadata: { annotations: { 'test/mark': value } } },
            'application/merge-patch+json',
          );
        await annotate('before');
        await eventually('a delta', () => (deltas.length > 0 ? true : undefined));

        // Which replica holds the socket? Each says how many sockets it has.
        const holder = await eventually('the replica holding the socket', async () => {
          for (const r of t.replicas) {
            const metrics = await (await fetch(`${r.directUrl}/metrics`)).text();
            if (/^wharf_connected_sockets 1$/m.test(metrics)) return r;
          }
          return undefined;
        });
        const survivor = t.replicas.find((r) => r !== holder);
        const rejoined = new Promise<void>((resolve) =>
          socket.io.once('reconnect', () => {
            void join().then((ack) => {
              expect(ack.data, JSON.stringify(ack)).toBeDefined();
              resolve();
            });
          }),
        );
        await holder.kill();
        await rejoined;
        const metrics = await (await fetch(`${survivor?.directUrl}/metrics`)).text();
        expect(metrics).toMatch(/^wharf_connected_sockets 1$/m);
        const seen = deltas.length;
        await annotate('after');
        await eventually('a delta from the other replica', () =>
          deltas.length > seen ? true : undefined,
        );
        await holder.start();
      } finally {
        socket.close();
      }
    });

    it('keeps the session when both replicas restart: the cookie still works', async () => {
      const c = await tokenSession();
      await Promise.all(t.replicas.map((r) => r.stop()));
      await Promise.all(t.replicas.map((r) => r.start()));
      const me = await c.request('GET', 'api/v1/auth/me');
      expect(me.status, me.text).toBe(200);
    });

    it('a replica that may not read Events is ready, says so in /readyz and /metrics, and serves the pipeline', async () => {
      // Wharf's own RBAC, less Events.
      const docs = parseAllDocuments(
        readFileSync(join(REPO_ROOT, 'deploy/rbac/project-namespaces.yaml'), 'utf8'),
      ).map((d) => d.toJS() as { kind: string; rules: { resources: string[] }[] });
      const reader = docs.find((d) => d.kind === 'ClusterRole');
      const rules = reader?.rules.map((r) => ({
        ...r,
        resources: r.resources.filter((x) => x !== 'events'),
      }));
      const subject = [{ kind: 'ServiceAccount', name: 'wharf-no-events', namespace: 'wharf' }];
      await t.admin.request('POST', '/api/v1/namespaces/wharf/serviceaccounts', {
        metadata: { name: 'wharf-no-events' },
      });
      const rbac = '/apis/rbac.authorization.k8s.io/v1';
      await t.admin.request('POST', `${rbac}/clusterroles`, {
        metadata: { name: 'wharf-no-events' },
        rules,
      });
      for (const role of ['wharf', 'wharf-no-events']) {
        await t.admin.request('POST', `${rbac}/clusterrolebindings`, {
          metadata: { name: `wharf-no-events-${role}` },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
          subjects: subject,
        });
      }
      // and its own namespace's Secret (session key, sign-outs), as deploy/rbac grants.
      await t.admin.request('POST', `${rbac}/namespaces/wharf/rolebindings`, {
        metadata: { name: 'wharf-no-events' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'wharf' },
        subjects: subject,
      });
      const replica = await t.startExtraReplica('wharf-no-events');

      interface Readyz {
        kinds: Record<string, { state: string }>;
        cluster: { problems?: { kind: string; state: string }[] };
      }
      // Ready does not wait for Events; wait until Kubernetes has refused them, then look again.
      const { status, detail } = await eventually('events to be refused', async () => {
        const res = await fetch(`${replica.directUrl}/readyz`);
        const body = (await res.json()) as Readyz;
        return body.kinds.events?.state === 'forbidden'
          ? { status: res.status, detail: body }
          : undefined;
      });
      expect(status).toBe(200);
      expect(detail.kinds.stages?.state).toBe('synced');
      expect(detail.cluster.problems).toContainEqual(
        expect.objectContaining({ kind: 'events', state: 'forbidden' }),
      );
      const metrics = await (await fetch(`${replica.directUrl}/metrics`)).text();
      expect(metrics).toMatch(/^wharf_cache_kind_state\{kind="events",state="forbidden"\} 1$/m);
      expect(metrics).toMatch(/^wharf_ready 1$/m);

      const c = new TopologyClient(`${replica.directUrl}/`, t.caPem, { origin: t.origin });
      const login = await c.request('POST', 'api/v1/auth/login', {
        token: await t.token('viewer'),
      });
      expect(login.status, login.text).toBe(200);
      const graph = await c.request('GET', `api/v1/projects/${PROJECT}/graph`);
      expect(graph.status, graph.text).toBe(200);
      expect(graph.json<{ nodes: unknown[] }>().nodes.length).toBeGreaterThan(0);
    });

    describe("Kargo's roles work as in Kargo's UI: Wharf checks the user, then writes as its own ServiceAccount", () => {
      const kargo = `/apis/kargo.akuity.io/v1alpha1/namespaces/${PROJECT}`;
      interface KargoObject {
        metadata: { annotations?: Record<string, string> };
        status?: { currentPromotion?: { name: string } };
      }
      const annotations = async (path: string) =>
        ((await t.admin.request('GET', `${kargo}/${path}`)) as KargoObject).metadata.annotations ??
        {};
      /** Both replicas behind the round-robin proxy answer `path` with 200 (their caches hold it). */
      const bothSee = (c: TopologyClient, path: string) =>
        eventually(`both replicas to see ${path}`, async () => {
          const answers = [await c.request('GET', path), await c.request('GET', path)];
          return answers.every((a) => a.status === 200) ? answers : undefined;
        });
      let running: string;

      beforeAll(async () => {
        const staging = (await t.admin.request('GET', `${kargo}/stages/staging`)) as KargoObject;
        running = staging.status?.currentPromotion?.name ?? '';
        expect(running, 'the seeded staging stage runs a promotion').not.toBe('');
      });

      it("a kargo-promoter refreshes a stage, and Kargo's way its current promotion too, though the role may patch neither", async () => {
        const c = await ssoSession('promoter');
        const res = await c.request('POST', `api/v1/projects/${PROJECT}/stages/staging/refresh`);
        expect(res.status, res.text).toBe(200);
        const { requestedAt } = res.json<{ requestedAt: string }>();
        expect((await annotations('stages/staging'))['kargo.akuity.io/refresh']).toBe(requestedAt);
        expect((await annotations(`promotions/${running}`))['kargo.akuity.io/refresh']).toBe(
          requestedAt,
        );
      });

      it('a kargo-promoter is refused abort with 403 and the missing permission, as Kargo refuses it, and nothing changes', async () => {
        const c = await ssoSession('promoter');
        const caps = CapabilitiesSchema.parse(
          (await c.request('GET', `api/v1/projects/${PROJECT}/capabilities`)).json(),
        );
        expect(stageCapability(caps.stages, 'staging', 'refresh')?.allowed).toBe(true);
        expect(stageCapability(caps.stages, 'development', 'promote')?.allowed).toBe(true);
        expect(stageCapability(caps.stages, 'staging', 'reverify')?.allowed).toBe(false);
        expect(caps.projectActions.abortPromotion).toMatchObject({
          allowed: false,
          reason: expect.stringMatching(
            /needs patch on promotions; Kargo's kargo-promoter role does not include it/,
          ),
        });
        const res = await c.request(
          'POST',
          `api/v1/projects/${PROJECT}/promotions/${running}/abort`,
        );
        expect(res.status, res.text).toBe(403);
        expect(res.json<{ error: { message: string } }>().error.message).toMatch(
          /patch kargo\.akuity\.io\/promotions.*needs patch on promotions; Kargo's kargo-promoter role does not include it/,
        );
        expect(
          (await annotations(`promotions/${running}`))['kargo.akuity.io/abort'],
        ).toBeUndefined();
      });

      it("a kargo-admin aborts the running promotion: Kargo's abort annotation lands, naming who", async () => {
        const c = await ssoSession('projectAdmin');
        await bothSee(c, `api/v1/projects/${PROJECT}/promotions/${running}`);
        const res = await c.request(
          'POST',
          `api/v1/projects/${PROJECT}/promotions/${running}/abort`,
        );
        expect(res.status, res.text).toBe(200);
        const abort = (await annotations(`promotions/${running}`))['kargo.akuity.io/abort'];
        expect(JSON.parse(abort ?? '{}')).toEqual({
          action: 'terminate',
          actor: `email:${TOPOLOGY_USERS.projectAdmin.email}`,
        });
      });

      it("a promotion records the person as Kargo's API server would (email:<email>); when Kargo's webhook kept only Wharf, the view says so instead of naming anyone", async () => {
        const c = await ssoSession('promoter');
        const freight = (await c.request('GET', `api/v1/projects/${PROJECT}/freight`)).json<{
          items: { name: string }[];
        }>().items;
        const res = await c.request(
          'POST',
          `api/v1/projects/${PROJECT}/stages/development/promotions`,
          { freight: freight[0]?.name },
        );
        expect(res.status, res.text).toBe(201);
        const { promotion } = res.json<{ promotion: { name: string; actor?: string } }>();
        const person = `email:${TOPOLOGY_USERS.promoter.email}`;
        expect(promotion.actor).toBe(person);
        const path = `promotions/${promotion.name}`;
        expect((await annotations(path))['kargo.akuity.io/create-actor']).toBe(person);
        // As Kargo's API server, Wharf records the Event naming the person (deploy/rbac grants it).
        const events = (await t.admin.request('GET', `/api/v1/namespaces/${PROJECT}/events`)) as {
          items: { reason?: string; metadata: { annotations?: Record<string, string> } }[];
        };
        const created = events.items.filter(
          (e) =>
            e.reason === 'PromotionCreated' &&
            e.metadata.annotations?.['event.kargo.akuity.io/promotion-name'] === promotion.name,
        );
        expect(created.map((e) => e.metadata.annotations?.['event.kargo.akuity.io/actor'])).toEqual(
          [person],
        );

        // What Kargo's webhook writes when its CONTROLPLANE_USER_REGEX does not match Wharf.
        await t.admin.request(
          'PATCH',
          `${kargo}/${path}`,
          {
            metadata: {
              annotations: {
                'kargo.akuity.io/create-actor': 'kubernetes:system:serviceaccount:wharf:wharf',
              },
            },
          },
          'application/merge-patch+json',
        );
        await eventually('both replicas to show the promotion as by Wharf', async () => {
          const views = await bothSee(c, `api/v1/projects/${PROJECT}/${path}`);
          const actors = views.map((v) => v.json<{ actor?: string }>().actor);
          return actors.every((a) => a?.startsWith('Wharf (Kargo did not keep who'))
            ? actors
            : undefined;
        });
      });
    });
  },
);
