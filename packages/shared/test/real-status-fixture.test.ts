import { describe, expect, it } from 'vitest';
import {
  deriveStagePhase,
  freightCollectionId,
  stageHealthCounts,
  warehouseHealth,
  warehouseHealthCounts,
} from '../src/domain/index.js';
import { REAL_STATUS_SITUATIONS, realStatusProject } from '../src/fixtures/index.js';

const fx = realStatusProject();
const names = new Set(
  [
    fx.project,
    ...(fx.projectConfig ? [fx.projectConfig] : []),
    ...fx.warehouses,
    ...fx.stages,
    ...fx.freight,
  ].map((o) => `${o.kind}/${o.metadata.name}`),
);

describe('the real-status fixture', () => {
  it('holds every object its situations name', () => {
    for (const s of REAL_STATUS_SITUATIONS)
      for (const o of s.objects) {
        const [kind, name] = o.split('/');
        if (kind === 'Promotion')
          expect(
            fx.promotions.some((p) => p.spec.stage === name),
            o,
          ).toBe(true);
        else if (kind === 'Event')
          expect(
            fx.events?.some((e) => e.reason === name),
            o,
          ).toBe(true);
        else if (kind === 'Freight' && name === '*') expect(fx.freight.length).toBeGreaterThan(0);
        else if (kind === 'Freight')
          expect(
            fx.freight.some((f) => f.origin.name === name),
            o,
          ).toBe(true);
        else expect(names.has(o), o).toBe(true);
      }
  });

  it("agrees with Kargo's project stats under Wharf's shared counting rules", () => {
    const stats = fx.project.status?.stats;
    const stages = stageHealthCounts(fx.stages);
    expect([stages.count, stages.healthy]).toEqual([
      stats?.stages?.count,
      stats?.stages?.health?.healthy,
    ]);
    const warehouses = warehouseHealthCounts(fx.warehouses);
    expect([warehouses.count, warehouses.healthy]).toEqual([
      stats?.warehouses?.count,
      stats?.warehouses?.health?.healthy,
    ]);
  });

  it('reads as Kargo users read it: phases and warehouse health', () => {
    expect(
      Object.fromEntries(fx.stages.map((s) => [s.metadata.name, deriveStagePhase(s)])),
    ).toEqual({
      fresh: 'NoFreight',
      dev: 'Ready',
      qa: 'Ready',
      uat: 'Verifying',
      perf: 'Promoting',
      integration: 'Ready',
      gate: 'Ready',
      'prod-east': 'Failed',
      'prod-west': 'Failed',
    });
    const charts = fx.warehouses.find((w) => w.metadata.name === 'charts');
    expect(charts && warehouseHealth(charts).state).toBe('Unhealthy');
  });

  it('ids each freight collection as Kargo does, and names AnalysisRuns by it', () => {
    for (const s of fx.stages)
      for (const c of s.status?.freightHistory ?? []) {
        const ids = Object.values(c.items ?? {}).map((r) => r.name ?? '');
        expect(c.id).toBe(freightCollectionId(ids));
        for (const v of c.verificationHistory ?? [])
          if (v.analysisRun) expect(v.analysisRun.name.endsWith(`.${c.id}`)).toBe(true);
      }
  });
});
