// The embedded controller, driven into the situations of the real-status fixture, must write
// what Kargo v1.11 wrote there (times, ids and names aside).
import { join } from 'node:path';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import {
  isControlFlowStage,
  stageHealthCounts,
  type Freight,
  type Project,
  type Promotion,
  type Stage,
  type StageStatus,
  type Warehouse,
} from '@wharf/shared';
import { analysisRunCrd, realStatusProject } from '@wharf/shared/fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commitFiles, initRepo } from '../src/demo/git-seed.js';
import { AnalysisRuns, type AnalysisRun } from '../src/kube/analysis-runs.js';
import type { StepRegistry } from '../src/steps/step-types.js';
import { ABORTED_BY_USER } from '../src/stage/verification.js';
import { startCluster, waitFor, type TestCluster } from './helpers/cluster.js';
import { haveRealCrds, realValidators } from './helpers/real-crds.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const fx = realStatusProject();
const NS = fx.project.metadata.name;
let gateOpen = true;
const waiting: (() => void)[] = [];
const steps: StepRegistry = {
  'parity-ok': () => Promise.resolve({ status: 'Succeeded' }),
  // Holds perf's promotions at their push step while the gate is closed.
  'parity-gate': async (_config, ctx) => {
    if (ctx.stage === 'perf' && !gateOpen)
      await new Promise<void>((resolve) => waiting.push(resolve));
    return { status: 'Succeeded' };
  },
};
let c: TestCluster;
let runs: AnalysisRuns;

const fixtureStage = (name: string): Stage => {
  const s = fx.stages.find((x) => x.metadata.name === name);
  if (!s) throw new Error(`no stage ${name} in the fixture`);
  return s;
};
const fixtureFreight = (alias: string): Freight => {
  const f = fx.freight.find((x) => x.alias === alias);
  if (!f) throw new Error(`no freight ${alias} in the fixture`);
  return f;
};

/** The fixture's Stage spec, its steps swapped for ones the test controls (fail stays real). */
function specOf(s: Stage): Stage['spec'] {
  const template = s.spec.promotionTemplate;
  if (!template) return s.spec;
  const steps = (template.spec.steps ?? []).map((st) =>
    st.uses === 'fail'
      ? { uses: 'fail', ...(st.as ? { as: st.as } : {}), config: st.config }
      : { uses: st.as === 'push' ? 'parity-gate' : 'parity-ok', ...(st.as ? { as: st.as } : {}) },
  );
  return { ...s.spec, promotionTemplate: { spec: { steps } } };
}

const PROMOTION = /[a-z0-9-]+\.[0-9a-z]{26}\.[0-9a-f]{7}/g;
/** What must match: everything but times, generated ids and names. */
function view(s: StageStatus | undefined, current = true) {
  const coll = s?.freightHistory?.[0];
  return {
    conditions: (s?.conditions ?? [])
      .map(({ type, status, reason, message, observedGeneration }) => ({
        type,
        status,
        reason,
        message: message?.replace(PROMOTION, '<promotion>'),
        observedGeneration,
      }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    health: s?.health,
    freightSummary: s?.freightSummary,
    observedGeneration: s?.observedGeneration,
    autoPromotionEnabled: s?.autoPromotionEnabled,
    holds: Object.entries(s?.autoPromotionHolds ?? {}).map(([k, h]) => [k, h.freightName]),
    promoting: s?.currentPromotion !== undefined,
    lastPromotion: s?.lastPromotion && {
      phase: s.lastPromotion.status?.phase,
      message: s.lastPromotion.status?.message,
    },
    collection: coll?.id,
    holding: Object.values(coll?.items ?? {})
      .map((r) => r.name)
      .sort(),
    verifications: current
      ? (coll?.verificationHistory ?? []).map((v) => ({
          phase: v.phase,
          actor: v.actor,
          message: v.message,
          analysisRun: v.analysisRun?.phase,
        }))
      : undefined,
  };
}

const stageOf = (name: string) => c.api.get<Stage>('Stage', NS, name);
const stageWhere = (name: string, ok: (s: Stage) => boolean, what = `stage ${name}`) =>
  waitFor(what, async () => {
    const s = await stageOf(name);
    return s && ok(s) ? s : undefined;
  });
const latestVerification = (s: Stage) => s.status?.freightHistory?.[0]?.verificationHistory?.[0];

async function createStage(name: string) {
  const s = fixtureStage(name);
  await c.api.create<Stage>('Stage', {
    metadata: { name, namespace: NS, annotations: s.metadata.annotations ?? {} },
    spec: specOf(s),
  });
}

async function createFreight(alias: string): Promise<Freight> {
  const f = fixtureFreight(alias);
  const { metadata: _m, status: _s, discoveredAt: _d, ...artifacts } = f;
  return c.api.create<Freight>('Freight', { ...artifacts, metadata: { name: '', namespace: NS } });
}

/** Approves (as Kargo's API does, on the status) and promotes; resolves when it started. */
async function promote(stage: string, freight: Freight): Promise<Promotion> {
  await c.api.patchStatus('Freight', NS, freight.metadata.name, {
    approvedFor: { [stage]: { approvedAt: new Date().toISOString() } },
  });
  return c.api.create<Promotion>('Promotion', {
    metadata: { name: '', generateName: `${stage}.`, namespace: NS },
    spec: { stage, freight: freight.metadata.name },
  });
}

const finished = (p: Promotion) =>
  waitFor(`${p.metadata.name} finished`, async () => {
    const x = await c.api.get<Promotion>('Promotion', NS, p.metadata.name);
    return x?.status?.finishedAt ? x : undefined;
  });

/** The AnalysisRun the controller made for a stage's newest verification. */
const runOf = (stage: string, not?: string) =>
  waitFor(`an AnalysisRun for ${stage}`, async () => {
    const s = await stageOf(stage);
    const name = s && latestVerification(s)?.analysisRun?.name;
    return name && name !== not ? runs.get(NS, name) : undefined;
  });

async function reportRun(run: AnalysisRun, status: Record<string, unknown>) {
  await c.clients.custom.patchNamespacedCustomObject(
    {
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'analysisruns',
      namespace: NS,
      name: run.metadata.name,
      body: { status },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
}

let f1: Freight;
let f2: Freight;

beforeAll(async () => {
  c = await startCluster({ steps, minWarehouseIntervalMs: 1000 });
  runs = new AnalysisRuns(c.clients);
  // client-node's model spells x-kubernetes-* keys with underscores; JSON keys would be dropped.
  const crd = JSON.parse(
    JSON.stringify(analysisRunCrd()).replaceAll(
      'x-kubernetes-preserve-unknown-fields',
      'x_kubernetes_preserve_unknown_fields',
    ),
  ) as never;
  await c.clients.apiext.createCustomResourceDefinition({ body: crd });
  await c.api.create<Project>('Project', { metadata: { name: NS } });
  await waitFor('project namespace', async () =>
    (await c.clients.core.readNamespace({ name: NS }).catch(() => undefined)) ? true : undefined,
  );
  await c.api.create('ProjectConfig', {
    metadata: { name: NS, namespace: NS },
    spec: fx.projectConfig?.spec ?? {},
  });
  for (const name of ['fresh', 'dev', 'qa', 'uat', 'perf', 'integration', 'gate', 'prod-west'])
    await createStage(name);
  f1 = await createFreight('proud-otter');
  f2 = await createFreight('brave-falcon');
});
afterAll(async () => {
  gateOpen = true;
  for (const w of waiting.splice(0)) w();
  await c?.close();
});

describe('the embedded controller writes what Kargo v1.11 writes', () => {
  it('for a stage never promoted to (fresh-stage)', async () => {
    const s = await stageWhere('fresh', (x) => x.status?.conditions !== undefined);
    expect(view(s.status)).toEqual(view(fixtureStage('fresh').status));
  });

  it('for a control-flow stage (control-flow-stage)', async () => {
    const s = await stageWhere('gate', (x) => x.status?.freightSummary === 'N/A');
    expect(view(s.status)).toEqual(view(fixtureStage('gate').status));
  });

  it('for a stage whose first promotion failed (failed-promotion)', async () => {
    await finished(await promote('prod-west', f1));
    const s = await stageWhere('prod-west', (x) => x.status?.lastPromotion !== undefined);
    expect(view(s.status)).toEqual(view(fixtureStage('prod-west').status));
  });

  it('for a stage fed by two warehouses (multi-warehouse-stage)', async () => {
    const c2 = await createFreight('quick-badger');
    await finished(await promote('integration', f2));
    await stageWhere('integration', (x) => latestVerification(x)?.phase === 'Successful');
    await finished(await promote('integration', c2));
    const s = await stageWhere(
      'integration',
      (x) =>
        x.status?.freightSummary === '2/2 Fulfilled' &&
        x.status.conditions?.some((k) => k.type === 'Ready' && k.status === 'True') === true,
    );
    expect(view(s.status)).toEqual(view(fixtureStage('integration').status));
  });

  it('for a running promotion on a stage holding older freight (running-promotion)', async () => {
    await finished(await promote('perf', f1));
    await stageWhere('perf', (x) => latestVerification(x)?.phase === 'Successful');
    gateOpen = false;
    const p = await promote('perf', f2);
    await waitFor('perf promotion running its push step', async () => {
      const x = await c.api.get<Promotion>('Promotion', NS, p.metadata.name);
      return x?.status?.stepExecutionMetadata?.at(-1)?.alias === 'push' ? x : undefined;
    });
    try {
      const s = await stageWhere(
        'perf',
        (x) =>
          x.status?.conditions?.some(
            (k) => k.type === 'Promoting' && k.message?.endsWith('Running'),
          ) ?? false,
      );
      expect(view(s.status)).toEqual(view(fixtureStage('perf').status));
    } finally {
      gateOpen = true;
      for (const w of waiting.splice(0)) w();
    }
  });

  it('for a verification whose AnalysisRun is running (verifying)', async () => {
    // As in the fixture, uat verified 1.0.0 before it took 1.1.0.
    await finished(await promote('uat', f1));
    const earlier = await runOf('uat');
    await reportRun(earlier, { phase: 'Successful', completedAt: new Date().toISOString() });
    await stageWhere('uat', (x) => latestVerification(x)?.phase === 'Successful');
    await finished(await promote('uat', f2));
    const run = await runOf('uat', earlier.metadata.name);
    expect(run.metadata.name).toMatch(/^uat\.[0-9a-z]{26}\.[0-9a-f]{40}$/);
    expect(run.metadata.labels?.['kargo.akuity.io/stage']).toBe('uat');
    await reportRun(run, { phase: 'Running', startedAt: new Date().toISOString() });
    const s = await stageWhere('uat', (x) => latestVerification(x)?.phase === 'Running');
    expect(view(s.status)).toEqual(view(fixtureStage('uat').status));
  });

  it('for a failed verification an admin reverified (failed-verification-then-reverify)', async () => {
    const expected = fixtureStage('qa').status;
    const failure = expected?.freightHistory?.[0]?.verificationHistory?.[1]?.message;
    await finished(await promote('qa', f2));
    const first = await runOf('qa');
    await reportRun(first, {
      phase: 'Failed',
      message: failure,
      completedAt: new Date().toISOString(),
    });
    const failed = await stageWhere('qa', (x) => latestVerification(x)?.phase === 'Failed');
    await c.api.patch('Stage', NS, 'qa', {
      metadata: {
        annotations: {
          'kargo.akuity.io/reverify': JSON.stringify({
            id: latestVerification(failed)?.id,
            actor: 'admin',
          }),
        },
      },
    });
    const second = await runOf('qa', first.metadata.name);
    await reportRun(second, { phase: 'Successful', completedAt: new Date().toISOString() });
    const s = await stageWhere('qa', (x) => latestVerification(x)?.phase === 'Successful');
    expect(view(s.status)).toEqual(view(expected));
  });

  it('for an admin rollback on an auto-promoting stage (auto-promotion-hold)', async () => {
    await createFreight('sunny-lynx');
    const f3 = fixtureFreight('sunny-lynx').metadata.name;
    await stageWhere(
      'dev',
      (x) =>
        x.status?.freightHistory?.[0]?.items?.['Warehouse/guestbook']?.name === f3 &&
        latestVerification(x)?.phase === 'Successful',
    );
    await finished(await promote('dev', f2));
    const s = await stageWhere(
      'dev',
      (x) =>
        x.status?.freightSummary === f2.metadata.name &&
        latestVerification(x)?.phase === 'Successful',
    );
    // The fixture's dev received 1.0.0 and 1.1.0 before 1.2.0; here it started at 1.2.0.
    expect(view(s.status)).toEqual(view(fixtureStage('dev').status));
  });

  it('and aborting a running verification records it failed, by whom, and terminates the run', async () => {
    const s = await stageOf('uat');
    const running = s && latestVerification(s);
    expect(running?.phase).toBe('Running');
    await c.api.patch('Stage', NS, 'uat', {
      metadata: {
        annotations: {
          'kargo.akuity.io/abort': JSON.stringify({ id: running?.id, actor: 'admin' }),
        },
      },
    });
    const after = await stageWhere('uat', (x) => latestVerification(x)?.phase === 'Failed');
    expect(latestVerification(after)).toMatchObject({ actor: 'admin', message: ABORTED_BY_USER });
    expect(after.status?.conditions?.find((k) => k.type === 'Verified')).toMatchObject({
      status: 'False',
      reason: 'VerificationFailed',
      message: ABORTED_BY_USER,
    });
    const run = (await runs.get(NS, running?.analysisRun?.name ?? '')) as AnalysisRun & {
      spec?: { terminate?: boolean };
    };
    expect(run.spec?.terminate).toBe(true);
  });

  it('statuses it writes are valid for the real Kargo CRDs', async () => {
    if (!haveRealCrds) return console.warn('skipped: ../shared/kargo-crds not found');
    const validators = realValidators();
    for (const s of await c.api.list<Stage>('Stage', NS))
      expect(
        validators.get('Stage')?.(s),
        `${s.metadata.name}: ${JSON.stringify(validators.get('Stage')?.errors)}`,
      ).toBe(true);
  });
});

describe('warehouses and the project, as Kargo writes them', () => {
  const conditions = (w: Warehouse | Project | undefined) =>
    (w?.status?.conditions ?? [])
      .map(({ type, status, reason, message }) => ({ type, status, reason, message }))
      .sort((a, b) => a.type.localeCompare(b.type));
  const fixtureWarehouse = (name: string) => fx.warehouses.find((w) => w.metadata.name === name);

  it('a warehouse whose discovery fails keeps Reconciling=True beside Healthy=False (failing-discovery)', async () => {
    await c.api.create<Warehouse>('Warehouse', {
      metadata: { name: 'charts', namespace: NS },
      spec: { subscriptions: [{ chart: { repoURL: 'oci://127.0.0.1:1/charts/guestbook' } }] },
    });
    const w = await waitFor('charts discovery failed', async () => {
      const x = await c.api.get<Warehouse>('Warehouse', NS, 'charts');
      return x?.status?.conditions?.find((k) => k.type === 'Healthy' && k.status === 'False')
        ? x
        : undefined;
    });
    // The reasons and the wording around the error are Kargo's; the error is the embedded one.
    const strip = (list: ReturnType<typeof conditions>) =>
      list.map((k) => ({
        ...k,
        message: k.message?.replace(/error discovering artifacts: .*/, '…'),
      }));
    expect(strip(conditions(w))).toEqual(strip(conditions(fixtureWarehouse('charts'))));
    expect(w.status?.observedGeneration).toBeUndefined();
    expect(w.status?.discoveredArtifacts).toBeUndefined();
  });

  it('an Automatic warehouse after a discovery that found nothing new (healthy-warehouses)', async () => {
    const repo = join(c.dir, 'guestbook-config');
    await initRepo(repo, { 'replicas.yaml': '2' }, 'Raise replica count to 3');
    await commitFiles(repo, { 'pdb.yaml': 'x' }, 'Add PodDisruptionBudget');
    await c.api.create<Warehouse>('Warehouse', {
      metadata: { name: 'config', namespace: NS },
      spec: { subscriptions: [{ git: { repoURL: `file://${repo}`, branch: 'main' } }] },
    });
    const first = await waitFor('config discovered', async () => {
      const x = await c.api.get<Warehouse>('Warehouse', NS, 'config');
      return x?.status?.lastFreightID ? x : undefined;
    });
    expect(conditions(first).find((k) => k.type === 'FreightCreated')).toMatchObject({
      status: 'True',
      reason: 'NewFreight',
    });
    await c.api.patch('Warehouse', NS, 'config', {
      metadata: { annotations: { 'kargo.akuity.io/refresh': 'again' } },
    });
    const again = await waitFor('config rediscovered', async () => {
      const x = await c.api.get<Warehouse>('Warehouse', NS, 'config');
      return x?.status?.lastHandledRefresh === 'again' &&
        !x.status.conditions?.some((k) => k.type === 'Reconciling')
        ? x
        : undefined;
    });
    expect(conditions(again)).toEqual(conditions(fixtureWarehouse('config')));
  });

  it('a Manual warehouse keeps what it discovered and makes no freight (manual-warehouse)', async () => {
    const repo = join(c.dir, 'guestbook-config');
    await c.api.create<Warehouse>('Warehouse', {
      metadata: { name: 'manual', namespace: NS },
      spec: {
        freightCreationPolicy: 'Manual',
        subscriptions: [{ git: { repoURL: `file://${repo}`, branch: 'main' } }],
      },
    });
    const w = await waitFor('manual discovered', async () => {
      const x = await c.api.get<Warehouse>('Warehouse', NS, 'manual');
      return x?.status?.discoveredArtifacts?.git?.[0]?.commits?.length ? x : undefined;
    });
    const oneSubscription = conditions(fixtureWarehouse('manual')).map((k) => ({
      ...k,
      message: k.message?.replace('4 subscriptions', '1 subscriptions'),
    }));
    expect(conditions(w)).toEqual(oneSubscription);
    expect(w.status?.lastFreightID).toBeUndefined();
  });

  it('the project: Ready=True Synced, stats without control-flow stages (project)', async () => {
    const stages = await c.api.list<Stage>('Stage', NS);
    const expected = stageHealthCounts(stages);
    expect(stages.some(isControlFlowStage)).toBe(true);
    const p = await waitFor('project stats', async () => {
      const x = await c.api.get<Project>('Project', undefined, NS);
      return x?.status?.stats?.stages?.count === expected.count &&
        x.status.stats.warehouses?.count === 3
        ? x
        : undefined;
    });
    expect(conditions(p)).toEqual(conditions(fx.project));
    expect(p.status?.stats?.stages?.health?.healthy).toBe(expected.healthy);
  });
});
