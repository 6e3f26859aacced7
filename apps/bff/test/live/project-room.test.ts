import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KARGO_API_VERSION } from '@wharf/shared';
import {
  ProjectFreightAckSchema,
  ProjectJoinAckSchema,
  ProjectPromotionsAckSchema,
  SNAPSHOT_PROMOTIONS,
  ProjectsJoinAckSchema,
  type FreightWindow,
  type ProjectFreightRequest,
  type ProjectJoinResult,
  type ProjectSnapshot,
  ProjectSnapshotSchema,
  type ProjectPromotionsRequest,
  type PromotionView,
  StageViewSchema,
} from '@wharf/shared/api';
import { echoServerProject } from '@wharf/shared/fixtures';
import { KubeClient } from '../../src/kube/kube-client.js';
import { kargoPath } from '../../src/kube/paths.js';
import { eventually, HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';
import { connectClient, type RecordingClient, type WharfClient } from '../support/socket-client.js';

const NS = 'echo-server';

function join(socket: WharfClient, project: string, version?: string, encoding?: 'gzip') {
  return new Promise<unknown>((resolve) =>
    socket.emit(
      'project:join',
      { project, ...(version ? { version } : {}), ...(encoding ? { encoding } : {}) },
      resolve,
    ),
  ).then((ack) => ProjectJoinAckSchema.parse(ack));
}

/** A `packed` answer's snapshot, unpacked as the browser does: gunzip, parse, check. */
function unpacked(res: ProjectJoinResult): ProjectSnapshot {
  if (res.mode !== 'packed') throw new Error(`expected a packed snapshot, got ${res.mode}`);
  return ProjectSnapshotSchema.parse(
    JSON.parse(gunzipSync(Buffer.from(res.gzip, 'base64')).toString()),
  );
}

function freight(socket: WharfClient, req: ProjectFreightRequest): Promise<FreightWindow> {
  return new Promise<unknown>((resolve) => socket.emit('project:freight', req, resolve)).then(
    (raw) => {
      const ack = ProjectFreightAckSchema.parse(raw);
      if ('error' in ack) throw new Error(ack.error.message);
      return ack.data;
    },
  );
}

function promotions(socket: WharfClient, req: ProjectPromotionsRequest): Promise<PromotionView[]> {
  return new Promise<unknown>((resolve) => socket.emit('project:promotions', req, resolve)).then(
    (raw) => {
      const ack = ProjectPromotionsAckSchema.parse(raw);
      if ('error' in ack) throw new Error(ack.error.message);
      return ack.data.items;
    },
  );
}

function joined(ack: Awaited<ReturnType<typeof join>>): ProjectJoinResult {
  if ('error' in ack) throw new Error(ack.error.message);
  return ack.data;
}

describe.skipIf(!HAVE_CRDS)('live project rooms over socket.io', () => {
  let h: Harness;
  let admin: KubeClient;
  const clients: RecordingClient[] = [];
  const client = async () => {
    const c = await connectClient(h.bff.url);
    clients.push(c);
    return c;
  };
  const annotateStage = (stage: string, value: string) =>
    admin.mergePatch(kargoPath('stages', NS, stage), {
      metadata: { annotations: { 'test/mark': value } },
    });
  const markOf = (c: RecordingClient, stage: string) =>
    c.deltas.flatMap((d) => d.upserts.stages.filter((s) => s.name === stage));

  beforeAll(async () => {
    h = await startHarness((kc) => seedProject(kc, echoServerProject()));
    admin = new KubeClient(h.kc);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await h?.close();
  });

  it('joins with a snapshot and a version, then a change made through the Kubernetes API arrives as a delta', async () => {
    const c = await client();
    const res = joined(await join(c.socket, NS));
    if (res.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(res.snapshot.stages.map((s) => s.name).sort()).toEqual([
      'development',
      'production',
      'staging',
    ]);
    await annotateStage('production', 'one');
    const delta = await eventually(() =>
      c.deltas.find((d) => d.upserts.stages.some((s) => s.name === 'production')),
    );
    expect(delta.previousVersion).toBe(res.snapshot.version);
    expect(delta.summary?.name).toBe(NS);
  });

  it('sends the snapshot gzip-compressed to a client that asks for it, equal to the plain one at the same version, and a new one after a change', async () => {
    const plain = joined(await join((await client()).socket, NS));
    if (plain.mode !== 'snapshot') throw new Error('expected a snapshot');
    const packed = joined(await join((await client()).socket, NS, undefined, 'gzip'));
    const snapshot = unpacked(packed);
    expect(snapshot).toEqual(plain.snapshot);
    if (packed.mode !== 'packed') throw new Error('expected a packed snapshot');
    expect(packed.gzip.length).toBeLessThan(JSON.stringify(plain.snapshot).length / 3);

    const c = await client();
    const first = unpacked(joined(await join(c.socket, NS, undefined, 'gzip')));
    await annotateStage('development', 'packed');
    await eventually(() => markOf(c, 'development').at(-1));
    const after = unpacked(joined(await join((await client()).socket, NS, undefined, 'gzip')));
    expect(after.version).not.toBe(first.version);
    const stage = after.stages.find((s) => s.name === 'development');
    expect(stage?.resourceVersion).not.toBe(
      first.stages.find((s) => s.name === 'development')?.resourceVersion,
    );
  });

  it("sends stages without their conditions, in the snapshot and in deltas; the stage's own view holds them at the same version", async () => {
    const c = await client();
    const res = joined(await join(c.socket, NS));
    if (res.mode !== 'snapshot') throw new Error('expected a snapshot');
    const held = res.snapshot.stages.find((s) => s.name === 'staging');
    expect(held).toBeDefined();
    expect(res.snapshot.stages.every((s) => !('conditions' in s))).toBe(true);
    await annotateStage('staging', 'conditions');
    const upsert = await eventually(() => markOf(c, 'staging').at(-1));
    expect('conditions' in upsert).toBe(false);
    const whole = StageViewSchema.parse(
      await (await fetch(`${h.bff.url}/api/v1/projects/${NS}/stages/staging`)).json(),
    );
    expect(whole.resourceVersion).toBe(upsert.resourceVersion);
    expect(whole.conditions.map((x) => x.type)).toContain('Ready');
  });

  it('coalesces a burst of changes to one object into few messages that end in its newest state', async () => {
    const c = await client();
    joined(await join(c.socket, NS));
    for (let i = 0; i < 15; i++) await annotateStage('staging', `burst-${i}`);
    const stage = await eventually(() => {
      const all = markOf(c, 'staging');
      return all.length > 0 &&
        all.at(-1)?.resourceVersion ===
          h.bff.cache.get('stages').get(NS, 'staging')?.metadata.resourceVersion
        ? all
        : undefined;
    });
    expect(stage.length).toBeLessThan(15);
    const versions = c.deltas.map((d) => [d.previousVersion, d.version]);
    for (let i = 1; i < versions.length; i++) expect(versions[i]?.[0]).toBe(versions[i - 1]?.[1]);
  });

  it('sends the newest freight with the snapshot and the rest on request, by page or by name, with holding times on stages', async () => {
    const c = await client();
    const res = joined(await join(c.socket, NS));
    if (res.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(res.snapshot.freightWindow).toEqual({ total: 4, nextCursor: null });
    expect(res.snapshot.freight.map((f) => f.alias)).toEqual([
      'quiet-mole',
      'lucky-jaguar',
      'brave-heron',
      'tidy-otter',
    ]);
    const staging = res.snapshot.stages.find((s) => s.name === 'staging');
    expect(staging?.currentFreight[0]?.alias).toBe('lucky-jaguar');
    expect(staging?.currentFreight[0]?.since).toMatch(/^\d{4}-/);
    const first = await freight(c.socket, { project: NS, query: { limit: 2, inUse: true } });
    expect(first.items.map((f) => f.alias)).toEqual(['quiet-mole', 'lucky-jaguar']);
    expect(first.total).toBe(3);
    const next = await freight(c.socket, {
      project: NS,
      query: { limit: 2, inUse: true, cursor: first.nextCursor ?? '' },
    });
    expect(next.items.map((f) => f.alias)).toEqual(['brave-heron']);
    expect(next.nextCursor).toBeNull();
    const named = await freight(c.socket, { project: NS, names: ['tidy-otter', 'no-such'] });
    expect(named.items.map((f) => f.alias)).toEqual(['tidy-otter']);
  });

  it('refuses freight to a socket that has not joined the project, and a malformed request', async () => {
    const c = await client();
    const ack = await new Promise<unknown>((resolve) =>
      c.socket.emit('project:freight', { project: NS, names: ['tidy-otter'] }, resolve),
    );
    expect(JSON.stringify(ack)).toContain('Join project');
    joined(await join(c.socket, NS));
    const bad = await new Promise<unknown>((resolve) =>
      c.socket.emit('project:freight', { project: NS, query: { limit: 0 } }, resolve),
    );
    expect(JSON.stringify(bad)).toContain('InputError');
  });

  it('sends only the newest promotions with the snapshot; every older one comes on request, by stage or by name, and one changed or created after the join arrives as a delta', async () => {
    const c = await client();
    const res = joined(await join(c.socket, NS));
    if (res.mode !== 'snapshot') throw new Error('expected a snapshot');
    const all = h.bff.cache.get('promotions').list(NS);
    // The fixture has more promotions than a snapshot carries, so some are left out.
    expect(all.length).toBeGreaterThan(SNAPSHOT_PROMOTIONS);
    const sent = res.snapshot.promotions.map((p) => p.name);
    expect(sent).toHaveLength(SNAPSHOT_PROMOTIONS);
    const oldest = all.find((p) => !sent.includes(p.metadata.name));
    if (!oldest) throw new Error('the snapshot left no promotion out');

    const ofStage = await promotions(c.socket, { project: NS, stage: oldest.spec.stage });
    const expected = all.filter((p) => p.spec.stage === oldest.spec.stage);
    expect(ofStage.map((p) => p.name).sort()).toEqual(expected.map((p) => p.metadata.name).sort());
    const named = await promotions(c.socket, {
      project: NS,
      names: [oldest.metadata.name, 'no-such-promotion'],
    });
    expect(named.map((p) => p.name)).toEqual([oldest.metadata.name]);

    // A change to a promotion the snapshot left out still arrives as a delta.
    await admin.mergePatch(kargoPath('promotions', NS, oldest.metadata.name), {
      metadata: { annotations: { 'test/mark': 'old-one-changed' } },
    });
    await eventually(() =>
      c.deltas.find((d) => d.upserts.promotions.some((p) => p.name === oldest.metadata.name)),
    );
    // So does a promotion created after the join.
    const created = 'production.created-after-join';
    await admin.create(kargoPath('promotions', NS), {
      apiVersion: KARGO_API_VERSION,
      kind: 'Promotion',
      metadata: { name: created, namespace: NS },
      spec: { ...oldest.spec, stage: 'production' },
    });
    const delta = await eventually(() =>
      c.deltas.find((d) => d.upserts.promotions.some((p) => p.name === created)),
    );
    expect(delta.upserts.promotions.find((p) => p.name === created)?.stage).toBe('production');
    await admin.delete(kargoPath('promotions', NS, created));
    await eventually(() => c.deltas.find((d) => d.deletes.promotions.includes(created)));
  });

  it('refuses promotions to a socket that has not joined the project, and a malformed request', async () => {
    const c = await client();
    await expect(promotions(c.socket, { project: NS, stage: 'production' })).rejects.toThrow(
      'Join project',
    );
    joined(await join(c.socket, NS));
    const bad = await new Promise<unknown>((resolve) =>
      (c.socket.emit as (e: string, p: unknown, cb: (a: unknown) => void) => void)(
        'project:promotions',
        { project: NS, names: [] },
        resolve,
      ),
    );
    expect(JSON.stringify(bad)).toContain('InputError');
  });

  it("carries the project's freight count in a delta that changes freight", async () => {
    const c = await client();
    joined(await join(c.socket, NS));
    const mole = h.bff.cache
      .get('freight')
      .list(NS)
      .find((f) => f.alias === 'quiet-mole');
    await admin.mergePatch(kargoPath('freights', NS, mole?.metadata.name ?? ''), {
      metadata: { annotations: { 'test/mark': 'x' } },
    });
    const delta = await eventually(() =>
      c.deltas.find((d) => d.upserts.freight.some((f) => f.alias === 'quiet-mole')),
    );
    expect(delta.freightTotal).toBe(4);
  });

  it('resumes from its version after a reconnect and replays only what it missed', async () => {
    const first = await client();
    const res = joined(await join(first.socket, NS));
    if (res.mode !== 'snapshot') throw new Error('expected a snapshot');
    await annotateStage('development', 'a');
    const seen = await eventually(() => first.deltas.at(-1));
    first.close();
    // Keep the room alive with another member while the first one is away.
    const other = await client();
    joined(await join(other.socket, NS));
    await annotateStage('development', 'missed');
    await eventually(() => (other.deltas.length > 0 ? true : undefined));
    const again = await client();
    const resumed = joined(await join(again.socket, NS, seen.version));
    expect(resumed).toEqual({ mode: 'resumed', version: seen.version });
    const replayed = await eventually(() =>
      again.deltas.find((d) => d.previousVersion === seen.version),
    );
    expect(replayed.upserts.stages.some((s) => s.name === 'development')).toBe(true);
  });

  it("resumes a socket that was the room's last one and comes back soon, replaying what changed while the room was empty", async () => {
    const noMembers = () =>
      [...h.bff.roomMembers()].some((m) => m.project === NS) ? undefined : true;
    clients.splice(0).forEach((c) => c.close());
    await eventually(noMembers);
    const first = await client();
    const res = joined(await join(first.socket, NS));
    if (res.mode !== 'snapshot') throw new Error('expected a snapshot');
    first.close();
    await eventually(noMembers);
    await annotateStage('staging', 'while-empty');
    await eventually(() =>
      h.bff.hub.existingRoom(NS)?.log.version !== res.snapshot.version ? true : undefined,
    );
    const again = await client();
    const resumed = joined(await join(again.socket, NS, res.snapshot.version));
    expect(resumed).toEqual({ mode: 'resumed', version: res.snapshot.version });
    const replayed = await eventually(() =>
      again.deltas.find((d) => d.previousVersion === res.snapshot.version),
    );
    expect(replayed.upserts.stages.some((s) => s.name === 'staging')).toBe(true);
  });

  it('answers a version it cannot resume from with a fresh snapshot', async () => {
    const c = await client();
    const res = joined(await join(c.socket, NS, 'unknown.42'));
    expect(res.mode).toBe('snapshot');
  });

  it('refuses to join a project that does not exist, with an error ack', async () => {
    const c = await client();
    const ack = await join(c.socket, 'nope');
    expect('error' in ack && ack.error.name).toBe('NotFoundError');
  });

  it('refuses a malformed join payload with an error ack naming the problem', async () => {
    const c = await client();
    const ack = await new Promise<unknown>((resolve) =>
      (c.socket.emit as (e: string, p: unknown, cb: (a: unknown) => void) => void)(
        'project:join',
        { project: 7 },
        resolve,
      ),
    );
    expect(JSON.stringify(ack)).toContain('InputError');
  });

  it('keeps the project list live: a new project appears as a projects delta', async () => {
    const c = await client();
    const ack = ProjectsJoinAckSchema.parse(
      await new Promise((r) => c.socket.emit('projects:join', {}, r)),
    );
    if ('error' in ack || ack.data.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(ack.data.items.map((p) => p.name)).toContain(NS);
    await admin.create(kargoPath('projects'), {
      apiVersion: KARGO_API_VERSION,
      kind: 'Project',
      metadata: { name: 'brand-new' },
    });
    const d = await eventually(() =>
      c.projects.find((x) => x.upserts.some((p) => p.name === 'brand-new')),
    );
    expect(d.previousVersion).toBe(ack.data.version);
  });

  it('sends Kubernetes events of a joined project as events deltas', async () => {
    const c = await client();
    joined(await join(c.socket, NS));
    await admin.create(`/api/v1/namespaces/${NS}/events`, {
      metadata: {
        name: 'promo-created.1',
        namespace: NS,
        annotations: { 'event.kargo.akuity.io/stage-name': 'staging' },
      },
      involvedObject: { kind: 'Promotion', name: 'staging.x', namespace: NS },
      reason: 'PromotionCreated',
      message: 'Promotion created for stage staging',
      type: 'Normal',
    });
    const d = await eventually(() =>
      c.events.find((e) => e.events.some((x) => x.reason === 'PromotionCreated')),
    );
    expect(d.events[0]?.stage).toBe('staging');
  });

  it('lists room members for access re-checks, and a member told to leave gets a resync and no more deltas', async () => {
    const c = await client();
    joined(await join(c.socket, NS));
    const member = [...h.bff.roomMembers()].find((m) => m.project === NS && m.request.headers);
    expect(member).toBeDefined();
    for (const m of h.bff.roomMembers())
      if (m.project === NS) m.leave('Your access to echo-server was revoked.');
    const msg = await eventually(() => c.resyncs.find((r) => r.reason.includes('revoked')));
    expect(msg.project).toBe(NS);
    const seen = c.deltas.length;
    await annotateStage('production', 'after-leave');
    await new Promise((r) => setTimeout(r, 200));
    expect(c.deltas.length).toBe(seen);
    joined(await join(c.socket, NS));
  });

  it('holds one upstream watch per Kargo kind and per project namespace for Events, ServiceAccounts, Roles and RoleBindings, however many sockets are connected', async () => {
    for (let i = 0; i < 5; i++) joined(await join((await client()).socket, NS));
    const projects = h.bff.cache.get('projects').size;
    expect(projects).toBeGreaterThan(0);
    const metrics = await (await fetch(`${h.bff.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^wharf_upstream_watches ${7 + 4 * projects}$`, 'm'));
    expect(metrics).toMatch(/^wharf_connected_sockets \d+$/m);
  });
});
