import type { Freight, Promotion, Stage, Warehouse } from '@wharf/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { commitFiles, initRepo } from '../src/demo/git-seed.js';
import { ROLLOUTS_DISABLED } from '../src/stage/verification.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';

// Real git and a real API server on a shared 2-core machine: allow for a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let c: TestCluster;
let freight: Freight;
const NS = 'limits';
const origin = { kind: 'Warehouse' as const, name: 'manual' };

const stage = (name: string, extra: Record<string, unknown>) =>
  c.api.create<Stage>('Stage', {
    metadata: { name, namespace: NS },
    spec: { requestedFreight: [{ origin, sources: { direct: true } }], ...extra },
  });
const steps = (list: Record<string, unknown>[]) => ({
  promotionTemplate: { spec: { steps: list } },
});
const promoteAndFinish = async (to: string) => {
  const p = await c.api.create<Promotion>('Promotion', {
    metadata: { name: '', generateName: `${to}.`, namespace: NS },
    spec: { stage: to, freight: freight.metadata.name },
  });
  return waitFor(`${p.metadata.name} finished`, async () => {
    const x = await c.api.get<Promotion>('Promotion', NS, p.metadata.name);
    return x?.status?.finishedAt ? x : undefined;
  });
};
const stageWhere = (name: string, ok: (s: Stage) => boolean) =>
  waitFor(`stage ${name}`, async () => {
    const s = await c.api.get<Stage>('Stage', NS, name);
    return s && ok(s) ? s : undefined;
  });

beforeAll(async () => {
  c = await startCluster({
    gcIntervalMs: 300,
    gc: { promotionsPerStage: 5, freightPerWarehouse: 1, minFreightAgeMs: 3_600_000 },
  });
  await c.api.create('Project', { metadata: { name: NS } });
  freight = await c.api.create<Freight>('Freight', {
    metadata: { name: '', namespace: NS },
    origin,
    commits: [{ repoURL: 'https://git.example.com/a', id: 'a1' }],
  });
});
afterAll(async () => c?.close());

describe('what the embedded cluster cannot do, it says', () => {
  it('an image subscription to a registry that is not there fails at once with a condition saying so', async () => {
    await c.api.create<Warehouse>('Warehouse', {
      metadata: { name: 'images', namespace: NS },
      spec: { subscriptions: [{ image: { repoURL: '127.0.0.1:1/example/app' } }] },
    });
    const w = await waitFor('warehouse condition', async () => {
      const x = await c.api.get<Warehouse>('Warehouse', NS, 'images');
      return x?.status?.conditions?.find((k) => k.type === 'Healthy' && k.status === 'False');
    });
    // Kargo's wording around the embedded cluster's own reason; Reconciling stays True.
    expect(w.message).toMatch(
      /^Unable to discover artifacts: error discovering artifacts: .*127\.0\.0\.1:1/,
    );
    const after = await c.api.get<Warehouse>('Warehouse', NS, 'images');
    expect(after?.status?.conditions?.find((k) => k.type === 'Reconciling')).toMatchObject({
      status: 'True',
      reason: 'ScheduledDiscovery',
    });
  });

  it('a step it cannot run (argocd-update) fails with a message that says so', async () => {
    await stage('argo', steps([{ uses: 'argocd-update', config: { apps: [{ name: 'x' }] } }]));
    const p = await promoteAndFinish('argo');
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.message).toContain("can't run in Wharf's embedded cluster");
    await c.api.patch('Promotion', NS, p.metadata.name, {
      metadata: { annotations: { 'kargo.akuity.io/refresh': 'p1' } },
    });
    await waitFor(
      'promotion refresh handled',
      async () =>
        (await c.api.get<Promotion>('Promotion', NS, p.metadata.name))?.status
          ?.lastHandledRefresh === 'p1',
    );
  });

  it('without an AnalysisRun CRD a verification ends Error, as Kargo says when its Rollouts integration is off', async () => {
    await stage('analysed', {
      ...steps([{ uses: 'compose-output', config: { a: 'b' } }]),
      verification: { analysisTemplates: [{ name: 'smoke' }] },
    });
    expect((await promoteAndFinish('analysed')).status?.phase).toBe('Succeeded');
    const s = await stageWhere(
      'analysed',
      (x) =>
        x.status?.conditions?.some((k) => k.type === 'Verified' && k.status === 'False') ?? false,
    );
    expect(s.status?.conditions?.find((k) => k.type === 'Verified')).toMatchObject({
      reason: 'VerificationError',
      message: ROLLOUTS_DISABLED,
    });
    expect(
      (await c.api.get<Freight>('Freight', NS, freight.metadata.name))?.status?.verifiedIn
        ?.analysed,
    ).toBeUndefined();
  });

  it('reverify starts a new verification for the current id; refresh is acknowledged in lastHandledRefresh', async () => {
    await stage('plain', {
      ...steps([{ uses: 'compose-output', config: { a: '${{ vars.who }}' } }]),
      vars: [{ name: 'who', value: 'the stage' }],
    });
    const done = await promoteAndFinish('plain');
    expect(done.status?.state).toEqual({ 'step-0': { a: 'the stage' } });
    const first = await stageWhere(
      'plain',
      (x) => x.status?.freightHistory?.[0]?.verificationHistory?.[0]?.phase === 'Successful',
    );
    const id = first.status?.freightHistory?.[0]?.verificationHistory?.[0]?.id ?? '';
    await c.api.patch('Stage', NS, 'plain', {
      metadata: {
        annotations: {
          'kargo.akuity.io/reverify': JSON.stringify({ id, actor: 'admin' }),
          'kargo.akuity.io/refresh': 'r1',
        },
      },
    });
    const again = await stageWhere(
      'plain',
      (x) => (x.status?.freightHistory?.[0]?.verificationHistory?.length ?? 0) === 2,
    );
    expect(again.status?.freightHistory?.[0]?.verificationHistory?.[0]).toMatchObject({
      actor: 'admin',
      phase: 'Successful',
    });
    expect(again.status?.lastHandledRefresh).toBe('r1');
  });
});

describe('warehouse policies and garbage collection', () => {
  it('a Manual warehouse discovers commits of a file:// repository up to discoveryLimit but creates no Freight', async () => {
    const repo = join(c.dir, 'manual-repo');
    await initRepo(repo, { a: '1' }, 'first');
    await commitFiles(repo, { a: '2' }, 'second');
    await c.api.create<Warehouse>('Warehouse', {
      metadata: { name: 'by-hand', namespace: NS },
      spec: {
        freightCreationPolicy: 'Manual',
        subscriptions: [{ git: { repoURL: `file://${repo}`, discoveryLimit: 1 } }],
      },
    });
    const w = await waitFor(
      'discovery',
      async () =>
        (await c.api.get<Warehouse>('Warehouse', NS, 'by-hand'))?.status?.discoveredArtifacts,
    );
    expect(w.git?.[0]?.commits?.map((x) => x.subject)).toEqual(['second']);
    expect(
      (await c.api.list<Freight>('Freight', NS)).filter((f) => f.origin.name === 'by-hand'),
    ).toEqual([]);
  });

  it('GC keeps the newest Freight of a warehouse (limit 1 here) and every recent one, deleting only old unused ones', async () => {
    await c.api.create<Warehouse>('Warehouse', {
      metadata: { name: 'gc', namespace: NS },
      spec: {
        freightCreationPolicy: 'Manual',
        interval: '24h',
        subscriptions: [{ git: { repoURL: 'https://git.example.com/gc' } }],
      },
    });
    const gc = { kind: 'Warehouse' as const, name: 'gc' };
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    // Three old (older than the hour set here), then two made just now.
    for (const [id, h] of [
      ['g1', 72],
      ['g2', 48],
      ['g3', 24],
      ['g4', 0],
      ['g5', 0],
    ] as const)
      await c.api.create<Freight>('Freight', {
        metadata: { name: '', namespace: NS },
        origin: gc,
        commits: [{ repoURL: 'https://git.example.com/gc', id }],
        discoveredAt: hoursAgo(h),
      });
    const left = await waitFor('GC', async () => {
      const list = (await c.api.list<Freight>('Freight', NS)).filter((f) => f.origin.name === 'gc');
      return list.length === 2 ? list : undefined;
    });
    expect(left.map((f) => f.commits?.[0]?.id).sort()).toEqual(['g4', 'g5']);
  });
});
