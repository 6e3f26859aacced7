import {
  ANNOTATIONS,
  findCondition,
  isTerminalPromotionPhase,
  type Project,
  type Promotion,
  type Stage,
  type Warehouse,
} from '@wharf/shared';
import type { HealthCounts, ProjectSummary } from '@wharf/shared/api';
import { defined } from './common.js';
import { toWarehouseView } from './warehouse-view.js';

function emptyCounts(): HealthCounts {
  return { count: 0, healthy: 0, unhealthy: 0, progressing: 0, unknown: 0 };
}

function countStages(stages: Stage[]): HealthCounts {
  const c = emptyCounts();
  for (const s of stages) {
    c.count += 1;
    const h = s.status?.health?.status;
    if (h === 'Healthy') c.healthy += 1;
    else if (h === 'Unhealthy') c.unhealthy += 1;
    else if (h === 'Progressing') c.progressing += 1;
    else c.unknown += 1;
  }
  return c;
}

function countWarehouses(warehouses: Warehouse[]): HealthCounts {
  const c = emptyCounts();
  for (const w of warehouses) {
    c.count += 1;
    const h = toWarehouseView(w).health;
    if (h === 'Healthy') c.healthy += 1;
    else if (h === 'Unhealthy') c.unhealthy += 1;
    else if (h === 'Reconciling') c.progressing += 1;
    else c.unknown += 1;
  }
  return c;
}

export interface ProjectContents {
  stages: Stage[];
  warehouses: Warehouse[];
  promotions: Promotion[];
}

/** Counts come from the cached objects, not Project.status.stats, so they are live to the second. */
export function toProjectSummary(project: Project, contents: ProjectContents): ProjectSummary {
  const ready = findCondition(project.status, 'Ready');
  return {
    name: project.metadata.name,
    uid: project.metadata.uid ?? '',
    resourceVersion: project.metadata.resourceVersion ?? '',
    ...defined({
      description: project.metadata.annotations?.[ANNOTATIONS.description],
      createdAt: project.metadata.creationTimestamp,
      message: ready?.status === 'True' ? undefined : ready?.message,
    }),
    ready: ready?.status !== 'False',
    stages: countStages(contents.stages),
    warehouses: countWarehouses(contents.warehouses),
    pendingPromotions: contents.promotions.filter((p) => !isTerminalPromotionPhase(p.status?.phase))
      .length,
  };
}
