import type { Stage } from '../kargo/stage.js';
import type { Warehouse } from '../kargo/warehouse.js';
import { findCondition } from './conditions.js';
import { isControlFlowStage } from './pipeline-graph.js';
import { warehouseHealth } from './warehouse-health.js';

/** Health tallies of a project's stages or warehouses, as its tile shows them. */
export interface HealthCounts {
  count: number;
  healthy: number;
  unhealthy: number;
  progressing: number;
  unknown: number;
}

const empty = (): HealthCounts => ({
  count: 0,
  healthy: 0,
  unhealthy: 0,
  progressing: 0,
  unknown: 0,
});

/** Kargo's project stats count a Stage healthy when its `Healthy` condition is True. */
export function isStageHealthy(stage: Pick<Stage, 'status'>): boolean {
  return findCondition(stage.status, 'Healthy')?.status === 'True';
}

/**
 * Stage counts as Kargo's project reconciler keeps them in `Project.status.stats.stages`:
 * control-flow stages have no health of their own and are left out of both numbers.
 * `unhealthy` is Healthy=False, `progressing` a health status of Progressing.
 */
export function stageHealthCounts(
  stages: ReadonlyArray<Pick<Stage, 'spec' | 'status'>>,
): HealthCounts {
  const c = empty();
  for (const s of stages) {
    if (isControlFlowStage(s)) continue;
    c.count += 1;
    const healthy = findCondition(s.status, 'Healthy')?.status;
    if (healthy === 'True') c.healthy += 1;
    else if (healthy === 'False') c.unhealthy += 1;
    else if (s.status?.health?.status === 'Progressing') c.progressing += 1;
    else c.unknown += 1;
  }
  return c;
}

/** Warehouse counts; a warehouse whose discovery keeps failing is unhealthy, not progressing. */
export function warehouseHealthCounts(
  warehouses: ReadonlyArray<Pick<Warehouse, 'status'>>,
): HealthCounts {
  const c = empty();
  for (const w of warehouses) {
    c.count += 1;
    const { state } = warehouseHealth(w);
    if (state === 'Healthy') c.healthy += 1;
    else if (state === 'Unhealthy') c.unhealthy += 1;
    else if (state === 'Reconciling') c.progressing += 1;
    else c.unknown += 1;
  }
  return c;
}
