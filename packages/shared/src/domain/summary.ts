import type { Project } from '../kargo/project.js';
import type { Stage } from '../kargo/stage.js';
import type { Warehouse } from '../kargo/warehouse.js';
import { findCondition } from './conditions.js';
import { STAGE_PHASES, deriveStagePhase } from './stage-phase.js';
import type { StagePhase } from './stage-phase.js';

export interface HealthCount {
  count: number;
  healthy: number;
}

export interface StageSummary extends HealthCount {
  byPhase: Record<StagePhase, number>;
  /** Stages whose `status.health.status` is Unhealthy. */
  unhealthy: number;
}

/** Kargo counts a Stage healthy when `status.health.status` is `Healthy`. */
export function isStageHealthy(stage: Pick<Stage, 'status'>): boolean {
  return stage.status?.health?.status === 'Healthy';
}

/** A Warehouse is healthy when its `Healthy` (or, failing that, `Ready`) condition is True. */
export function isWarehouseHealthy(warehouse: Pick<Warehouse, 'status'>): boolean {
  const c = findCondition(warehouse.status, 'Healthy') ?? findCondition(warehouse.status, 'Ready');
  return c?.status === 'True';
}

export function summarizeStages(stages: ReadonlyArray<Pick<Stage, 'status'>>): StageSummary {
  const byPhase = Object.fromEntries(STAGE_PHASES.map((p) => [p, 0])) as Record<StagePhase, number>;
  let healthy = 0;
  let unhealthy = 0;
  for (const s of stages) {
    byPhase[deriveStagePhase(s)] += 1;
    if (isStageHealthy(s)) healthy += 1;
    if (s.status?.health?.status === 'Unhealthy') unhealthy += 1;
  }
  return { count: stages.length, healthy, unhealthy, byPhase };
}

export function summarizeWarehouses(
  warehouses: ReadonlyArray<Pick<Warehouse, 'status'>>,
): HealthCount {
  return { count: warehouses.length, healthy: warehouses.filter(isWarehouseHealthy).length };
}

type KargoCounts = NonNullable<NonNullable<Project['status']>['stats']>['stages'];
const fromStats = (c: KargoCounts): HealthCount => ({
  count: c?.count ?? 0,
  healthy: c?.health?.healthy ?? 0,
});

export interface ProjectTileCounts {
  stages: HealthCount;
  warehouses: HealthCount;
  /** Where the numbers came from: Kargo's `status.stats`, or counted from the objects given. */
  source: 'project-status' | 'objects';
}

/**
 * Counts for a project tile. Prefers the stats Kargo's controller keeps on the Project; counts the
 * given objects when the Project has none (e.g. before Kargo has reconciled it).
 */
export function projectTileCounts(
  project: Pick<Project, 'status'>,
  objects?: {
    stages: ReadonlyArray<Pick<Stage, 'status'>>;
    warehouses: ReadonlyArray<Pick<Warehouse, 'status'>>;
  },
): ProjectTileCounts {
  const stats = project.status?.stats;
  if (stats?.stages || stats?.warehouses || !objects) {
    return {
      stages: fromStats(stats?.stages),
      warehouses: fromStats(stats?.warehouses),
      source: 'project-status',
    };
  }
  const stages = summarizeStages(objects.stages);
  return {
    stages: { count: stages.count, healthy: stages.healthy },
    warehouses: summarizeWarehouses(objects.warehouses),
    source: 'objects',
  };
}
