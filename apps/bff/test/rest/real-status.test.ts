// Wharf pointed, as at a real cluster, at an API server holding objects whose status is what
// Kargo v1.11's controllers write (packages/shared real-status fixture); no embedded controller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KARGO_COLOR_NAMES } from '@wharf/shared';
import {
  CapabilitiesSchema,
  stageCapability,
  DiscoveredArtifactsViewSchema,
  EventPageSchema,
  FreightListItemSchema,
  ProjectListSchema,
  StageListSchema,
  StageVerificationsSchema,
  StageViewSchema,
  WarehouseViewSchema,
} from '@wharf/shared/api';
import { ANALYSIS_FAILURE, realStatusProject } from '@wharf/shared/fixtures';
import { HAVE_CRDS, NO_CRDS_MESSAGE, startHarness, type Harness } from '../support/bff-harness.js';
import { seedAnalysisRuns, seedEvents, seedProject } from '../support/kube-seed.js';

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

const ARGOCD = 'https://argocd.example.com';
const fx = realStatusProject();
const manual = fx.freight.find((f) => f.origin.name === 'manual');

describe.skipIf(!HAVE_CRDS)('Wharf reading what Kargo v1.11 writes, from a real cluster', () => {
  let h: Harness;
  const get = async (path: string) => {
    const res = await fetch(`${h.bff.url}/api/v1/projects/guestbook${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const stage = async (name: string) => StageViewSchema.parse((await get(`/stages/${name}`)).body);

  beforeAll(async () => {
    h = await startHarness(
      async (kc) => {
        await seedProject(kc, fx);
        await seedEvents(kc, fx);
      },
      { argoCdUrl: ARGOCD },
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("derives each stage's phase as Kargo's UI reads its conditions", async () => {
    const list = StageListSchema.parse((await get('/stages')).body);
    expect(Object.fromEntries(list.items.map((s) => [s.name, s.phase]))).toEqual({
      dev: 'Ready',
      fresh: 'NoFreight',
      gate: 'Ready',
      integration: 'Ready',
      perf: 'Promoting',
      'prod-east': 'Failed',
      'prod-west': 'Failed',
      qa: 'Ready',
      uat: 'Verifying',
    });
  });

  it('shows a stage Kargo never promoted to as having no freight, not as verifying (item 1)', async () => {
    const fresh = await stage('fresh');
    expect(fresh.phase).toBe('NoFreight');
    expect(fresh.currentFreight).toEqual([]);
    // Its first promotion failing does not hide behind Verified=Unknown NoFreight either.
    expect((await stage('prod-west')).phase).toBe('Failed');
  });

  it('shows a warehouse whose discovery keeps failing as unhealthy, with why (item 2)', async () => {
    const charts = WarehouseViewSchema.parse((await get('/warehouses/charts')).body);
    expect(charts.health).toBe('Unhealthy');
    expect(charts.message).toMatch(/^Unable to discover artifacts: .*401/);
  });

  it("counts the project tile as Kargo's status.stats does: no control-flow stage, failing discovery unhealthy (items 2, 3)", async () => {
    const list = ProjectListSchema.parse(
      await fetch(`${h.bff.url}/api/v1/projects`).then((r) => r.json()),
    );
    const tile = list.items.find((p) => p.name === 'guestbook');
    const stats = fx.project.status?.stats;
    expect(tile?.stages.count).toBe(stats?.stages?.count);
    expect(tile?.stages.healthy).toBe(stats?.stages?.health?.healthy);
    expect(tile?.warehouses).toEqual({
      count: 4,
      healthy: 3,
      unhealthy: 1,
      progressing: 0,
      unknown: 0,
    });
  });

  it('marks a control-flow stage, gives it no health, and refuses promotions to it with the reason (item 4)', async () => {
    const gate = await stage('gate');
    expect(gate).toMatchObject({ controlFlow: true, phase: 'Ready' });
    expect(gate.health.status).toBe('NotApplicable');
    const caps = CapabilitiesSchema.parse((await get('/capabilities')).body);
    const promote = stageCapability(caps.stages, 'gate', 'promote');
    expect(promote?.allowed).toBe(false);
    expect(promote && !promote.allowed && promote.reason).toMatch(/control-flow stage/);
    expect(stageCapability(caps.stages, 'uat', 'promote')?.allowed).toBe(true);
    const res = await fetch(`${h.bff.url}/api/v1/projects/guestbook/stages/gate/promotions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ freight: fx.freight[0]?.metadata.name }),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('control-flow stage');
    const promos = await fetch(`${h.bff.url}/api/v1/projects/guestbook/promotions?stage=gate`);
    expect(((await promos.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('lists every freight a multi-warehouse stage holds, in the order it requests them (item 5)', async () => {
    const integration = await stage('integration');
    expect(integration.currentFreight.map((f) => `${f.origin.name}:${f.alias}`)).toEqual([
      'guestbook:brave-falcon',
      'config:quick-badger',
    ]);
  });

  it('answers the verification history: a failed run, then the reverify that passed, then older freight (item 6)', async () => {
    const v = StageVerificationsSchema.parse((await get('/stages/qa/verifications')).body);
    expect(v.items.map((i) => [i.phase, i.actor ?? '', i.current])).toEqual([
      ['Successful', 'admin', true],
      ['Failed', '', true],
      ['Successful', '', false],
    ]);
    expect(v.items[1]?.message).toBe(ANALYSIS_FAILURE);
    expect(v.items[1]?.analysisRun?.name).toMatch(/^qa\.[0-9a-z]{26}\.[0-9a-f]{40}$/);
    expect(v.items[0]?.freight.map((f) => f.alias)).toEqual(['brave-falcon']);
    // Without Argo Rollouts' CRD, Wharf says so instead of failing.
    expect(v.items[0]?.analysis).toMatchObject({ available: false });
    expect(v.items[0]?.analysis?.available === false && v.items[0].analysis.reason).toMatch(
      /AnalysisRun CRD is not installed/,
    );
    const uat = await stage('uat');
    expect(uat.verification).toMatchObject({ phase: 'Running', analysisRun: { phase: 'Running' } });
  });

  it("adds each AnalysisRun's metrics once Argo Rollouts' AnalysisRun CRD is installed (item 6)", async () => {
    await seedAnalysisRuns(h.kc, fx);
    const v = StageVerificationsSchema.parse((await get('/stages/qa/verifications')).body);
    const failed = v.items[1]?.analysis;
    expect(failed).toMatchObject({ available: true, phase: 'Failed', message: ANALYSIS_FAILURE });
    const metric = failed?.available ? failed.metrics[0] : undefined;
    expect(metric).toMatchObject({ name: 'error-rate', phase: 'Failed', failed: 1, successful: 2 });
    expect(metric?.measurements.at(-1)).toMatchObject({ phase: 'Failed', value: '0.07' });
  });

  it('asks Kargo to abort the running verification of uat, naming its id (item 6)', async () => {
    const before = await stage('uat');
    const res = await fetch(
      `${h.bff.url}/api/v1/projects/guestbook/stages/uat/verification/abort`,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    const raw = (await fetch(
      `${h.bff.url}/api/v1/k8s/apis/kargo.akuity.io/v1alpha1/namespaces/guestbook/stages/uat`,
    ).then((r) => r.json())) as {
      metadata: { annotations: Record<string, string> };
    };
    expect(JSON.parse(raw.metadata.annotations['kargo.akuity.io/abort'] ?? '{}')).toEqual({
      id: before.verification?.id,
      actor: 'admin',
    });
  });

  it('shows generic subscription artifacts of freight (item 10)', async () => {
    const f = FreightListItemSchema.parse((await get(`/freight/${manual?.metadata.name}`)).body);
    expect(f.artifacts).toEqual([
      {
        subscriptionName: 'release-notes',
        version: 'v2026.01.14',
        artifactType: 'application/vnd.example.release-notes',
      },
    ]);
  });

  it("answers a Manual warehouse's discovered artifacts, generic subscriptions included (item 10)", async () => {
    const w = WarehouseViewSchema.parse((await get('/warehouses/manual')).body);
    expect(w.freightCreationPolicy).toBe('Manual');
    expect(w.subscriptions.at(-1)).toEqual({
      type: 'other',
      name: 'release-notes',
      detail: 'release-notes',
    });
    const d = DiscoveredArtifactsViewSchema.parse(
      (await get('/warehouses/manual/discovered-artifacts')).body,
    );
    expect(d.images[0]?.references.map((r) => r.tag)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    expect(d.git[0]?.commits.map((c) => c.subject)).toEqual([
      'Add PodDisruptionBudget',
      'Raise replica count to 3',
    ]);
    expect(d.charts[0]).toEqual({
      repoURL: 'https://charts.example.com',
      name: 'guestbook',
      versions: ['0.4.0', '0.3.2', '0.3.1'],
    });
    expect(d.generic).toEqual([
      {
        subscriptionName: 'release-notes',
        versions: [
          { version: 'v2026.01.14', artifactType: 'application/vnd.example.release-notes' },
          { version: 'v2026.01.07', artifactType: 'application/vnd.example.release-notes' },
        ],
      },
    ]);
  });

  it('gives per-app Argo CD health and a link from what Kargo wrote (item 10)', async () => {
    const prodEast = await stage('prod-east');
    expect(prodEast.health.status).toBe('Unhealthy');
    expect(prodEast.argocdApps).toEqual([
      {
        name: 'guestbook-prod-east',
        namespace: 'argocd',
        health: 'Degraded',
        healthMessage: 'Deployment "guestbook" exceeded its progress deadline',
        sync: 'Synced',
        url: `${ARGOCD}/applications/argocd/guestbook-prod-east`,
      },
    ]);
  });

  it("resolves Kargo's colour names on real stages (item 10)", async () => {
    expect((await stage('qa')).color).toBe(KARGO_COLOR_NAMES.violet);
    expect((await stage('perf')).color).toBeUndefined();
  });

  it('shows the auto-promotion hold an admin rollback left', async () => {
    expect((await stage('dev')).autoPromotion).toEqual({
      enabled: true,
      holds: [expect.objectContaining({ origin: 'Warehouse/guestbook', actor: 'admin' })],
    });
  });

  it("pages Kargo's verification events with the actor who reverified", async () => {
    const page = EventPageSchema.parse(
      (await get('/events?reason=FreightVerificationSucceeded')).body,
    );
    expect(page.items.map((e) => `${e.stage}:${e.actor}`)).toEqual([
      'qa:admin',
      'uat:controller:stage-controller',
      'qa:controller:stage-controller',
    ]);
  });
});
