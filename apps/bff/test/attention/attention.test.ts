import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeConfig } from '@kubernetes/client-node';
import { APPROVAL_REQUESTS_KEY, type Freight } from '@wharf/shared';
import {
  AttentionJoinAckSchema,
  AttentionSnapshotSchema,
  ProjectsCapabilitiesSchema,
  stageCapability,
  SearchResultSchema,
  type ActivityDelta,
  type AttentionDelta,
  type AttentionSnapshot,
  type ProjectsCapabilities,
  type ResyncRequired,
} from '@wharf/shared/api';
import { echoServerProject, realStatusProject } from '@wharf/shared/fixtures';
import { adminCaller } from '../../src/access/admin-caller.js';
import type { CallerResolver } from '../../src/access/caller.js';
import { AccessReviewer } from '../../src/identity/access-reviewer.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { corePath, kargoPath } from '../../src/kube/paths.js';
import { eventually, HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { headerResolver } from '../support/callers.js';
import { seedEvents, seedProject } from '../support/kube-seed.js';
import { connectClient, type RecordingClient } from '../support/socket-client.js';

const GB = 'guestbook';
const ECHO = 'echo-server';
const RBAC = '/apis/rbac.authorization.k8s.io/v1';

/** `viewer` may read guestbook (Kargo's objects and events) and get that one Project. */
async function seedViewer(kc: KubeConfig) {
  const k = new KubeClient(kc);
  await k.create(`${RBAC}/namespaces/${GB}/roles`, {
    metadata: { name: 'viewer' },
    rules: [
      { apiGroups: ['kargo.akuity.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  await k.create(`${RBAC}/namespaces/${GB}/rolebindings`, {
    metadata: { name: 'viewer' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'viewer' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }],
  });
  await k.create(`${RBAC}/clusterroles`, {
    metadata: { name: 'guestbook-project-reader' },
    rules: [
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['projects'],
        resourceNames: [GB],
        verbs: ['get'],
      },
    ],
  });
  await k.create(`${RBAC}/clusterrolebindings`, {
    metadata: { name: 'viewer-guestbook-project' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'guestbook-project-reader',
    },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }],
  });
}

/**
 * `x-remembered-user` acts as that user through the identity layer's reviewer, whose answers
 * here would live a minute: only the BFF forgetting them on an RBAC change can end them sooner.
 */
function rememberingResolver(kc: KubeConfig, reviewer: AccessReviewer, rest: CallerResolver) {
  return (async (req) => {
    const user = req.headers['x-remembered-user'];
    if (typeof user !== 'string') return rest(req);
    const caller = await rest(req);
    return {
      ...caller,
      actor: `kubernetes:${user}`,
      authorize: (check) => reviewer.forSubject(user, ['system:authenticated'], check),
    };
  }) satisfies CallerResolver;
}

interface Listener {
  client: RecordingClient;
  items: AttentionDelta[];
  activity: ActivityDelta[];
  resyncs: ResyncRequired[];
}

describe.skipIf(!HAVE_CRDS)('the cockpit: what needs attention, across projects', () => {
  let h: Harness;
  let admin: KubeClient;
  const listeners: Listener[] = [];
  const get = async (path: string, user?: string, header = 'x-test-user') => {
    const res = await fetch(`${h.bff.url}/api/v1${path}`, {
      headers: user ? { [header]: user } : {},
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const send = async (method: string, path: string, body?: unknown, user?: string) => {
    const res = await fetch(`${h.bff.url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(user ? { 'x-test-user': user } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const snapshot = async (query = '', user?: string) =>
    AttentionSnapshotSchema.parse((await get(`/attention${query}`, user)).body);
  const ids = (s: AttentionSnapshot, project?: string) =>
    s.items.filter((i) => !project || i.project === project).map((i) => i.id);
  const join = async (user?: string) => {
    const client = await connectClient(h.bff.url, user ? { 'x-test-user': user } : {});
    const l: Listener = { client, items: [], activity: [], resyncs: [] };
    client.socket.on('attention:delta', (d) => l.items.push(d));
    client.socket.on('activity:delta', (d) => l.activity.push(d));
    client.socket.on('resync-required', (m) => l.resyncs.push(m));
    listeners.push(l);
    const ack = AttentionJoinAckSchema.parse(
      await new Promise((resolve) => client.socket.emit('attention:join', {}, resolve)),
    );
    if ('error' in ack) throw new Error(ack.error.message);
    return { l, snapshot: ack.data };
  };
  /** The items a listener holds for a project now: the newest delta, else the snapshot's. */
  const latest = (l: Listener, project: string, initial: AttentionSnapshot) => {
    const last = l.items.filter((d) => d.project === project).at(-1);
    return (last ? last.items : initial.items.filter((i) => i.project === project)).map(
      (i) => i.id,
    );
  };
  const setStageHealth = (ns: string, stage: string, status: 'True' | 'False') =>
    admin.mergePatch(kargoPath('stages', ns, stage, 'status'), {
      status: {
        health: { status: status === 'True' ? 'Healthy' : 'Unhealthy', issues: ['pods crashing'] },
        conditions: [
          {
            type: 'Healthy',
            status,
            reason: status === 'True' ? 'Healthy' : 'Unhealthy',
            message: status === 'True' ? 'ok' : 'Argo CD app Degraded',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
      },
    });

  beforeAll(async () => {
    h = await startHarness(
      async (kc) => {
        const gb = realStatusProject();
        await seedProject(kc, gb);
        await seedEvents(kc, gb);
        await seedProject(kc, echoServerProject());
        await seedViewer(kc);
      },
      (kc) => {
        const reviewer = new AccessReviewer(kc, 60_000);
        return {
          resolveCaller: rememberingResolver(kc, reviewer, headerResolver(kc, adminCaller(kc))),
          attentionRecheckMs: 300,
          onAccessChange: () => reviewer.forget(),
        };
      },
    );
    admin = new KubeClient(h.kc);
  });
  afterAll(async () => {
    listeners.forEach((l) => l.client.close());
    await h?.close();
  });

  it("lists what Kargo's status says needs a person, with the action that helps", async () => {
    const s = await snapshot();
    expect(s.projects).toEqual([ECHO, GB]);
    // The fixture's perf promotion started in January 2026 and still runs: slow by any clock.
    expect(ids(s, GB)).toEqual([
      'promotion-failed:prod-west',
      'stage-unhealthy:prod-east',
      'warehouse-failing:charts',
      expect.stringMatching(/^promotion-slow:perf\./),
      'auto-promotion-held:dev/guestbook',
    ]);
    expect(s.items.find((i) => i.id === 'promotion-failed:prod-west')?.action).toMatchObject({
      type: 'retry-promotion',
      stage: 'prod-west',
    });
    // Who promoted what where, newest first, from Kargo's events.
    expect(s.activity.length).toBeGreaterThan(0);
    expect(s.activity.every((e) => e.project === GB)).toBe(true);
    expect(s.activity.map((e) => e.time)).toEqual(
      [...s.activity.map((e) => e.time)].sort().reverse(),
    );
  });

  it('filters by project and kind as the URL asks, and refuses a kind it does not know', async () => {
    const s = await snapshot(`?project=${GB}&kind=stage-unhealthy,warehouse-failing`);
    expect(ids(s)).toEqual(['stage-unhealthy:prod-east', 'warehouse-failing:charts']);
    expect((await get('/attention?kind=bogus')).status).toBe(400);
  });

  it('shows a viewer of one project only that project, over REST and the socket', async () => {
    const s = await snapshot('', 'viewer');
    expect(s.projects).toEqual([GB]);
    expect(new Set(s.items.map((i) => i.project))).toEqual(new Set([GB]));
    const live = await join('viewer');
    expect(live.snapshot.projects).toEqual([GB]);
    // A change in a project the viewer may not see reaches admins, not the viewer.
    const adminLive = await join();
    await setStageHealth(ECHO, 'development', 'False');
    await eventually(() =>
      latest(adminLive.l, ECHO, adminLive.snapshot).includes('stage-unhealthy:development')
        ? true
        : undefined,
    );
    expect(live.l.items.filter((d) => d.project === ECHO)).toEqual([]);
    await setStageHealth(ECHO, 'development', 'True');
    await eventually(() =>
      latest(adminLive.l, ECHO, adminLive.snapshot).includes('stage-unhealthy:development')
        ? undefined
        : true,
    );
  });

  it("answers many projects' capabilities in one request, each as Kubernetes decides for the caller, and names the projects it may not see", async () => {
    const caps = async (of: string, user?: string) => {
      const res = await get(`/capabilities/projects?of=${encodeURIComponent(of)}`, user);
      expect(res.status).toBe(200);
      return ProjectsCapabilitiesSchema.parse(res.body);
    };
    const stagesOf = (answer: ProjectsCapabilities, project: string) => {
      const found = answer.items.find((c) => c.project === project);
      if (!found) throw new Error(`no capabilities for ${project}`);
      return found.stages;
    };
    const admin = await caps(`${GB}/prod-west,${GB}/uat,${ECHO},no-such-project`);
    expect(admin.items.map((c) => c.project).sort()).toEqual([ECHO, GB]);
    expect(stagesOf(admin, GB).names.sort()).toEqual(['prod-west', 'uat']);
    expect(stageCapability(stagesOf(admin, GB), 'prod-west', 'promote')).toEqual({ allowed: true });
    // A bare project asks its project actions only.
    expect(stagesOf(admin, ECHO).names).toEqual([]);
    expect(admin.denied).toEqual([
      { project: 'no-such-project', message: expect.stringMatching(/no project/) },
    ]);

    // The viewer may read guestbook, not act in it, and may not see echo-server at all.
    const viewer = await caps(`${GB}/prod-west,${ECHO}/development`, 'viewer');
    expect(viewer.items.map((c) => c.project)).toEqual([GB]);
    expect(stageCapability(stagesOf(viewer, GB), 'prod-west', 'promote')?.allowed).toBe(false);
    expect(viewer.denied.map((d) => d.project)).toEqual([ECHO]);
    expect((await caps(GB, 'nobody')).items).toEqual([]);
  });

  it('refuses a batched capabilities request without entries or with a malformed one (400)', async () => {
    expect((await get('/capabilities/projects')).status).toBe(400);
    expect((await get('/capabilities/projects?of=')).status).toBe(400);
    const bad = await get(`/capabilities/projects?of=${encodeURIComponent(`${GB}/a/b`)}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/project\/stage/);
  });

  it('a user who may see nothing gets an empty cockpit, not an error', async () => {
    const s = await snapshot('', 'nobody');
    expect(s).toMatchObject({ projects: [], items: [], activity: [] });
  });

  it('pushes a new problem to the room when it happens and takes it away when it is fixed', async () => {
    const { l, snapshot: first } = await join();
    expect(latest(l, ECHO, first)).not.toContain('warehouse-failing:echo-server');
    const failing = {
      status: {
        conditions: [
          {
            type: 'Healthy',
            status: 'False',
            reason: 'DiscoveryFailed',
            message: 'error discovering artifacts: registry unreachable',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
      },
    };
    await admin.mergePatch(kargoPath('warehouses', ECHO, ECHO, 'status'), failing);
    const delta = await eventually(() =>
      l.items.find((d) => d.items.some((i) => i.id === 'warehouse-failing:echo-server')),
    );
    expect(delta.items.find((i) => i.id === 'warehouse-failing:echo-server')?.detail).toContain(
      'registry unreachable',
    );
    await admin.mergePatch(kargoPath('warehouses', ECHO, ECHO, 'status'), {
      status: {
        conditions: ['Healthy', 'Ready'].map((type) => ({
          type,
          status: 'True',
          reason: type,
          message: 'ok',
          lastTransitionTime: new Date().toISOString(),
        })),
      },
    });
    await eventually(() =>
      latest(l, ECHO, first).includes('warehouse-failing:echo-server') ? undefined : true,
    );
  });

  it('brings new Kargo events to the activity feed live', async () => {
    const { l } = await join();
    await admin.create(corePath('events', ECHO), {
      metadata: {
        name: 'echo-promoted',
        annotations: {
          'event.kargo.akuity.io/actor': 'email:pat@example.com',
          'event.kargo.akuity.io/stage-name': 'staging',
          'event.kargo.akuity.io/promotion-name': 'staging.x.y',
        },
      },
      involvedObject: { kind: 'Promotion', name: 'staging.x.y', namespace: ECHO },
      reason: 'PromotionSucceeded',
      message: 'Promotion succeeded',
      type: 'Normal',
      lastTimestamp: new Date().toISOString(),
    });
    const d = await eventually(() => l.activity.find((a) => a.project === ECHO));
    expect(d.events[0]).toMatchObject({
      reason: 'PromotionSucceeded',
      actor: 'email:pat@example.com',
      stage: 'staging',
    });
  });

  it('tells a scoped member to join again when a project appears, and the new join shows what it may see', async () => {
    const { l } = await join('viewer');
    await admin.create(kargoPath('projects'), {
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: 'Project',
      metadata: { name: 'late-project' },
    });
    await eventually(() => l.resyncs.find((r) => r.scope === 'attention'));
    const again = await join('viewer');
    expect(again.snapshot.projects).toEqual([GB]);
  });

  describe('approval requests', () => {
    const freightOf = (ns: string, origin: string) => {
      const f = h.bff.cache
        .get('freight')
        .list(ns)
        .find((x: Freight) => x.origin.name === origin && !x.status?.currentlyIn?.['prod-west']);
      if (!f) throw new Error('no freight');
      return f;
    };

    it('are recorded in the freight status metadata, listed for approvers, and answered by approving', async () => {
      const f = freightOf(GB, 'guestbook');
      const path = `/projects/${GB}/freight/${f.metadata.name}`;
      const asked = await send('POST', `${path}/approval-requests`, { stage: 'prod-west' });
      expect(asked.status).toBe(200);
      const stored = (await admin.get(kargoPath('freights', GB, f.metadata.name))) as Freight;
      expect(stored.status?.metadata?.[APPROVAL_REQUESTS_KEY]).toMatchObject({
        'prod-west': { actor: 'admin' },
      });
      const id = `approval-requested:${f.metadata.name}/prod-west`;
      await eventually(async () => (ids(await snapshot()).includes(id) ? true : undefined));
      const approved = await send('POST', `${path}/approve`, { stage: 'prod-west' });
      expect(approved.status).toBe(200);
      await eventually(async () => (ids(await snapshot()).includes(id) ? undefined : true));
    });

    it('refuse a stage that does not take the freight (422), a viewer (403), and change nothing', async () => {
      const f = freightOf(GB, 'config');
      const path = `/projects/${GB}/freight/${f.metadata.name}/approval-requests`;
      const wrong = await send('POST', path, { stage: 'dev' });
      expect(wrong.status).toBe(422);
      const viewer = await send('POST', path, { stage: 'integration' }, 'viewer');
      expect(viewer.status).toBe(403);
      const stored = (await admin.get(kargoPath('freights', GB, f.metadata.name))) as Freight;
      expect(stored.status?.metadata?.[APPROVAL_REQUESTS_KEY]).toBeUndefined();
    });

    it('can be withdrawn, and withdrawing one that nobody made is a 404', async () => {
      const f = freightOf(GB, 'config');
      const path = `/projects/${GB}/freight/${f.metadata.name}/approval-requests`;
      expect((await send('POST', path, { stage: 'integration' })).status).toBe(200);
      expect((await send('DELETE', `${path}/integration`)).status).toBe(200);
      expect((await send('DELETE', `${path}/integration`)).status).toBe(404);
    });
  });

  describe('global search', () => {
    const search = async (q: string, user?: string) => {
      const res = await get(`/search?q=${encodeURIComponent(q)}`, user);
      expect(res.status).toBe(200);
      return SearchResultSchema.parse(res.body);
    };
    const names = (hits: readonly { project: string; name: string; alias?: string }[]) =>
      hits.map((h) => `${h.project}/${h.alias ?? h.name}`);

    it('finds freight by commit SHA prefix and by alias, and stages by name, across projects', async () => {
      const fx = realStatusProject();
      const heron = fx.freight.find((f) => f.alias === 'gentle-heron');
      const sha = heron?.commits?.[0]?.id ?? '';
      const bySha = await search(sha.slice(0, 8));
      expect(names(bySha.groups.freight)).toEqual([`${GB}/gentle-heron`]);
      expect(bySha.groups.freight[0]?.detail).toContain('Raise replica count to 3');
      // "brave" is an alias in both projects: brave-falcon and brave-heron.
      expect(names((await search('brave')).groups.freight).sort()).toEqual([
        `${ECHO}/brave-heron`,
        `${GB}/brave-falcon`,
      ]);
      const dev = await search('dev');
      expect(names(dev.groups.stages)).toEqual([`${GB}/dev`, `${ECHO}/development`]);
      expect(dev.projects).toBeGreaterThanOrEqual(2);
    });

    it('finds projects by name, only those the caller may see', async () => {
      expect(names((await search('echo')).groups.projects)).toEqual([`${ECHO}/${ECHO}`]);
      expect((await search('echo', 'viewer')).groups.projects).toEqual([]);
      expect(names((await search('guest', 'viewer')).groups.projects)).toEqual([`${GB}/${GB}`]);
    });

    it('shows a viewer of one project only that project', async () => {
      const dev = await search('dev', 'viewer');
      expect(dev.projects).toBe(1);
      expect(names(dev.groups.stages)).toEqual([`${GB}/dev`]);
      expect((await search('brave', 'viewer')).groups.freight.map((h) => h.project)).toEqual([GB]);
      expect((await search('dev', 'nobody')).groups.stages).toEqual([]);
    });

    it('finds what appears at once, from the cache, and refuses an empty query', async () => {
      await admin.create(kargoPath('stages', ECHO), {
        apiVersion: 'kargo.akuity.io/v1alpha1',
        kind: 'Stage',
        metadata: { name: 'canary-zeta' },
        spec: {
          requestedFreight: [
            { origin: { kind: 'Warehouse', name: ECHO }, sources: { direct: true } },
          ],
          promotionTemplate: { spec: { steps: [{ uses: 'argocd-update' }] } },
        },
      });
      await eventually(
        async () =>
          (await search('zeta')).groups.stages.some((h) => h.name === 'canary-zeta')
            ? true
            : undefined,
        15_000,
      );
      const empty = await get('/search?q=%20');
      expect(empty.status).toBe(400);
    });
  });

  it('takes a member whose role is revoked out of the room, and out of search, within seconds, though answers are remembered', async () => {
    const { l, snapshot: before } = await join('viewer');
    expect(before.projects).toEqual([GB]);
    // The remembered answers say guestbook is visible; they would live a minute.
    const found = async () => {
      const res = await get('/search?q=brave', 'viewer', 'x-remembered-user');
      expect(res.status).toBe(200);
      return SearchResultSchema.parse(res.body);
    };
    expect((await found()).groups.freight.map((h) => h.project)).toEqual([GB]);
    await admin.delete(`${RBAC}/namespaces/${GB}/rolebindings/viewer`);
    const msg = await eventually(() => l.resyncs.find((r) => r.scope === 'attention'), 15_000);
    expect(msg.reason).toContain('changed');
    const again = await join('viewer');
    expect(again.snapshot).toMatchObject({ projects: [], items: [] });
    const after = await eventually(async () => {
      const r = await found();
      return r.projects === 0 ? r : undefined;
    }, 10_000);
    expect(after.groups.freight).toEqual([]);
  });
});
