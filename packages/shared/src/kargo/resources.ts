import type { z } from 'zod';
import { FreightSchema } from './freight.js';
import { ProjectConfigSchema } from './project-config.js';
import { ProjectSchema } from './project.js';
import { ClusterPromotionTaskSchema, PromotionTaskSchema } from './promotion-task.js';
import { PromotionSchema } from './promotion.js';
import { StageSchema } from './stage.js';
import { WarehouseSchema } from './warehouse.js';

interface KargoResource<S extends z.ZodType> {
  kind: string;
  plural: string;
  namespaced: boolean;
  schema: S;
}

/** Kind → REST plural, scope and schema: what informers and routes need per kind. */
export const KARGO_RESOURCES = {
  Project: { kind: 'Project', plural: 'projects', namespaced: false, schema: ProjectSchema },
  ProjectConfig: {
    kind: 'ProjectConfig',
    plural: 'projectconfigs',
    namespaced: true,
    schema: ProjectConfigSchema,
  },
  Warehouse: { kind: 'Warehouse', plural: 'warehouses', namespaced: true, schema: WarehouseSchema },
  Freight: { kind: 'Freight', plural: 'freights', namespaced: true, schema: FreightSchema },
  Stage: { kind: 'Stage', plural: 'stages', namespaced: true, schema: StageSchema },
  Promotion: { kind: 'Promotion', plural: 'promotions', namespaced: true, schema: PromotionSchema },
  PromotionTask: {
    kind: 'PromotionTask',
    plural: 'promotiontasks',
    namespaced: true,
    schema: PromotionTaskSchema,
  },
  ClusterPromotionTask: {
    kind: 'ClusterPromotionTask',
    plural: 'clusterpromotiontasks',
    namespaced: false,
    schema: ClusterPromotionTaskSchema,
  },
} as const satisfies Record<string, KargoResource<z.ZodType>>;
export type KargoKind = keyof typeof KARGO_RESOURCES;
