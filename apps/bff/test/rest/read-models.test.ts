import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EventPageSchema,
  FreightListItemSchema,
  FreightPageSchema,
  ProjectGraphSchema,
  ProjectListSchema,
  PromotionListSchema,
  StageViewSchema,
} from '@wharf/shared/api';
import { echoServerProject } from '@wharf/shared/fixtures';
import { HAVE_CRDS, NO_CRDS_MESSAGE, startHarness, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

describe.skipIf(!HAVE_CRDS)('read models over HTTP against the embedded cluster', () => {
  let h: Harness;
  const get = async (path: string) => {
    const res = await fetch(`${h.bff.url}/api/v1${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  beforeAll(async () => {
    h = await startHarness((kc) => seedProject(kc, echoServerProject()));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists projects with stage and warehouse counts and pending promotions', async () => {
    const { status, body } = await get('/projects');
    expect(status).toBe(200);
    const list = ProjectListSchema.parse(body);
    const echo = list.items.find((p) => p.name === 'echo-server');
    expect(echo?.stages.count).toBe(3);
    expect(echo?.warehouses.count).toBe(1);
    // One Running and one Pending promotion to staging in the fixture.
    expect(echo?.pendingPromotions).toBe(2);
  });

  it('answers the graph with warehouse→stage and stage→stage edges and derived stage state', async () => {
    const graph = ProjectGraphSchema.parse((await get('/projects/echo-server/graph')).body);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([
      'stage:development',
      'stage:production',
      'stage:staging',
      'warehouse:echo-server',
    ]);
    expect(graph.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual([
      'stage:development->stage:staging',
      'stage:staging->stage:production',
      'warehouse:echo-server->stage:development',
    ]);
    const staging = graph.nodes.find((n) => n.id === 'stage:staging');
    expect(staging?.kind === 'stage' && staging.stage.phase).toBe('Promoting');
  });

  it('pages freight newest first by cursor and says, for the stage asked about, whether it may take each', async () => {
    const page = FreightPageSchema.parse((await get('/projects/echo-server/freight?limit=2')).body);
    expect(page.total).toBe(4);
    expect(page.items.map((f) => f.alias)).toEqual(['quiet-mole', 'lucky-jaguar']);
    expect(page.items.every((f) => f.availability.length === 0)).toBe(true);
    expect(page.nextOffset).toBe(2);
    const rest = FreightPageSchema.parse(
      (await get(`/projects/echo-server/freight?limit=2&cursor=${page.nextCursor ?? ''}`)).body,
    );
    expect(rest.items.map((f) => f.alias)).toEqual(['brave-heron', 'tidy-otter']);
    expect(rest.nextCursor).toBeNull();
    const forProduction = FreightPageSchema.parse(
      (await get('/projects/echo-server/freight?stage=production&limit=1')).body,
    );
    expect(forProduction.items[0]?.availability).toEqual([
      { stage: 'production', available: true },
    ]);
  });

  it('answers searches by alias, commit message and SHA prefix, and filters to freight in use', async () => {
    const aliases = async (query: string) =>
      FreightPageSchema.parse((await get(`/projects/echo-server/freight?${query}`)).body).items.map(
        (f) => f.alias,
      );
    expect(await aliases('q=otter')).toEqual(['tidy-otter']);
    expect(await aliases('q=healthz')).toEqual(['brave-heron']);
    const mole = h.bff.cache
      .get('freight')
      .list('echo-server')
      .find((f) => f.alias === 'quiet-mole');
    const sha = mole?.commits?.[0]?.id?.slice(0, 8) ?? 'none';
    expect(await aliases(`q=${sha}`)).toEqual(['quiet-mole']);
    expect(await aliases('inUse=true')).toEqual(['quiet-mole', 'lucky-jaguar', 'brave-heron']);
  });

  it('answers one freight with its availability for every stage that requests its origin', async () => {
    const one = FreightListItemSchema.parse(
      (await get('/projects/echo-server/freight/quiet-mole')).body,
    );
    expect(one.availability.map((a) => a.stage).sort()).toEqual([
      'development',
      'production',
      'staging',
    ]);
    expect(one.availability.find((a) => a.stage === 'production')?.available).toBe(true);
  });

  it('answers 400 for a cursor it did not issue and for a stage that does not exist', async () => {
    const bad = await get('/projects/echo-server/freight?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cursor');
    expect((await get('/projects/echo-server/freight?stage=nope')).status).toBe(400);
  });

  it('filters promotions by stage, newest first', async () => {
    const list = PromotionListSchema.parse(
      (await get('/projects/echo-server/promotions?stage=production')).body,
    );
    expect(list.items).toHaveLength(4);
    expect(list.items.every((p) => p.stage === 'production')).toBe(true);
    expect(list.items[0]?.phase).toBe('Failed');
  });

  it('answers one stage, and 404 with a message for a stage that does not exist', async () => {
    StageViewSchema.parse((await get('/projects/echo-server/stages/production')).body);
    const missing = await get('/projects/echo-server/stages/nope');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('There is no stage \\"nope\\"');
  });

  it('answers 400 for a malformed name and for a page size out of range', async () => {
    expect((await get('/projects/Echo_Server/stages')).status).toBe(400);
    expect((await get('/projects/echo-server/freight?limit=100000')).status).toBe(400);
  });

  it('pages events (empty when the cluster holds none)', async () => {
    const page = EventPageSchema.parse((await get('/projects/echo-server/events')).body);
    expect(page.errors).toEqual([]);
  });
});
