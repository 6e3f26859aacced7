import { z } from 'zod';
import { OpaqueVersionSchema, PartialErrorSchema, TimestampSchema, listOf } from './common.js';
import { StageViewSchema } from './stage-view.js';
import { WarehouseViewSchema } from './warehouse-view.js';

export const HealthCountsSchema = z.object({
  count: z.number().int().nonnegative(),
  healthy: z.number().int().nonnegative(),
  unhealthy: z.number().int().nonnegative(),
  progressing: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
});
export type HealthCounts = z.infer<typeof HealthCountsSchema>;

export const ProjectSummarySchema = z.object({
  name: z.string(),
  uid: z.string(),
  resourceVersion: OpaqueVersionSchema,
  description: z.string().optional(),
  createdAt: TimestampSchema.optional(),
  ready: z.boolean(),
  message: z.string().optional(),
  stages: HealthCountsSchema,
  warehouses: HealthCountsSchema,
  /** Promotions not yet terminal (Pending or Running). */
  pendingPromotions: z.number().int().nonnegative(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectListSchema = listOf(ProjectSummarySchema);
export type ProjectList = z.infer<typeof ProjectListSchema>;

export const GraphNodeSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().describe('`warehouse:<name>`'),
    kind: z.literal('warehouse'),
    warehouse: WarehouseViewSchema,
  }),
  z.object({
    id: z.string().describe('`stage:<name>`'),
    kind: z.literal('stage'),
    stage: StageViewSchema,
  }),
]);
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** Freight of `origin` flows from source to target (warehouse → stage, or stage → stage). */
export const GraphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  origin: z.string().describe('Warehouse name the freight on this edge comes from'),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const ProjectGraphSchema = z.object({
  project: z.string(),
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  errors: z.array(PartialErrorSchema),
  /** Dangling references (unknown warehouse or upstream stage) and cycles, for a person to fix. */
  problems: z.array(z.object({ type: z.string(), message: z.string() })).optional(),
});
export type ProjectGraph = z.infer<typeof ProjectGraphSchema>;

export const StageListSchema = listOf(StageViewSchema);
export type StageList = z.infer<typeof StageListSchema>;
export const WarehouseListSchema = listOf(WarehouseViewSchema);
export type WarehouseList = z.infer<typeof WarehouseListSchema>;
