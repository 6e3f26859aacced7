import {
  ANNOTATIONS,
  findCondition,
  isTerminalPromotionPhase,
  stageHealthCounts,
  warehouseHealthCounts,
  type Project,
  type Promotion,
  type Stage,
  type Warehouse,
} from '@wharf/shared';
import type { ProjectSummary } from '@wharf/shared/api';
import { defined } from './common.js';

export interface ProjectContents {
  stages: Stage[];
  warehouses: Warehouse[];
  promotions: Promotion[];
}

/**
 * Counts come from the cached objects, not Project.status.stats, so they are live to the second;
 * they follow the same rules as Kargo's stats (no control-flow stages, Healthy conditions).
 */
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
    stages: stageHealthCounts(contents.stages),
    warehouses: warehouseHealthCounts(contents.warehouses),
    pendingPromotions: contents.promotions.filter((p) => !isTerminalPromotionPhase(p.status?.phase))
      .length,
  };
}
